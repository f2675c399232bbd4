"""The base of the commands that delete what its retention period has ended: purge_history,
purge_bookings, purge_enquiries.

Run each daily (cron or a systemd timer), e.g. `python manage.py purge_bookings`; with
`--dry-run` it only counts what it would delete.
"""

from django.conf import settings
from django.core.management.base import BaseCommand


class PurgeCommand(BaseCommand):
    """Deletes the `expired()` records of `model` (or what `purge` deletes) and says how many, in
    the words of `purged` with `{days}` the setting `retention_setting`."""

    model = None  # its default manager has `expired()`, which reads the retention setting
    retention_setting = ""  # e.g. "BOOKING_RETENTION_DAYS"
    purged = ""  # e.g. "bookings of events that ended more than {days} days ago"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def purge(self, days, dry_run):
        """Delete what is expired (only count it with `dry_run`); returns how many."""
        expired = self.model._default_manager.expired()
        if dry_run:
            return expired.count()
        count, _deleted = expired.delete()
        return count

    def handle(self, *args, dry_run=False, **options):
        days = getattr(settings, self.retention_setting)
        count = self.purge(days, dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {count} {self.purged.format(days=days)}")
