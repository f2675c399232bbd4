"""People, teaching teams and committee posts: pages in both languages, JSON-LD, search, the
directory, the figures from the roster and its import. Every person made here is invented for
the test; the seeded site has only the four committee members the sources name."""

import csv
import importlib
import io
import json
import re
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from import_export.formats.base_formats import CSV
from tablib import Dataset

from jeiweb.cache import pages as pages_cache
from jeiweb.content.batching import batched_changes
from pages import models
from pages.roster_import import PersonResource
from tests.pages import factories as make
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

PEOPLE = {"en": "/en/about/people/", "zh-hans": "/zh-hans/guanyu/renyuan/"}
TEAMS = {"en": "/en/about/teaching-teams/", "zh-hans": "/zh-hans/guanyu/jiaoxue-tuandui/"}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(data for data in map(json.loads, blocks) if data.get("@type") == kind)


# Person pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "heading", "other", "affiliation"),
    [
        (
            "/en/about/people/huang-ailong/",
            "Professor Huang Ailong",
            "黄爱龙",
            "Chongqing Medical University",
        ),
        ("/zh-hans/guanyu/renyuan/huang-ai-long/", "黄爱龙教授", "Huang Ailong", "重庆医科大学"),
        (
            "/zh-hans/guanyu/renyuan/nishan-canagarajah/",
            "Nishan Canagarajah 教授",
            None,
            "莱斯特大学",
        ),
    ],
)
def test_a_person_has_a_page_with_person_json_ld_in_each_language(client, url, heading, other, affiliation):
    html = html_of(client, url)
    assert f"<h1>{heading}</h1>" in html
    data = json_ld(html, "Person")
    assert data["affiliation"]["name"] == affiliation
    assert data["url"].endswith(url)
    assert data.get("alternateName") == other
    assert 'hreflang="en"' in html and 'hreflang="zh-Hans"' in html


def test_the_governance_page_shows_the_four_people_linked_to_their_pages(client):
    html = html_of(client, "/zh-hans/guanyu/guanli-jiagou/")
    for url, name in [
        ("/zh-hans/guanyu/renyuan/huang-ai-long/", "黄爱龙教授"),
        ("/zh-hans/guanyu/renyuan/nishan-canagarajah/", "Nishan Canagarajah 教授"),
        ("/zh-hans/guanyu/renyuan/deng-shi-xiong/", "邓世雄教授"),
        ("/zh-hans/guanyu/renyuan/thompson-robinson/", "Thompson Robinson 教授"),
    ]:
        assert f'<a href="{url}">{name}</a>' in html


def test_a_person_in_the_sitemap_has_both_languages_as_alternates(client):
    xml = html_of(client, "/sitemap-people.xml")
    assert "/en/about/people/huang-ailong/" in xml
    assert re.search(r'hreflang="zh-Hans" href="[^"]*/zh-hans/guanyu/renyuan/huang-ai-long/"', xml)


# The committee migration ------------------------------------------------------------------------


def test_the_committee_migration_moves_every_translation_of_a_member_to_a_person():
    """0010 on a member written in both languages with the title in the name, holding two posts."""
    migration = importlib.import_module("pages.migrations.0012_committee_posts_from_members")
    committees = list(models.Committee.objects.all()[:2])

    def member(committee, role):
        texts = [
            SimpleNamespace(language_code="en", name="Professor Test Lin", position="Dean of Testing"),
            SimpleNamespace(language_code="zh-hans", name="林测试教授", position="测试学院院长"),
        ]
        return SimpleNamespace(
            committee_id=committee.pk,
            role=role,
            order=3,
            university="cqmu",
            pk=committee.pk,
            translations=SimpleNamespace(all=lambda: texts),
        )

    old_members = [member(committees[0], "member"), member(committees[1], "chair")]
    fake = {"CommitteeMember": SimpleNamespace(objects=SimpleNamespace(order_by=lambda *a: old_members))}
    historical = SimpleNamespace(
        get_model=lambda app, name: fake.get(name) or django_apps.get_model(app, name)
    )
    models.Post.objects.filter(committee=committees[1], role="chair").delete()

    migration.members_to_posts(historical, None)

    person = models.Person.objects.get(key="test-lin")
    texts = {t.language_code: (t.name, t.title, t.position, t.slug) for t in person.translations.all()}
    assert texts == {
        "en": ("Test Lin", "Professor", "Dean of Testing", "test-lin"),
        "zh-hans": ("林测试", "教授", "测试学院院长", "lin-ce-shi"),
    }
    assert sorted(person.posts.values_list("role", flat=True)) == ["chair", "member"]  # entered once


