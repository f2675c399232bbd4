"""Small builders of college records for tests, valid by default (factory_boy style, no dependency)."""

import datetime
import itertools

from pages import models

_sequence = itertools.count(1)


def translated(instance, **per_language):
    """Set translated fields: translated(obj, en={"title": ...}, zh_hans={...})."""
    for language, values in per_language.items():
        instance.set_current_language(language.replace("_", "-"))
        for name, value in values.items():
            setattr(instance, name, value)
    instance.set_current_language("en")
    return instance


def programme(save=True, level=models.Level.UNDERGRADUATE, **fields):
    n = next(_sequence)
    postgraduate = level == models.Level.POSTGRADUATE
    defaults = {
        "key": f"programme-{n}",
        "level": level,
        "award": models.Award.MSC if postgraduate else models.Award.BSC,
        "entry_route": models.EntryRoute.MASTERS_EXAM if postgraduate else models.EntryRoute.GAOKAO,
        "order": 100 + n,
    }
    instance = models.Programme(**{**defaults, **fields})
    translated(
        instance,
        en={"title": f"Test Programme {n}", "slug": f"test-programme-{n}", "summary": f"Summary {n}."},
        zh_hans={"title": f"测试专业{n}", "slug": f"ceshi-zhuanye-{n}", "summary": f"简介{n}。"},
    )
    if save:
        instance.full_clean()
        instance.save()
    return instance


def milestone(date=datetime.date(2010, 6, 1), precision=models.DatePrecision.MONTH, **fields):
    n = next(_sequence)
    instance = models.Milestone(
        key=f"milestone-{n}",
        date=date,
        date_precision=precision,
        category=fields.pop("category", models.MilestoneCategory.VISIT),
        **fields,
    )
    translated(instance, en={"title": f"Test milestone {n}"}, zh_hans={"title": f"测试事件{n}"})
    instance.full_clean()
    instance.save()
    return instance


def staff_profile(save=False, **counts):
    defaults = {
        "date": datetime.date(2022, 1, 1),
        "date_precision": models.DatePrecision.YEAR,
        "course_teams": 19,
        "core_teachers": 87,
        "source_schools": 8,
        "senior_titles": 68,
        "professors": 36,
        "associate_professors": 32,
        "doctorates": 76,
        "supervisors": 58,
        "doctoral_supervisors": 22,
        "masters_supervisors": 36,
        "overseas_experience": 65,
    }
    instance = models.TeachingStaffProfile(**{**defaults, **counts})
    if save:
        instance.full_clean()
        instance.save()
    return instance


def committee_member(committee, role=models.CommitteeRole.MEMBER, **fields):
    n = next(_sequence)
    instance = models.CommitteeMember(
        committee=committee, role=role, university=models.University.CQMU, order=n
    )
    translated(
        instance,
        en={"name": f"Member {n}", "position": "Professor"},
        zh_hans={"name": f"成员{n}", "position": "教授"},
    )
    instance.full_clean()
    instance.save()
    return instance
