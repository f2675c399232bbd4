"""Delete closed enquiries older than ENQUIRY_RETENTION_DAYS, as the privacy notice promises.

Run it daily (cron or a systemd timer): `python manage.py purge_enquiries`. `--dry-run` counts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from pages.models import Enquiry


class Command(BaseCommand):
    help = "Delete closed enquiries older than ENQUIRY_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        expired = Enquiry.objects.expired()
        if dry_run:
            count = expired.count()
        else:
            count, _deleted = expired.delete()
        verb = "would delete" if dry_run else "deleted"
        days = settings.ENQUIRY_RETENTION_DAYS
        self.stdout.write(f"{verb} {count} closed enquiries older than {days} days")
