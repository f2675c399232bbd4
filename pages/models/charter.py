"""The admissions charter (招生章程) of each year: the rules of that year's admission, as published.

Families compare this year's rules with last year's: the page shows what changed, in the staff's
own words when they write a summary, otherwise as the paragraphs added and removed, computed.
"""

import difflib
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.publishing import Publishable, PublishableQuerySet
from jeiweb.i18n import reverse_in
from jeiweb.i18n.status import last_changed_field


class CharterQuerySet(PublishableQuerySet, TranslatableQuerySet):
    pass


def paragraphs(text):
    return [paragraph.strip() for paragraph in (text or "").split("\n\n") if paragraph.strip()]


@dataclass(frozen=True)
class CharterChanges:
    """What changed from one charter to the next, paragraph by paragraph."""

    added: list
    removed: list

    def __bool__(self):
        return bool(self.added or self.removed)


@site_content
class AdmissionsCharter(Publishable, TranslatableModel):
    """The admissions charter of one year, in both languages. Paragraphs are separated by a blank
    line; the page compares them with the previous year's charter."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(_("title"), max_length=200),
        body=models.TextField(_("charter"), help_text=_("Separate paragraphs with a blank line.")),
        changes_summary=models.TextField(
            _("what changed from the previous year"),
            blank=True,
            help_text=_(
                "Optional: in your words. Left empty, the page lists the paragraphs added and removed."
            ),
        ),
    )

    objects = CharterQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("admissions charter")
        verbose_name_plural = _("admissions charters")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.year)

    def get_absolute_url(self, language=None):
        return reverse_in(language, "programmes:charter", year=self.year)

    @property
    def paragraphs(self):
        return paragraphs(self.body)

    def changes_from(self, previous):
        """The paragraphs added to and removed from `previous` (in the current language)."""
        before = paragraphs(
            previous.safe_translation_getter("body", language_code=self.get_current_language())
        )
        after = self.paragraphs
        added, removed = [], []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
            if tag in ("replace", "delete"):
                removed += before[i1:i2]
            if tag in ("replace", "insert"):
                added += after[j1:j2]
        return CharterChanges(added=added, removed=removed)
