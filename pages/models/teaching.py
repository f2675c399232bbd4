"""The teaching body: dated snapshots of counts, from which every share is computed."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.i18n.status import last_changed_field
from pages.models.base import Snapshot


def share(part, whole):
    """`part` as a whole percentage of `whole`, rounded half up (as people round), or None."""
    if not whole:
        return None
    return int((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    share: int | None = None
    part_of: str | None = None


# The qualifications counted, each with the counts it is made of.
QUALIFICATIONS = (
    ("senior_titles", ("professors", "associate_professors")),
    ("doctorates", ()),
    ("supervisors", ("doctoral_supervisors", "masters_supervisors")),
    ("overseas_experience", ()),
)


def qualification_label(name):
    return TeachingStaffProfile._meta.get_field(name).verbose_name


class QualificationFigures:
    """The qualifications of the core teachers, each with its share of them: of a dated
    snapshot, or computed from the roster (pages/roster.py). Needs the counts as attributes."""

    def share_of_core(self, count):
        return share(count, self.core_teachers)

    @property
    def figures(self):
        rows = []
        for name, parts in QUALIFICATIONS:
            count = getattr(self, name)
            rows.append(Figure(qualification_label(name), count, self.share_of_core(count)))
            for part in parts:
                rows.append(Figure(qualification_label(part), getattr(self, part), part_of=name))
        return rows


@site_content
class TeachingStaffProfile(QualificationFigures, Snapshot, TranslatableModel):
    """A dated snapshot of the teaching body of the imported courses.

    Enter counts only: every percentage on the site is computed from them. The latest
    snapshot is shown; older ones are kept as a record.
    """

    translations = TranslatedFields(
        changed=last_changed_field(),
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

    as_of = _("Teaching staff as of %(date)s")

    class Meta(Snapshot.Meta):
        verbose_name = _("teaching staff figures")
        verbose_name_plural = _("teaching staff figures")

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

    @property
    def from_roster(self):
        """A snapshot is typed in, not computed from the people's records."""
        return False