# Search -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/zh-hans/sousuo/", "黄爱龙"),
        ("/en/search/", "Huang Ailong"),
        ("/en/search/", "huangailong"),
        ("/zh-hans/sousuo/", "huang ai long"),
    ],
)
def test_a_person_is_found_by_chinese_name_pinyin_and_english_name(client, url, query):
    html = html_of(client, f"{url}?q={query}")
    assert re.search(r'href="/(en/about/people/huang-ailong|zh-hans/guanyu/renyuan/huang-ai-long)/"', html)


# The directory ----------------------------------------------------------------------------------


def named(english, chinese):
    slug = english.lower().replace(" ", "-")
    return {"en": {"name": english, "slug": slug}, "zh-hans": {"name": chinese, "slug": slug}}


@pytest.fixture
def directory_people():
    school = make.SchoolFactory()
    team = make.TeamFactory()
    zhang = make.person(translations=named("Zhang San", "张三"), school=school)
    ai = make.person(translations=named("Ai Mi", "艾米"))
    baker = make.person(university=models.University.UOL, translations=named("Anna Baker", "Anna Baker"))
    make.team_role(team, zhang, models.TeamRoleKind.LEADER)
    return SimpleNamespace(school=school, zhang=zhang, ai=ai, baker=baker)


def names_listed(html):
    return re.findall(r'class="person-card__name">(?:<a [^>]*>)?([^<]+)<', html)


def test_the_directory_is_sorted_by_family_name_in_pinyin_order(client, directory_people):
    names = names_listed(html_of(client, PEOPLE["zh-hans"]))
    assert names == [
        "艾米",
        "Anna Baker",
        "Nishan Canagarajah 教授",
        "邓世雄教授",
        "黄爱龙教授",
        "Thompson Robinson 教授",
        "张三",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("university=uol", ["Anna Baker", "Professor Nishan Canagarajah", "Professor Thompson Robinson"]),
        ("role=leader", ["Zhang San"]),
        ("role=committee&university=cqmu", ["Professor Deng Shixiong", "Professor Huang Ailong"]),
        ("university=nowhere", None),  # not a choice: everyone
    ],
)
def test_the_directory_filters_by_university_school_and_role(client, directory_people, query, expected):
    names = names_listed(html_of(client, f"{PEOPLE['en']}?{query}"))
    assert names == expected or (expected is None and len(names) == 7)


def test_the_directory_filters_by_school_with_a_plain_get_form(client, directory_people):
    html = html_of(client, f"{PEOPLE['en']}?school={directory_people.school.key}")
    assert names_listed(html) == ["Zhang San"]
    assert '<form class="directory-filter" method="get"' in html


def test_the_directory_takes_at_most_10_queries_with_44_people(client, directory_people):
    """Measured as tests/served/test_query_budgets.py does: the page at an address not yet in the
    page cache, the site otherwise running (served from the cache, it takes none)."""
    with batched_changes():  # the records, not their saves, are what this measures
        for _ in range(37):
            make.person()
    html_of(client, PEOPLE["en"] + "?page=2")  # the apphooks, menus and cache state, once
    with CaptureQueriesContext(connection) as captured:
        html = html_of(client, PEOPLE["en"] + "?page=2&uncached=1")
    assert len(names_listed(html)) == 44 - 24  # 4 seeded, 3 of the fixture, 37 more
    assert len(captured) <= 10, "\n".join(q["sql"][:150] for q in captured)
    with CaptureQueriesContext(connection) as captured:
        html_of(client, PEOPLE["en"] + "?page=2&uncached=1")
    assert len(captured) == 0  # cached like every page


# The figures from the roster, and the roster import ---------------------------------------------


def roster_rows():
    """87 invented core teachers whose counts are the 2022 snapshot's: 36 + 32 senior titles,
    76 doctorates, 22 + 36 supervisors, 65 with overseas experience."""
    for n in range(87):
        yield {
            "name_en": f"Roster Teacher {n}",
            "name_zh": f"名册教师{n}",
            "university": "cqmu",
            "core_teacher": "yes",
            "title_rank": "full" if n < 36 else "associate" if n < 68 else "other",
            "doctorate": "yes" if n < 76 else "no",
            "supervisor": "doctoral" if n < 22 else "masters" if n < 58 else "",
            "overseas": "yes" if n < 65 else "no",
        }


def roster_file(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def import_roster(rows):
    dataset = Dataset().load(roster_file(rows).decode(), format="csv")
    return PersonResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True)


def test_the_figures_are_the_dated_snapshot_until_the_roster_is_complete(client):
    html = html_of(client, TEAMS["en"])
    assert 'data-figures="snapshot"' in html and "as of 2022" in html
    assert "68 (78 %)" in html


