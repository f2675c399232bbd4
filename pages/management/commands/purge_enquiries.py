"""Delete closed enquiries older than ENQUIRY_RETENTION_DAYS, as the privacy notice promises."""

from jeiweb.management.purging import PurgeCommand
from pages.models import Enquiry


class Command(PurgeCommand):
    model = Enquiry
    help = "Delete closed enquiries older than ENQUIRY_RETENTION_DAYS."
    retention_setting = "ENQUIRY_RETENTION_DAYS"
    purged = "closed enquiries older than {days} days"
