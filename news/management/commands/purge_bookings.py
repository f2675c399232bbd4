"""Delete bookings of events that ended more than BOOKING_RETENTION_DAYS ago, as the privacy
notice promises.

Run it daily (cron or a systemd timer): `python manage.py purge_bookings`. `--dry-run` counts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from news.models import Booking


class Command(BaseCommand):
    help = "Delete bookings of events that ended more than BOOKING_RETENTION_DAYS ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        expired = Booking.objects.expired()
        if dry_run:
            count = expired.count()
        else:
            count, _deleted = expired.delete()
        verb = "would delete" if dry_run else "deleted"
        days = settings.BOOKING_RETENTION_DAYS
        self.stdout.write(f"{verb} {count} bookings of events that ended more than {days} days ago")