def test_a_roster_of_87_teachers_imported_from_a_file_gives_the_figures(client):
    result = import_roster(list(roster_rows()))
    assert not result.has_errors() and not result.has_validation_errors()
    assert models.Person.objects.core_teachers().count() == 87
    html = html_of(client, TEAMS["en"])
    assert 'data-figures="roster"' in html
    for figure in ("68 (78 %)", "76 (87 %)", "58 (67 %)", "65 (75 %)"):
        assert figure in html
    assert import_roster(list(roster_rows())).totals["new"] == 0  # a second import changes nothing


def test_an_imported_roster_reaches_the_pages_and_the_search_with_one_cache_change(client, monkeypatch):
    """An import is one change: the page cache starts afresh once for the file (not once per
    person and translation), and every row is found by search."""
    html_of(client, PEOPLE["en"])  # in the page cache now
    bumps = []
    monkeypatch.setattr(pages_cache, "bump_content_version", lambda **kwargs: bumps.append(kwargs))
    result = import_roster(list(roster_rows())[:3])
    assert not result.has_errors() and not result.has_validation_errors()
    assert len(bumps) == 1
    monkeypatch.undo()
    pages_cache.bump_content_version()  # what the one call did (replaced above, to count it)
    assert "Roster Teacher 2" in names_listed(html_of(client, PEOPLE["en"]))
    for n in range(3):
        html = html_of(client, f"/zh-hans/sousuo/?q=名册教师{n}")
        assert re.search(rf'href="/zh-hans/guanyu/renyuan/[^"]*{n}/"', html), n


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("roster-editor", "roster@example.org", "secret")
    log_in_verified(client, user)
    return client


def post_roster(client, rows, language):
    formats = admin.site._registry[models.Person].get_import_formats()
    upload = SimpleUploadedFile("roster.csv", roster_file(rows), content_type="text/csv")
    data = {"import_file": upload, "format": str(formats.index(CSV)), "resource": "0"}
    return client.post(f"/{language}/admin/pages/person/import/", data)


def test_the_roster_import_is_previewed_before_anything_is_saved(editor_client):
    response = post_roster(editor_client, list(roster_rows())[:3], "en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "roster-teacher-2" in html and 'name="import_file_name"' in html  # the preview, to confirm
    assert not models.Person.objects.filter(key__startswith="roster-teacher").exists()


def test_a_bad_roster_row_is_refused_with_its_row_number_in_chinese(editor_client):
    rows = list(roster_rows())[:5]
    rows[3]["doctorate"] = "maybe"
    html = post_roster(editor_client, rows, "zh-hans").content.decode()
    assert "<th>行</th>" in html
    assert re.search(r"<td>4\s*</td>", html)
    assert "“maybe”在 doctorate 列：请填写 yes 或 no。" in html
    assert 'name="import_file_name"' not in html  # no confirmation offered
    result = import_roster(rows)
    assert result.has_validation_errors()
    assert not models.Person.objects.filter(key__startswith="roster-teacher").exists()  # none of the 5


# Teams ------------------------------------------------------------------------------------------


def test_a_team_page_links_its_people_and_programmes_and_the_programme_links_back(client):
    programme = models.Programme.objects.get(key="clinical-medicine")
    team = make.TeamFactory()
    team.programmes.add(programme)
    leader = make.person()
    make.team_role(team, leader, models.TeamRoleKind.LEADER)
    team_url = team.get_absolute_url("zh-hans")
    assert team_url in html_of(client, programme.get_absolute_url("zh-hans"))
    html = html_of(client, team_url)
    assert leader.get_absolute_url("zh-hans") in html and programme.get_absolute_url("zh-hans") in html
    assert "组长" in html
    assert team_url in html_of(client, leader.get_absolute_url("zh-hans"))
    grouped = html_of(client, TEAMS["en"] + "?by=school")
    assert team.get_absolute_url("en") in grouped


def test_the_team_list_says_so_when_no_team_is_published(client):
    assert "No teaching team is published yet." in html_of(client, TEAMS["en"])


# Picking a person ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "term"), [("post", "黄爱龙"), ("teamrole", "huang"), ("contactpoint", "Huang Ailong")]
)
def test_staff_pick_a_person_by_autocomplete(editor_client, model, term):
    query = {"app_label": "pages", "model_name": model, "field_name": "person", "term": term}
    response = editor_client.get("/zh-hans/admin/autocomplete/", query)
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] in (["Huang Ailong"], ["黄爱龙"])


def test_a_contact_point_names_its_person_with_a_link(client):
    point = models.ContactPoint.objects.get(kind=models.ContactKind.ADMISSIONS)
    point.person = models.Person.objects.get(key="huang-ailong")
    point.save()
    html = html_of(client, "/zh-hans/lianxi/")
    assert '<a href="/zh-hans/guanyu/renyuan/huang-ai-long/">黄爱龙教授</a>' in html
