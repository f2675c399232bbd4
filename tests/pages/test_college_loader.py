"""`load_site_content` loads the college's records from fixtures/college/, once."""

import datetime

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from parler.models import TranslatableModel

from pages import models
from pages.loaders import load_college_data, parse_precise_date

pytestmark = pytest.mark.django_db

# The college's records: every translated model of the app (its plugins' settings are not records).
COLLEGE_MODELS = [
    model for model in apps.get_app_config("pages").get_models() if issubclass(model, TranslatableModel)
]


def snapshot():
    return {
        model.__name__: sorted(
            (obj.pk, tuple(sorted((t.language_code, str(t.pk)) for t in obj.translations.all())))
            for obj in model.objects.prefetch_related("translations")
        )
        for model in COLLEGE_MODELS
    }


def test_the_sources_are_loaded_in_both_languages():
    assert models.Programme.objects.count() == 4
    assert models.Committee.objects.count() == 2
    assert models.Post.objects.count() == 4
    assert models.Milestone.objects.count() == 14
    assert models.Accreditation.objects.count() == 5
    assert models.LearningResource.objects.count() == 4
    assert models.School.objects.count() == 6
    for model in COLLEGE_MODELS:
        for obj in model.objects.all():
            assert set(obj.get_available_languages()) == {"en", "zh-hans"}, obj


def test_the_milestones_span_1993_to_2024_at_their_precisions():
    milestones = list(models.Milestone.objects.chronological())
    assert (milestones[0].date, milestones[0].date_precision) == (datetime.date(1993, 10, 1), "month")
    assert (milestones[1].date, milestones[1].date_precision) == (datetime.date(2018, 1, 1), "year")
    assert (milestones[-1].date, milestones[-1].date_precision) == (datetime.date(2024, 5, 1), "month")


def test_the_accreditations_concern_the_clinical_medicine_programme():
    clinical = models.Programme.objects.get(key="clinical-medicine")
    assert set(clinical.accreditations.values_list("key", flat=True)) == {
        "moe-accreditation",
        "national-first-class",
        "wfme-recognition",
        "international-quality-review",
        "field-review-2024",
    }


def test_running_the_loader_again_changes_nothing():
    before = snapshot()
    assert load_college_data() == 0
    call_command("load_site_content", verbosity=0)
    assert snapshot() == before


def test_the_loader_leaves_a_record_that_staff_have_edited_alone():
    programme = models.Programme.objects.get(key="oncology")
    programme.set_current_language("en")
    programme.summary = "Edited by staff."
    programme.places = 30
    programme.save()

    load_college_data()

    programme = models.Programme.objects.get(key="oncology")
    assert programme.safe_translation_getter("summary", language_code="en") == "Edited by staff."
    assert programme.places == 30


def test_the_loader_creates_a_record_that_is_missing():
    models.Milestone.objects.filter(key="sister-cities").delete()
    assert load_college_data() == 1
    milestone = models.Milestone.objects.get(key="sister-cities")
    assert (
        milestone.safe_translation_getter("title", language_code="zh-hans")
        == "重庆市与莱斯特市结为友好城市。"
    )


def test_the_loader_refuses_a_record_that_breaks_the_rules(tmp_path):
    for name in ("programmes", "committees", "resources", "accreditations", "students", "milestones"):
        (tmp_path / f"{name}.yaml").write_text("[]")
    bad = [{"date": 2030, "course_teams": 1, "core_teachers": 10, "source_schools": 1, "senior_titles": 5,
            "professors": 1, "associate_professors": 1, "doctorates": 1, "supervisors": 0,
            "doctoral_supervisors": 0, "masters_supervisors": 0, "overseas_experience": 0,
            "translations": {"en": {}, "zh-hans": {}}}]  # fmt: skip
    (tmp_path / "teaching_staff.yaml").write_text(yaml.safe_dump(bad))
    with pytest.raises(Exception, match="senior_titles"):
        load_college_data(tmp_path)
    assert not models.TeachingStaffProfile.objects.filter(date__year=2030).exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2018, (datetime.date(2018, 1, 1), "year")),
        ("1993-10", (datetime.date(1993, 10, 1), "month")),
        (datetime.date(2024, 5, 12), (datetime.date(2024, 5, 12), "day")),
        ("2024-05-12", (datetime.date(2024, 5, 12), "day")),
    ],
)
def test_fixture_dates_carry_their_precision(value, expected):
    assert parse_precise_date(value) == expected
