"""The history of site content and the audit trail (django-reversion): jeiweb/content/history.py.
`base.py` imports it."""

import environ

env = environ.Env()  # base.py has read .env into the environment already

# Days an earlier version of a record (and the audit trail's line about it) is kept;
# `purge_history` deletes older revisions but always keeps each live record's latest one.
HISTORY_RETENTION_DAYS = env.int("HISTORY_RETENTION_DAYS", default=730)
