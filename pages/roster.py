"""The teaching figures, computed from the people's records once the roster is complete.

Staff mark each core teacher (group leaders, deputy group leaders, teaching secretaries) on
their person record with their title, doctorate, supervision and overseas experience. Until
the published core teachers are at least as many as the latest snapshot counts, the snapshot
(dated, typed from the 2022 profile) stays what the site shows; from then on the figures are
counted from the records, today. Either way every share is computed (`QualificationFigures`).
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from pages.models import Person, TeachingStaffProfile, TeachingTeam
from pages.models.people import Supervision, TitleRank
from pages.models.teaching import QualificationFigures


@dataclass(frozen=True)
class RosterFigures(QualificationFigures):
    """The figures of the core teachers on record, counted now."""

    course_teams: int
    core_teachers: int
    source_schools: int
    senior_titles: int
    professors: int
    associate_professors: int
    doctorates: int
    supervisors: int
    doctoral_supervisors: int
    masters_supervisors: int
    overseas_experience: int

    from_roster = True
    date = None
    note = ""


def count_roster(now=None):
    """The figures of the published core teachers (one query, plus one for teams and schools)."""
    counts = (
        Person.objects.visible(now=now)
        .core_teachers()
        .aggregate(
            core_teachers=Count("pk"),
            professors=Count("pk", filter=Q(title_rank=TitleRank.FULL)),
            associate_professors=Count("pk", filter=Q(title_rank=TitleRank.ASSOCIATE)),
            doctorates=Count("pk", filter=Q(has_doctorate=True)),
            doctoral_supervisors=Count("pk", filter=Q(supervision=Supervision.DOCTORAL)),
            masters_supervisors=Count("pk", filter=Q(supervision=Supervision.MASTERS)),
            overseas_experience=Count("pk", filter=Q(overseas_experience=True)),
            source_schools=Count("school", distinct=True),
        )
    )
    return counts


def teaching_figures(now=None):
    """What the teaching figures show: the roster's counts once it covers the latest snapshot's
    core teachers, else the snapshot (or None when there is neither)."""
    snapshot = TeachingStaffProfile.objects.prefetch_related("translations").current()
    counts = count_roster(now)
    if not counts["core_teachers"] or (snapshot and counts["core_teachers"] < snapshot.core_teachers):
        return snapshot
    return RosterFigures(
        course_teams=TeachingTeam.objects.visible(now=now).count(),
        senior_titles=counts["professors"] + counts["associate_professors"],
        supervisors=counts["doctoral_supervisors"] + counts["masters_supervisors"],
        **counts,
    )
