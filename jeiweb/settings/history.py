"""The history of site content and the audit trail (django-reversion): jeiweb/content/history.py.
`base.py` imports it."""

import environ

env = environ.Env()  # base.py has read .env into the environment already

# Days an earlier version of a record (and the audit trail's line about it) is kept;
# `purge_history` deletes older revisions but always keeps each live record's latest one.
HISTORY_RETENTION_DAYS = env.int("HISTORY_RETENTION_DAYS", default=730)

# django CMS pages: djangocms-versioning keeps their versions, but by default two editors may
# change one draft at once and the later plugin save silently wins. With locking, a draft is
# its author's: others see "Locked by …" and cannot edit it until it is published or a Page
# editor unlocks it (the author is told by e-mail). jeiweb/admin/history.py covers our models.
DJANGOCMS_VERSIONING_LOCK_VERSIONS = env.bool("DJANGOCMS_VERSIONING_LOCK_VERSIONS", default=True)
