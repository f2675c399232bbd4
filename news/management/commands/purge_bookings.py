"""Delete bookings of events that ended more than BOOKING_RETENTION_DAYS ago, as the privacy
notice promises."""

from jeiweb.management.purging import PurgeCommand
from news.models import Booking


class Command(PurgeCommand):
    model = Booking
    help = "Delete bookings of events that ended more than BOOKING_RETENTION_DAYS ago."
    retention_setting = "BOOKING_RETENTION_DAYS"
    purged = "bookings of events that ended more than {days} days ago"
