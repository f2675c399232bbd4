"""Factories (factory_boy) of college records, valid by default; imported `as make` by the tests.

`make.programme()`, `make.milestone(date=...)`, `make.staff_profile(save=True)`,
`make.person()`, `make.post(committee)`: the short forms, each on its factory below.
"""

import datetime

import factory

from pages import models
from tests.support.factories import TranslatedFactory


def translated(instance, **per_language):
    """Set translated fields: translated(obj, en={"title": ...}, zh_hans={...})."""
    for language, values in per_language.items():
        instance.set_current_language(language.replace("_", "-"))
        for name, value in values.items():
            setattr(instance, name, value)
    instance.set_current_language("en")
    return instance


class ProgrammeFactory(TranslatedFactory):
    """An undergraduate programme (BSc by the gaokao); `level=POSTGRADUATE` makes an MSc."""

    class Meta:
        model = models.Programme

    class Params:
        postgraduate = factory.LazyAttribute(lambda programme: programme.level == models.Level.POSTGRADUATE)

    _full_clean = True
    key = factory.Sequence(lambda n: f"programme-{n}")
    level = models.Level.UNDERGRADUATE
    award = factory.LazyAttribute(lambda p: models.Award.MSC if p.postgraduate else models.Award.BSC)
    entry_route = factory.LazyAttribute(
        lambda p: models.EntryRoute.MASTERS_EXAM if p.postgraduate else models.EntryRoute.GAOKAO
    )
    order = factory.Sequence(lambda n: 100 + n)
    translations = factory.Sequence(
        lambda n: {
            "en": {"title": f"Test Programme {n}", "slug": f"test-programme-{n}", "summary": f"Summary {n}."},
            "zh-hans": {"title": f"测试专业{n}", "slug": f"ceshi-zhuanye-{n}", "summary": f"简介{n}。"},
        }
    )


class MilestoneFactory(TranslatedFactory):
    class Meta:
        model = models.Milestone

    _full_clean = True
    key = factory.Sequence(lambda n: f"milestone-{n}")
    date = datetime.date(2010, 6, 1)
    date_precision = models.DatePrecision.MONTH
    category = models.MilestoneCategory.VISIT
    translations = factory.Sequence(
        lambda n: {"en": {"title": f"Test milestone {n}"}, "zh-hans": {"title": f"测试事件{n}"}}
    )


class FaqFactory(TranslatedFactory):
    """A question about the institute (no programme) unless `programme` is given."""

    class Meta:
        model = models.Faq

    _full_clean = True
    order = factory.Sequence(lambda n: n)
    translations = factory.Sequence(
        lambda n: {
            "en": {"question": f"Test question {n}?", "answer": f"Test answer {n}."},
            "zh-hans": {"question": f"测试问题{n}？", "answer": f"测试回答{n}。"},
        }
    )


class ContactPointFactory(TranslatedFactory):
    class Meta:
        model = models.ContactPoint

    _full_clean = True
    key = factory.Sequence(lambda n: f"contact-{n}")
    kind = models.ContactKind.INSTITUTE
    order = factory.Sequence(lambda n: 100 + n)
    translations = factory.Sequence(
        lambda n: {"en": {"name": f"Test office {n}"}, "zh-hans": {"name": f"测试办公室{n}"}}
    )


class StaffProfileFactory(factory.django.DjangoModelFactory):
    """The teaching staff's figures as of 2022, consistent with one another."""

    class Meta:
        model = models.TeachingStaffProfile

    date = datetime.date(2022, 1, 1)
    date_precision = models.DatePrecision.YEAR
    course_teams = 19
    core_teachers = 87
    source_schools = 8
    senior_titles = 68
    professors = 36
    associate_professors = 32
    doctorates = 76
    supervisors = 58
    doctoral_supervisors = 22
    masters_supervisors = 36
    overseas_experience = 65

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        instance = model_class(*args, **kwargs)
        instance.full_clean()
        instance.save()
        return instance


class PersonFactory(TranslatedFactory):
    """A made-up person of CQMU with a Chinese name (in the tests only)."""

    class Meta:
        model = models.Person

    _full_clean = True
    key = factory.Sequence(lambda n: f"person-{n}")
    university = models.University.CQMU
    translations = factory.Sequence(
        lambda n: {
            "en": {"name": f"Test Person {n}", "slug": f"test-person-{n}", "title": "Professor"},
            "zh-hans": {"name": f"测试{n}", "slug": f"ce-shi-{n}", "title": "教授"},
        }
    )


class SchoolFactory(TranslatedFactory):
    class Meta:
        model = models.School

    _full_clean = True
    key = factory.Sequence(lambda n: f"school-{n}")
    translations = factory.Sequence(
        lambda n: {"en": {"name": f"Test School {n}"}, "zh-hans": {"name": f"测试学院{n}"}}
    )


class TeamFactory(TranslatedFactory):
    class Meta:
        model = models.TeachingTeam

    _full_clean = True
    translations = factory.Sequence(
        lambda n: {
            "en": {"course": f"Test Course {n}", "slug": f"test-course-{n}"},
            "zh-hans": {"course": f"测试课程{n}", "slug": f"ce-shi-ke-cheng-{n}"},
        }
    )


def programme(save=True, level=models.Level.UNDERGRADUATE, **fields):
    return (ProgrammeFactory if save else ProgrammeFactory.build)(level=level, **fields)


def milestone(date=datetime.date(2010, 6, 1), precision=models.DatePrecision.MONTH, **fields):
    return MilestoneFactory(date=date, date_precision=precision, **fields)


def staff_profile(save=False, **counts):
    return (StaffProfileFactory if save else StaffProfileFactory.build)(**counts)


class CostOfStudyFactory(factory.django.DjangoModelFactory):
    """Made-up costs (tests only): add stages with `make.cost_stage(cost, ...)`."""

    class Meta:
        model = models.CostOfStudy

    programme = factory.SubFactory(ProgrammeFactory)
    intake_year = 2025
    gbp_to_cny = 9
    rate_date = datetime.date(2025, 3, 1)
    status = "published"
    publication_start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


class CostStageFactory(TranslatedFactory):
    class Meta:
        model = models.CostStage

    _full_clean = True
    order = factory.Sequence(int)
    translations = factory.Sequence(
        lambda n: {"en": {"title": f"Stage {n}"}, "zh-hans": {"title": f"阶段{n}"}}
    )


def faq(programme=None, **fields):
    return FaqFactory(programme=programme, **fields)


def contact_point(**fields):
    return ContactPointFactory(**fields)


def person(**fields):
    return PersonFactory(**fields)


def post(committee, role=models.CommitteeRole.MEMBER, person=None, **fields):
    """A committee post, held by `person` (a new one by default)."""
    held = models.Post(committee=committee, role=role, person=person or PersonFactory(), **fields)
    held.full_clean()
    held.save()
    return held


def team_role(team, person, role=models.TeamRoleKind.MEMBER):
    return models.TeamRole.objects.create(team=team, person=person, role=role)
