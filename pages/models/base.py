"""What the college's records share: a stable key, a date at its precision, an order staff set,
snapshots of figures, the universities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet

from pages.dates import DatePrecision, format_precise_date, iso_precise_date


class University(models.TextChoices):
    CQMU = "cqmu", _("Chongqing Medical University")
    UOL = "uol", _("University of Leicester")


class PreciseDateMixin(models.Model):
    """A date known to the year, the month or the day: the unknown parts are stored as 1."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date is known: only the year, the month, or the exact day."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # An editor picks a day in a calendar even when only the month is known; what is not
        # known is dropped, so that two dates of the same precision sort and compare alike.
        if self.date and self.date_precision == DatePrecision.YEAR:
            self.date = self.date.replace(month=1, day=1)
        elif self.date and self.date_precision == DatePrecision.MONTH:
            self.date = self.date.replace(day=1)

    @property
    def date_display(self):
        return format_precise_date(self.date, self.date_precision)

    @property
    def date_iso(self):
        return iso_precise_date(self.date, self.date_precision)


class KeyedModel(models.Model):
    """A record with a stable `key`: how the fixtures loader recognises it across languages.
    It is named by its translated `name_field` in any language, or by its key while it has none."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("A stable identifier, never shown to visitors; the content loader uses it."),
    )
    name_field = "name"

    class Meta:
        abstract = True

    def __str__(self):
        return self.safe_translation_getter(self.name_field, any_language=True) or self.key


class DisplayOrdered(models.Model):
    """A record listed in the order staff give it (a tie: the first made first)."""

    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class SnapshotQuerySet(TranslatableQuerySet):
    def current(self):
        """The latest snapshot: the figures shown as today's."""
        return self.order_by("-date", "-pk").first()


class Snapshot(PreciseDateMixin, models.Model):
    """Figures as of a date: the latest are shown as current, older ones kept as a record."""

    # What the figures are of, as a title with the date: "Students as of %(date)s".
    as_of = None

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.as_of % {"date": self.date_display} if self.date else "–"
