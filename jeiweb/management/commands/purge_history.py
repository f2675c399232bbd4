"""Delete earlier versions of records older than HISTORY_RETENTION_DAYS (the audit trail's
lines with them); each live record keeps its latest version."""

from django.db import transaction

from jeiweb.content.history import purge_history
from jeiweb.management.purging import PurgeCommand


class Command(PurgeCommand):
    help = "Delete revisions older than HISTORY_RETENTION_DAYS, keeping each live record's latest."
    retention_setting = "HISTORY_RETENTION_DAYS"
    purged = "revisions older than {days} days"

    def purge(self, days, dry_run):
        # purge_history counts as it deletes: a dry run deletes and then undoes it.
        with transaction.atomic():
            count = purge_history(days)
            if dry_run:
                transaction.set_rollback(True)
        return count
