"""The college's records: their rules (clean) and the figures computed from them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pages import models
from tests.pages import factories as make

pytestmark = pytest.mark.django_db


# Computed figures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (68, 87, 78),
        (76, 87, 87),
        (58, 87, 67),
        (65, 87, 75),
        (1, 8, 13),
        (1, 200, 1),
        (0, 87, 0),
        (87, 87, 100),
    ],
)
def test_a_share_is_rounded_half_up_to_a_whole_percentage(part, whole, expected):
    assert models.share(part, whole) == expected


def test_a_share_of_nothing_is_not_a_number():
    assert models.share(3, 0) is None


def test_the_teaching_profile_reproduces_the_sources_percentages():
    profile = models.TeachingStaffProfile.objects.current()
    shares = {figure.count: figure.share for figure in profile.figures if figure.part_of is None}
    assert shares == {68: 78, 76: 87, 58: 67, 65: 75}


def test_the_parts_of_a_figure_carry_no_share_of_their_own():
    parts = [figure for figure in make.staff_profile().figures if figure.part_of]
    assert [(figure.count, figure.share) for figure in parts] == [
        (36, None),
        (32, None),
        (22, None),
        (36, None),
    ]


# Validation ------------------------------------------------------------------------------------


def test_a_consistent_teaching_profile_is_valid():
    make.staff_profile(date=datetime.date(2030, 1, 1)).full_clean()


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"professors": 30}, "senior_titles"),  # 30 + 32 is not 68
        ({"doctoral_supervisors": 20}, "supervisors"),  # 20 + 36 is not 58
        ({"doctorates": 88}, "doctorates"),  # more than the 87 core teachers
        ({"overseas_experience": 90}, "overseas_experience"),
        ({"senior_titles": 100, "professors": 50, "associate_professors": 50}, "senior_titles"),
        ({"core_teachers": -1}, "core_teachers"),
    ],
)
def test_an_inconsistent_teaching_profile_is_rejected(counts, field):
    with pytest.raises(ValidationError) as error:
        make.staff_profile(**counts).full_clean()
    assert field in error.value.message_dict


def test_a_validation_error_speaks_the_editors_language():
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        make.staff_profile(doctorates=88).full_clean()
    assert error.value.message_dict["doctorates"] == ["超过了核心教师总数（87人）。"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"level": models.Level.UNDERGRADUATE, "award": models.Award.MSC}, "award"),
        (
            {"level": models.Level.POSTGRADUATE, "award": models.Award.MSC, "entry_route": "gaokao"},
            "entry_route",
        ),
        ({"awarded_by_cqmu": False, "awarded_by_uol": False}, "awarded_by_cqmu"),
        ({"approved_in": 2019, "launched_in": 2018}, "launched_in"),
        ({"launched_in": 2021, "first_intake_in": 2020}, "first_intake_in"),
        ({"approved_in": 1800}, "approved_in"),
    ],
)
def test_an_inconsistent_programme_is_rejected(fields, field):
    programme = make.programme(save=False)
    for name, value in fields.items():
        setattr(programme, name, value)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert field in error.value.message_dict


def test_two_programmes_cannot_share_a_slug_in_one_language():
    programme = make.programme(save=False)
    programme.set_current_language("zh-hans")
    programme.slug = "linchuang-yixue"
    with pytest.raises(ValidationError):
        programme.full_clean()


def test_a_committee_has_one_chair():
    committee = models.Committee.objects.get(key="joint-management-committee")
    with pytest.raises(ValidationError) as error:
        make.post(committee, role=models.CommitteeRole.CHAIR)
    assert "role" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "valid"),
    [
        ({"students": 448, "provinces": 15, "intakes": 4}, True),
        ({"students": 10, "provinces": 35, "intakes": 1}, False),  # China has 34
        ({"students": 3, "provinces": 5, "intakes": 1}, False),
        ({"students": 448, "provinces": 0, "intakes": 4}, False),
    ],
)
def test_a_student_body_must_add_up(fields, valid):
    body = models.StudentBody(date=datetime.date(2030, 1, 1), date_precision="year", **fields)
    if valid:
        body.full_clean()
    else:
        with pytest.raises(ValidationError):
            body.full_clean()


def test_the_latest_student_body_is_the_current_one_and_older_ones_are_kept():
    older = models.StudentBody.objects.create(
        date=datetime.date(2022, 1, 1), date_precision="year", students=300, provinces=12, intakes=3
    )
    current = models.StudentBody.objects.current()
    assert (current.date.year, current.students, current.provinces, current.intakes) == (2024, 448, 15, 4)
    assert older in models.StudentBody.objects.all()


# Dates at their precision ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "precision", "english", "chinese", "iso"),
    [
        (datetime.date(1993, 10, 1), "month", "October 1993", "1993年10月", "1993-10"),
        (datetime.date(2018, 1, 1), "year", "2018", "2018年", "2018"),
        (datetime.date(2024, 5, 12), "day", "12 May 2024", "2024年5月12日", "2024-05-12"),
    ],
)
def test_a_date_is_written_at_its_precision_in_the_readers_language(date, precision, english, chinese, iso):
    milestone = models.Milestone(date=date, date_precision=precision)
    with translation.override("en"):
        assert milestone.date_display == english
    with translation.override("zh-hans"):
        assert milestone.date_display == chinese
    assert milestone.date_iso == iso


def test_what_is_not_known_of_a_date_is_dropped():
    milestone = make.milestone(date=datetime.date(2023, 7, 19), precision=models.DatePrecision.YEAR)
    assert milestone.date == datetime.date(2023, 1, 1)
    milestone = make.milestone(date=datetime.date(2023, 7, 19), precision=models.DatePrecision.MONTH)
    assert milestone.date == datetime.date(2023, 7, 1)


def test_a_programme_knows_its_address_in_each_language():
    programme = models.Programme.objects.get(key="clinical-medicine")
    assert programme.get_absolute_url("en") == "/en/programmes/clinical-medicine/"
    assert programme.get_absolute_url("zh-hans") == "/zh-hans/zhuanye/linchuang-yixue/"
    assert programme.is_dual_degree
