"""The one publishing rule of the site: what a visitor may see, and when that changes.

A record that visitors see (an article, an event, a programme, a question, a milestone, a
contact point) is a `Publishable`: a draft, or published from its publication time on. A
publication time in the future schedules it: it appears by itself at that time, with no cron
job, because every read compares with the time of the request.

Its queryset (with `PublishableQuerySet` mixed in) answers the only two questions the site asks:
`visible(language, now)`, what visitors see in a language at a time (a record not written in
the language is left out, never shown in the other one); and `next_visibility_change(now)`,
the next moment that answer changes by itself, which is when the page cache expires
(jeiweb/cache/pages.py). The instance check `is_visible(now)` is the same rule for one record.
A model whose visibility depends on another record (a question on a hidden programme's page)
says so once, in its own `visible` and `is_visible`.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    """Mixed into a model's queryset (before parler's `TranslatableQuerySet`)."""

    def visible(self, language=None, now=None, scheduled=False):
        """What visitors see at `now`: published and due; with `language`, written in it.
        `scheduled=True` adds what is published for a later time (the search indexes it ahead)."""
        records = self.filter(status=Status.PUBLISHED)
        if not scheduled:
            records = records.filter(publication_start__lte=now or timezone.now())
        return records.translated(language) if language else records

    def next_visibility_change(self, now=None):
        """The earliest publication time after `now` (None: nothing is scheduled)."""
        later = self.visible(scheduled=True).filter(publication_start__gt=now or timezone.now())
        return later.order_by("publication_start").values_list("publication_start", flat=True).first()


def status_field(default):
    return models.CharField(_("status"), max_length=20, choices=Status.choices, default=default)


class Publishable(models.Model):
    """A record visitors see once it is published and its publication time has come.
    A new one is a draft: staff write it, then publish it."""

    status = status_field(Status.DRAFT)
    publication_start = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules it: it appears by itself at that time."),
    )

    class Meta:
        abstract = True

    def is_visible(self, now=None):
        return self.status == Status.PUBLISHED and self.visible_from <= (now or timezone.now())

    @property
    def visible_from(self):
        """When a published record appears (the search indexes it ahead, hidden until then)."""
        return self.publication_start

    @property
    def is_draft(self):
        return self.status == Status.DRAFT

    @property
    def state(self):
        """Draft, scheduled or published, as staff need to see it."""
        if self.is_draft:
            return _("Draft")
        if self.publication_start > timezone.now():
            return _("Scheduled")
        return _("Published")


class PublishedByDefault(Publishable):
    """The college's reference data (programmes, questions, milestones, contact points): a new
    record is published at once, as the seed loader writes it; staff may set it back to draft."""

    status = status_field(Status.PUBLISHED)

    class Meta:
        abstract = True
