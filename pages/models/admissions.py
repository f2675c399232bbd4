"""Places and results by province and year: what families choose their 志愿 with.

`Province` is reference data (fixtures/college/provinces.yaml: facts, not content): each
provincial-level division with its names, its gaokao subject-track system and its maximum
score. `AdmissionRecord` is one row of a programme's published table (招生计划 and 历年录取分数):
a year, a province and a track, with the places, the scores, the lowest rank admitted (最低位次)
and the province's control line (省控线). The margin over the line (线差) is computed, never
typed. Staff import a year's table at once (pages/admissions_import.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.publishing import PublishableQuerySet, PublishedByDefault
from jeiweb.i18n.status import last_changed_field
from pages.models.base import DisplayOrdered, KeyedModel


class TrackSystem(models.TextChoices):
    """How a province divides its gaokao candidates into subject tracks (科类)."""

    PHYSICS_HISTORY = "3+1+2", _("Physics or history track (3+1+2)")
    COMPREHENSIVE = "3+3", _("Comprehensive reform (3+3)")
    SCIENCE_ARTS = "science-arts", _("Science or arts")


class Track(models.TextChoices):
    PHYSICS = "physics", _("Physics track")
    HISTORY = "history", _("History track")
    COMPREHENSIVE = "comprehensive", _("Comprehensive reform")
    SCIENCE = "science", _("Science")
    ARTS = "arts", _("Arts")


SYSTEM_TRACKS = {
    TrackSystem.PHYSICS_HISTORY: (Track.PHYSICS, Track.HISTORY),
    TrackSystem.COMPREHENSIVE: (Track.COMPREHENSIVE,),
    TrackSystem.SCIENCE_ARTS: (Track.SCIENCE, Track.ARTS),
}


class ProvinceQuerySet(TranslatableQuerySet):
    def by_any_name(self):
        """{key, English or Chinese name (with and without 省/市…): province}, for reading a file."""
        names = {}
        for province in self.prefetch_related("translations"):
            names[province.key] = province
            for translation in province.translations.all():
                names[translation.name.casefold()] = province
                names[translation.name.casefold().removesuffix(" province")] = province
        return names


@site_content
class Province(KeyedModel, DisplayOrdered, TranslatableModel):
    """A provincial-level division (or Hong Kong, Macao, Taiwan) as the gaokao sees it: its names,
    its track system and its maximum score. Facts loaded from fixtures/college/provinces.yaml."""

    translations = TranslatedFields(
        changed=last_changed_field(), name=models.CharField(_("name"), max_length=50)
    )
    track_system = models.CharField(_("track system"), max_length=20, choices=TrackSystem.choices)
    reformed_in = models.PositiveSmallIntegerField(
        _("first examination under this system"),
        null=True,
        blank=True,
        help_text=_("Before this year the province had science and arts tracks. Empty: always."),
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=750)

    objects = ProvinceQuerySet.as_manager()

    class Meta(DisplayOrdered.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def tracks_in(self, year):
        """The subject tracks the province's candidates sat in `year`."""
        if self.reformed_in and year < self.reformed_in:
            return SYSTEM_TRACKS[TrackSystem.SCIENCE_ARTS]
        return SYSTEM_TRACKS[self.track_system]

    @property
    def tracks(self):
        """Every track a table of this province may show, today's first."""
        current = SYSTEM_TRACKS[self.track_system]
        earlier = SYSTEM_TRACKS[TrackSystem.SCIENCE_ARTS] if self.reformed_in else ()
        return current + tuple(track for track in earlier if track not in current)


class AdmissionRecordQuerySet(PublishableQuerySet, models.QuerySet):
    def table(self, programme, province, track, now=None):
        """One province's and track's rows of a programme, oldest year first."""
        return (
            self.visible(now=now).filter(programme=programme, province=province, track=track).order_by("year")
        )


def count_field(verbose_name):
    return models.PositiveIntegerField(verbose_name, null=True, blank=True)


def score_field(verbose_name):
    return models.PositiveSmallIntegerField(verbose_name, null=True, blank=True)


@site_content
class AdmissionRecord(PublishedByDefault):
    """One row of a programme's admissions table: a year, a province and a subject track.
    Imported a year at a time (the Import button); every figure is optional, as published."""

    programme = models.ForeignKey(
        "pages.Programme",
        on_delete=models.CASCADE,
        related_name="admission_records",
        verbose_name=_("programme"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="admission_records", verbose_name=_("province")
    )
    track = models.CharField(_("subject track"), max_length=20, choices=Track.choices)
    planned_places = count_field(_("planned places"))
    admitted = count_field(_("admitted"))
    highest_score = score_field(_("highest score"))
    average_score = models.DecimalField(
        _("average score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    lowest_score = score_field(_("lowest score"))
    lowest_rank = models.PositiveIntegerField(
        _("lowest rank"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The rank in the province of the last candidate admitted (最低位次)."),
    )
    control_line = score_field(_("control line"))

    objects = AdmissionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "-year", "province", "track"]
        verbose_name = _("admission record")
        verbose_name_plural = _("admission records")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "year", "province", "track"], name="one_admission_record_per_row"
            )
        ]
        indexes = [models.Index(fields=["programme", "province", "track", "year"])]

    def __str__(self):
        return f"{self.year} {self.province} {self.get_track_display()}"

    @property
    def margin(self):
        """线差: the lowest score admitted over the province's control line."""
        if self.lowest_score is None or self.control_line is None:
            return None
        return self.lowest_score - self.control_line

    def clean(self):
        super().clean()
        if not self.province_id or not self.year:
            return
        errors = {}
        province = self.province
        if self.track and self.track not in province.tracks_in(self.year):
            errors["track"] = _("%(province)s had no %(track)s in %(year)s.") % {
                "province": province,
                "track": self.get_track_display(),
                "year": self.year,
            }
        for name in ("highest_score", "average_score", "lowest_score", "control_line"):
            value = getattr(self, name)
            if value is not None and value > province.max_score:
                errors[name] = _("%(score)s is above %(province)s’s maximum score of %(maximum)s.") % {
                    "score": value,
                    "province": province,
                    "maximum": province.max_score,
                }
        scores = [self.lowest_score, self.average_score, self.highest_score]
        known = [score for score in scores if score is not None]
        if known != sorted(known):
            errors.setdefault("lowest_score", _("The lowest score is above the average or the highest."))
        if errors:
            raise ValidationError(errors)
