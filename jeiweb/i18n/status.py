"""Which translations are missing or out of date, from timestamps kept next to the data.

Each translation of a record (django-parler) has its own `changed` time (`last_changed_field()`);
a CMS page's language has its latest version's time (djangocms-versioning). A translation is
outdated when another language changed more than `TRANSLATION_OUTDATED_AFTER` seconds after it:
the margin lets an editor write both languages one after the other (the first one written does
not count as outdated because the second came minutes later), while a change made later in
one language flags the other until someone edits it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Max, Min
from django.utils.translation import gettext_lazy as _

from jeiweb.i18n import language_codes

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "up-to-date"
LABELS = {MISSING: _("missing"), OUTDATED: _("outdated"), UP_TO_DATE: _("up to date")}


def last_changed_field():
    """The `changed` field of a parler translation: when this language was last saved."""
    return models.DateTimeField(_("last changed"), auto_now=True)


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    status: str
    changed: object = None

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def needs_work(self):
        return self.status != UP_TO_DATE


def statuses(changed_by_language):
    """{language: time of its last change, or None when it is missing} → [LanguageStatus]."""
    margin = timedelta(seconds=settings.TRANSLATION_OUTDATED_AFTER)
    times = [time for time in changed_by_language.values() if time is not None]
    latest = max(times) if times else None
    result = []
    for language in language_codes():
        changed = changed_by_language.get(language)
        if changed is None:
            status = MISSING
        elif latest - changed > margin:
            status = OUTDATED
        else:
            status = UP_TO_DATE
        result.append(LanguageStatus(language, status, changed))
    return result


def record_statuses(obj):
    """The statuses of a parler object's translations (use with prefetch_related("translations"))."""
    return statuses({t.language_code: t.changed for t in obj.translations.all()})


def needing_work(records):
    """The records of a parler queryset with a translation missing or outdated: the rule of
    `statuses`, in the database, so that a list of them can be paged in the records' order.
    A record is up to date when it has a translation in every language and the newest of them
    changed at most TRANSLATION_OUTDATED_AFTER after the oldest."""
    margin = timedelta(seconds=settings.TRANSLATION_OUTDATED_AFTER)
    codes = language_codes()
    up_to_date = (
        records.model._parler_meta.root_model.objects.filter(language_code__in=codes)
        .values("master_id")
        .annotate(languages=Count("pk"), newest=Max("changed"), oldest=Min("changed"))
        .filter(languages=len(codes), newest__lte=F("oldest") + margin)
        .values("master_id")
    )
    return records.exclude(pk__in=up_to_date)
