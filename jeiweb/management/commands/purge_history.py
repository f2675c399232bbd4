"""Delete earlier versions of records older than HISTORY_RETENTION_DAYS (the audit trail's
lines with them); each live record keeps its latest version.

Run it daily (cron or a systemd timer): `python manage.py purge_history`. `--dry-run` counts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from jeiweb.content.history import purge_history


class Command(BaseCommand):
    help = "Delete revisions older than HISTORY_RETENTION_DAYS, keeping each live record's latest."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.HISTORY_RETENTION_DAYS
        with transaction.atomic():
            count = purge_history(days)
            if dry_run:
                transaction.set_rollback(True)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {count} revisions older than {days} days")
