"""The college as data: programmes, governance, teaching staff, students, quality and milestones.

Every number a visitor reads comes from one of these records; shares and other derived
figures are properties, never stored. Visitor-facing text is translated with django-parler;
dates, counts and order are shared by both languages.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields


class University(models.TextChoices):
    CQMU = "cqmu", _("Chongqing Medical University")
    UOL = "uol", _("University of Leicester")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


def format_precise_date(date, precision):
    """A date written only as precisely as it is known, in the active language.

    The formats are translatable strings, so that Chinese reads "1993年10月" where English
    reads "October 1993".
    """
    if precision == DatePrecision.YEAR:
        fmt = pgettext("date at year precision", "Y")
    elif precision == DatePrecision.MONTH:
        fmt = pgettext("date at month precision", "F Y")
    else:
        fmt = pgettext("date at day precision", "j F Y")
    return dateformat.format(date, fmt)


def iso_precise_date(date, precision):
    """The value of a <time datetime> attribute: "2018", "1993-10" or "2024-05-12"."""
    return {
        DatePrecision.YEAR: f"{date.year:04d}",
        DatePrecision.MONTH: f"{date.year:04d}-{date.month:02d}",
    }.get(precision, date.isoformat())


def share(part, whole):
    """`part` as a whole percentage of `whole`, rounded half up (as people round), or None."""
    if not whole:
        return None
    return int((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


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
    """A record with a stable `key`: how the fixtures loader recognises it across languages."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("A stable identifier, never shown to visitors; the content loader uses it."),
    )

    class Meta:
        abstract = True


# Programmes ----------------------------------------------------------------------------------


class Level(models.TextChoices):
    UNDERGRADUATE = "undergraduate", _("Undergraduate")
    POSTGRADUATE = "postgraduate", _("Postgraduate")


class Award(models.TextChoices):
    BSC = "bsc", _("BSc")
    MSC = "msc", _("MSc")


class EntryRoute(models.TextChoices):
    GAOKAO = "gaokao", _("National college entrance examination (gaokao)")
    MASTERS_EXAM = "masters-exam", _("National master’s entrance examination")


# Which award and entry route belong to which level: a BSc is undergraduate and admits
# through the gaokao, an MSc is postgraduate and admits through the master's examination.
LEVEL_AWARDS = {Level.UNDERGRADUATE: Award.BSC, Level.POSTGRADUATE: Award.MSC}
LEVEL_ROUTES = {Level.UNDERGRADUATE: EntryRoute.GAOKAO, Level.POSTGRADUATE: EntryRoute.MASTERS_EXAM}


class ProgrammeQuerySet(TranslatableQuerySet):
    def published(self, language=None):
        """What visitors see: published programmes, and with `language`, only those written in it
        (a programme not yet translated is left out rather than shown in the other language)."""
        programmes = self.filter(is_published=True)
        return programmes.translated(language) if language else programmes

    def for_listing(self, language=None):
        """What a list of programmes shows, in a number of queries that does not grow with it."""
        return self.published(language).prefetch_related(
            "translations",
            models.Prefetch(
                "accreditations", queryset=Accreditation.objects.prefetch_related("translations")
            ),
        )


def year_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )


class Programme(KeyedModel, TranslatableModel):
    """A degree programme of the institute: what prospective students find, filter and compare.

    Leave a field empty when the sources do not state it (duration, places, fees): an empty
    field is simply not shown.
    """

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        slug=models.SlugField(
            _("slug"), max_length=200, help_text=_("The last part of the programme’s address.")
        ),
        summary=models.TextField(_("summary"), help_text=_("One or two sentences, shown on the card.")),
        description=models.TextField(_("description"), blank=True),
        fees=models.CharField(_("fees"), max_length=200, blank=True),
        meta={"unique_together": [("language_code", "slug")]},
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    award = models.CharField(_("award"), max_length=10, choices=Award.choices)
    awarded_by_cqmu = models.BooleanField(_("degree from Chongqing Medical University"), default=True)
    awarded_by_uol = models.BooleanField(_("degree from the University of Leicester"), default=True)
    entry_route = models.CharField(_("entry route"), max_length=20, choices=EntryRoute.choices)
    approved_in = year_field(_("year approved"))
    launched_in = year_field(_("year launched"))
    first_intake_in = year_field(_("year of first intake"))
    duration_years = models.PositiveSmallIntegerField(
        _("duration in years"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    places = models.PositiveSmallIntegerField(_("places per year"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    modified = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.key

    def get_absolute_url(self, language=None):
        """The programme's page in `language` (by default its current one), at that language's slug."""
        language = language or self.get_current_language()
        with override(language):
            slug = self.safe_translation_getter("slug", language_code=language)
            return reverse("programmes:detail", kwargs={"slug": slug})

    def clean(self):
        super().clean()
        # A trailing blank line would become an empty paragraph.
        self.description = (self.description or "").strip()
        errors = {}
        if self.level and self.award and LEVEL_AWARDS.get(self.level) != self.award:
            errors["award"] = _("A %(award)s is not awarded at %(level)s level.") % {
                "award": self.get_award_display(),
                "level": self.get_level_display().lower(),
            }
        if self.level and self.entry_route and LEVEL_ROUTES.get(self.level) != self.entry_route:
            errors["entry_route"] = _("This is not how %(level)s students are admitted.") % {
                "level": self.get_level_display().lower()
            }
        if not (self.awarded_by_cqmu or self.awarded_by_uol):
            errors["awarded_by_cqmu"] = _("At least one university awards the degree.")
        years = [("approved_in", self.approved_in), ("launched_in", self.launched_in)]
        years.append(("first_intake_in", self.first_intake_in))
        known = [(name, year) for name, year in years if year is not None]
        for (_earlier, before), (later, after) in zip(known, known[1:], strict=False):
            if after < before:
                errors[later] = _("The dates are out of order: approval, launch, then first intake.")
        if errors:
            raise ValidationError(errors)

    @property
    def awarding_universities(self):
        return [
            label
            for awarded, label in (
                (self.awarded_by_cqmu, University.CQMU.label),
                (self.awarded_by_uol, University.UOL.label),
            )
            if awarded
        ]

    @property
    def is_dual_degree(self):
        return self.awarded_by_cqmu and self.awarded_by_uol


# Governance ----------------------------------------------------------------------------------


class Committee(KeyedModel, TranslatableModel):
    """A joint committee through which the two universities govern the institute."""

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice-chair", _("Vice-Chair")
    MEMBER = "member", _("Member")


class CommitteeMember(TranslatableModel):
    """A person on a joint committee, with their role in it and their post at their university."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name=_("committee")
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    university = models.CharField(_("university"), max_length=10, choices=University.choices)
    translations = TranslatedFields(
        name=models.CharField(
            _("name"),
            max_length=200,
            help_text=_("Names of UoL staff stay in Latin script in both languages."),
        ),
        position=models.CharField(_("position"), max_length=300),
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["committee", "order", "pk"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(self.pk)

    def clean(self):
        super().clean()
        if self.role == CommitteeRole.CHAIR and self.committee_id:
            chairs = CommitteeMember.objects.filter(committee_id=self.committee_id, role=CommitteeRole.CHAIR)
            if chairs.exclude(pk=self.pk).exists():
                raise ValidationError({"role": _("This committee already has a chair.")})


# Teaching staff and students -------------------------------------------------------------------


class SnapshotQuerySet(TranslatableQuerySet):
    def current(self):
        """The latest snapshot: the figures shown as today's."""
        return self.order_by("-date", "-pk").first()


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    share: int | None = None
    part_of: str | None = None


class TeachingStaffProfile(PreciseDateMixin, TranslatableModel):
    """A dated snapshot of the teaching body of the imported courses.

    Enter counts only: every percentage on the site is computed from them. The latest
    snapshot is shown; older ones are kept as a record.
    """

    translations = TranslatedFields(
        note=models.CharField(
            _("note"), max_length=300, blank=True, help_text=_("Where the figures come from.")
        ),
    )
    course_teams = models.PositiveSmallIntegerField(_("course teaching teams"))
    core_teachers = models.PositiveSmallIntegerField(_("core teachers"))
    source_schools = models.PositiveSmallIntegerField(_("schools the teachers come from"))
    senior_titles = models.PositiveSmallIntegerField(_("with senior professional titles"))
    professors = models.PositiveSmallIntegerField(_("professors or chief physicians"))
    associate_professors = models.PositiveSmallIntegerField(
        _("associate professors or associate chief physicians")
    )
    doctorates = models.PositiveSmallIntegerField(_("with doctoral degrees"))
    supervisors = models.PositiveSmallIntegerField(_("graduate supervisors"))
    doctoral_supervisors = models.PositiveSmallIntegerField(_("doctoral supervisors"))
    masters_supervisors = models.PositiveSmallIntegerField(_("master’s supervisors"))
    overseas_experience = models.PositiveSmallIntegerField(_("with overseas study experience"))

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("teaching staff profile")
        verbose_name_plural = _("teaching staff profiles")

    def __str__(self):
        return _("Teaching staff as of %(date)s") % {"date": self.date_display} if self.date else "–"

    def clean(self):
        super().clean()
        errors = {}
        sums = [
            ("senior_titles", ("professors", "associate_professors")),
            ("supervisors", ("doctoral_supervisors", "masters_supervisors")),
        ]
        for whole, parts in sums:
            values = [getattr(self, name) for name in (whole, *parts)]
            if None not in values and values[0] != values[1] + values[2]:
                errors[whole] = _("%(total)s does not equal its parts (%(first)s + %(second)s).") % {
                    "total": values[0],
                    "first": values[1],
                    "second": values[2],
                }
        if self.core_teachers is not None:
            for name in ("senior_titles", "doctorates", "supervisors", "overseas_experience"):
                value = getattr(self, name)
                if value is not None and value > self.core_teachers:
                    errors.setdefault(
                        name, _("More than the %(total)s core teachers.") % {"total": self.core_teachers}
                    )
        if errors:
            raise ValidationError(errors)

    def share_of_core(self, count):
        return share(count, self.core_teachers)

    @property
    def figures(self):
        """The qualifications of the core teachers, each with its share of them."""
        field = self._meta.get_field
        rows = []
        for name, parts in (
            ("senior_titles", ("professors", "associate_professors")),
            ("doctorates", ()),
            ("supervisors", ("doctoral_supervisors", "masters_supervisors")),
            ("overseas_experience", ()),
        ):
            count = getattr(self, name)
            rows.append(Figure(field(name).verbose_name, count, self.share_of_core(count)))
            for part in parts:
                rows.append(Figure(field(part).verbose_name, getattr(self, part), part_of=name))
        return rows


class SourceSchool(TranslatableModel):
    """A school or institute of CQMU that core teachers come from (the sources name six of eight)."""

    profile = models.ForeignKey(
        TeachingStaffProfile,
        on_delete=models.CASCADE,
        related_name="schools",
        verbose_name=_("teaching staff profile"),
    )
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=200))
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("source school")
        verbose_name_plural = _("source schools")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(self.pk)

    def clean(self):
        super().clean()
        if self.profile_id and self._state.adding:
            named = SourceSchool.objects.filter(profile_id=self.profile_id).count()
            if named >= self.profile.source_schools:
                raise ValidationError(
                    _("The profile counts %(count)s schools; all of them are named already.")
                    % {"count": self.profile.source_schools}
                )


class StudentBody(PreciseDateMixin, TranslatableModel):
    """A dated snapshot of the student body. The latest is shown as current; older ones are kept."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="student_bodies",
        verbose_name=_("programme"),
        help_text=_("The programme these students are on; empty for the whole institute."),
    )
    students = models.PositiveIntegerField(_("students"))
    provinces = models.PositiveSmallIntegerField(
        _("provinces and municipalities"),
        validators=[MaxValueValidator(34)],
        help_text=_("China has 34 provincial-level divisions."),
    )
    intakes = models.PositiveSmallIntegerField(_("intakes"))
    translations = TranslatedFields(
        note=models.CharField(
            _("note"), max_length=300, blank=True, help_text=_("Where the figures come from.")
        ),
    )

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("student body")
        verbose_name_plural = _("student bodies")

    def __str__(self):
        return _("Students as of %(date)s") % {"date": self.date_display} if self.date else "–"

    def clean(self):
        super().clean()
        if self.students and not (self.provinces and self.intakes):
            raise ValidationError(_("Students come from at least one province and one intake."))
        if self.students is not None and self.provinces is not None and self.provinces > self.students:
            raise ValidationError({"provinces": _("More provinces than students.")})


# Resources and quality -----------------------------------------------------------------------


class ResourceKind(models.TextChoices):
    PLATFORM = "platform", _("Online platform")
    DEVICE = "device", _("Device")


class LearningResource(KeyedModel, TranslatableModel):
    """Something every student learns with: an online platform or a device."""

    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    url = models.URLField(_("web address"), blank=True)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.key


class AccreditationKind(models.TextChoices):
    ACCREDITATION = "accreditation", _("Accreditation")
    STATUS = "status", _("Status")
    RECOGNITION = "recognition", _("International recognition")
    REVIEW = "review", _("Quality review")


class Accreditation(KeyedModel, PreciseDateMixin, TranslatableModel):
    """Who recognised or reviewed what, and when."""

    kind = models.CharField(_("kind"), max_length=20, choices=AccreditationKind.choices)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accreditations",
        verbose_name=_("programme"),
    )
    translations = TranslatedFields(
        body=models.CharField(_("awarded or carried out by"), max_length=200),
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.key


# Milestones ----------------------------------------------------------------------------------


class MilestoneCategory(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership")
    APPROVAL = "approval", _("Approval")
    ENROLMENT = "enrolment", _("Enrolment")
    ACCREDITATION = "accreditation", _("Accreditation and quality")
    VISIT = "visit", _("Visit")
    CEREMONY = "ceremony", _("Ceremony")


class MilestoneQuerySet(TranslatableQuerySet):
    def chronological(self):
        # Within a year, a date known only to the year comes first: it is stored as 1 January.
        return self.order_by("date", "pk")


class Milestone(KeyedModel, PreciseDateMixin, TranslatableModel):
    """An event in the story of the partnership, dated as precisely as it is known."""

    category = models.CharField(_("category"), max_length=20, choices=MilestoneCategory.choices)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("programme"),
        help_text=_("The programme this milestone concerns, if any: it is shown on the programme’s page."),
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        description=models.TextField(_("description"), blank=True),
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.key


# Plugins -------------------------------------------------------------------------------------


class KeyFactsSubject(models.TextChoices):
    TEACHING = "teaching", _("Teaching staff")
    STUDENTS = "students", _("Students")


class KeyFactsPluginModel(CMSPlugin):
    subject = models.CharField(_("facts about"), max_length=10, choices=KeyFactsSubject.choices)

    def __str__(self):
        return self.get_subject_display()


class ProgrammeCardsPluginModel(CMSPlugin):
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, blank=True, help_text=_("Empty: every programme.")
    )

    def __str__(self):
        return self.get_level_display() or str(_("All programmes"))


class TimelinePluginModel(CMSPlugin):
    latest = models.PositiveSmallIntegerField(
        _("latest milestones"), null=True, blank=True, help_text=_("Empty: the whole timeline.")
    )

    def __str__(self):
        return str(self.latest or _("All milestones"))


class CommitteePluginModel(CMSPlugin):
    committee = models.ForeignKey(
        Committee,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("committee"),
        help_text=_("Empty: every committee."),
    )

    def __str__(self):
        return str(self.committee or _("All committees"))


class AccreditationsPluginModel(CMSPlugin):
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("programme"),
        help_text=_("Empty: every accreditation."),
    )

    def __str__(self):
        return str(self.programme or _("All accreditations"))


# The college's records, as the content loader fills them and the plugins show them.
COLLEGE_RECORDS = (
    Programme,
    Committee,
    CommitteeMember,
    TeachingStaffProfile,
    SourceSchool,
    StudentBody,
    LearningResource,
    Accreditation,
    Milestone,
)
