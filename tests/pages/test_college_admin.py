"""Staff edit the college's records in the admin, in both languages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from pages import models
from tests.pages import factories as make
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

ADMINS = {
    model._meta.model_name: model
    for model in (
        models.Programme,
        models.Committee,
        models.Person,
        models.TeachingTeam,
        models.School,
        models.TeachingStaffProfile,
        models.StudentBody,
        models.LearningResource,
        models.Accreditation,
        models.Milestone,
        models.Faq,
    )
}


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("college-editor", "editor@example.org", "secret")
    log_in_verified(client, user)
    return client


def admin_url(language, name, action="changelist", *args):
    with translation.override(language):
        return reverse(f"admin:pages_{name}_{action}", args=args)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("name", ADMINS)
def test_every_list_and_edit_form_opens_in_both_languages(staff_client, language, name):
    assert staff_client.get(admin_url(language, name)).status_code == 200
    obj = ADMINS[name].objects.first() or make.TeamFactory()  # the sources name no team
    assert staff_client.get(admin_url(language, name, "change", obj.pk)).status_code == 200


def test_the_list_shows_which_translations_are_missing(staff_client):
    programme = make.programme()
    programme.translations.filter(language_code="zh-hans").delete()
    html = staff_client.get(admin_url("en", "programme")).content.decode()
    assert "missing translations" in html.lower()
    assert "Simplified Chinese" in html


def test_the_milestone_list_can_be_searched_and_filtered(staff_client):
    url = admin_url("en", "milestone")
    html = staff_client.get(url, {"q": "sister"}).content.decode()
    assert "Chongqing and Leicester become sister cities." in html
    assert "British Ambassador" not in html
    html = staff_client.get(url, {"category__exact": "visit"}).content.decode()
    assert "British Ambassador" in html and "sister cities" not in html


def profile_form(**overrides):
    data = {
        "date": "2025-01-01",
        "date_precision": "year",
        "note": "",
        "course_teams": "19",
        "core_teachers": "87",
        "source_schools": "8",
        "senior_titles": "68",
        "professors": "36",
        "associate_professors": "32",
        "doctorates": "76",
        "supervisors": "58",
        "doctoral_supervisors": "22",
        "masters_supervisors": "36",
        "overseas_experience": "65",
    }
    return {**data, **overrides}


def test_an_inconsistent_snapshot_is_explained_in_the_editors_language(staff_client):
    url = admin_url("zh-hans", "teachingstaffprofile", "add") + "?language=zh-hans"
    response = staff_client.post(url, profile_form(professors="30"))
    assert response.status_code == 200
    assert "68 与各部分之和（30 + 32）不符。" in response.content.decode()
    assert not models.TeachingStaffProfile.objects.filter(date__year=2025).exists()

    response = staff_client.post(url, profile_form())
    assert response.status_code == 302
    assert models.TeachingStaffProfile.objects.current().date.year == 2025


def programme_form(**overrides):
    data = {
        "title": "新专业",
        "slug": "xin-zhuanye",
        "summary": "简介。",
        "description": "",
        "key": "new-programme",
        "order": "9",
        "status": "published",
        "publication_start_0": "2025-01-01",
        "publication_start_1": "00:00:00",
        "level": "undergraduate",
        "award": "bsc",
        "awarded_by_cqmu": "on",
        "awarded_by_uol": "on",
        "entry_route": "gaokao",
        "duration_months": "60",
        "language_of_instruction": "英语",
        "places": "",
        "tuition_amount": "",
        "tuition_currency": "",
        "tuition_year": "",
        "entry_subjects": "",
        "english_requirements": "",
        "clinical_placements": "",
        "careers": "",
        "application_opens": "",
        "application_closes": "",
        "results_on": "",
        "starts_on": "",
    }
    for prefix in ("degree_awards", "curriculum_stages", "faqs"):
        data.update(
            {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"}
        )
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return {**data, **overrides}


def test_programme_facts_are_validated_in_the_editors_language(staff_client):
    url = admin_url("zh-hans", "programme", "add") + "?language=zh-hans"
    response = staff_client.post(
        url,
        programme_form(
            tuition_amount="60000",
            tuition_year="2025",
            application_opens="2026-07-01",
            application_closes="2026-06-01",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "请同时填写金额、币种和学年，或全部留空。" in html
    assert "日期顺序有误：应依次为报名开始、报名截止、结果公布、开学。" in html
    response = staff_client.post(
        url, programme_form(tuition_amount="六万", tuition_currency="CNY", tuition_year="2025")
    )
    assert response.status_code == 200 and not models.Programme.objects.filter(key="new-programme").exists()

    response = staff_client.post(
        url,
        programme_form(
            tuition_amount="60000",
            tuition_currency="CNY",
            tuition_year="2025",
            application_closes="2026-06-30",
            **{
                "degree_awards-TOTAL_FORMS": "1",
                "degree_awards-0-university": "uol",
                "degree_awards-0-name": "理学学士",
            },
        ),
    )
    assert response.status_code == 302
    programme = models.Programme.objects.get(key="new-programme")
    assert programme.tuition_display and programme.application_closes.isoformat() == "2026-06-30"
    assert [degree.university for degree in programme.degrees] == ["uol"]
