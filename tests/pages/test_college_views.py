"""The programmes and the milestones as a visitor meets them, in both languages."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeiweb.content.batching import batched_changes
from jeiweb.content.publishing import Status
from pages import models
from tests.pages import factories as make

pytestmark = pytest.mark.django_db

LIST = {"en": "/en/programmes/", "zh-hans": "/zh-hans/zhuanye/"}
MILESTONES = {"en": "/en/milestones/", "zh-hans": "/zh-hans/fazhan-licheng/"}
CLINICAL = {"en": "/en/programmes/clinical-medicine/", "zh-hans": "/zh-hans/zhuanye/linchuang-yixue/"}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def section(html, start, end):
    return html[html.index(start) : html.index(end, html.index(start))]


def cards(html):
    return re.findall(r'<h3 class="card__title"><a href="([^"]+)">', html)


# Programmes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "level"), [("en", "Programmes", "Undergraduate"), ("zh-hans", "专业设置", "本科")]
)
def test_the_programme_list_shows_every_programme_as_a_card(client, language, heading, level):
    html = html_of(client, LIST[language])
    assert f"<h1>{heading}</h1>" in html
    assert len(cards(html)) == 4
    assert f"<dd>{level}</dd>" in html
    assert CLINICAL[language] in cards(html)


def test_the_level_filter_is_a_plain_link_that_narrows_the_cards(client):
    html = html_of(client, "/en/programmes/")
    assert '<a href="?level=postgraduate">Postgraduate</a>' in html
    html = html_of(client, "/en/programmes/?level=postgraduate")
    assert cards(html) == ["/en/programmes/oncology-cancer-cell-molecular-biology/"]
    assert '<a href="?level=postgraduate" aria-current="true">Postgraduate</a>' in html
    assert "1 programme shown." in html
    assert len(cards(html_of(client, "/zh-hans/zhuanye/?level=undergraduate"))) == 3


# A NUL byte (and a query over 8000 characters) is refused with a 400: tests/core/test_bad_input.py.
@pytest.mark.parametrize("value", ["bogus", "", "Undergraduate", "x" * 500])
def test_an_unknown_level_shows_the_whole_list(client, value):
    html = html_of(client, f"/en/programmes/?level={value}")
    assert len(cards(html)) == 4
    assert '<a href="/en/programmes/" aria-current="true">All</a>' in html


def test_the_comparison_table_lists_every_programme_even_when_the_cards_are_filtered(client):
    html = html_of(client, "/en/programmes/?level=postgraduate")
    table = section(html, '<table class="compare compare--programmes">', "</table>")
    assert '<caption id="compare-caption">How the programmes differ</caption>' in table
    columns = re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', table)
    assert columns[0] == "Clinical Medicine / Clinical Sciences BSc" and len(columns) == 4
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S))
    assert list(rows) == [
        "Level",
        "Degree from Chongqing Medical University",
        "Degree from University of Leicester",
        "Entry route",
        "Accreditation",
    ]
    assert "National master’s entrance examination" in rows["Entry route"]
    assert "Cancer Cell and Molecular Biology MSc" in rows["Degree from University of Leicester"]
    assert "National first-class undergraduate programme" in rows["Accreditation"]
    assert "WFME Recognition Status" in rows["Accreditation"]
    assert rows["Accreditation"].count("<td>None listed yet</td>") == 3
    assert "–" not in table


def test_the_comparison_table_reads_in_chinese(client):
    table = section(html_of(client, "/zh-hans/zhuanye/"), '<table class="compare', "</table>")
    assert "重庆医科大学授予学位" in table
    assert "临床医学专业本科学位证书" in table
    assert "全国硕士研究生招生考试" in table
    assert "入选国家级一流本科专业（2023年4月）" in table
    assert "<td>暂无</td>" in table


def test_an_unpublished_programme_is_hidden(client):
    models.Programme.objects.filter(key="psychiatry").update(status=Status.DRAFT)
    assert len(cards(html_of(client, "/en/programmes/"))) == 3
    assert client.get("/en/programmes/psychiatry-psychology/").status_code == 404


ENGLISH_FACTS = [
    "Clinical Medicine / Clinical Sciences BSc",
    "<dt>Degree from Chongqing Medical University</dt>",
    "National college entrance examination (gaokao)",
    '<time datetime="2018">2018</time>',
    "Programme accreditation by the Ministry of Education",
    "Contact admissions",
]
CHINESE_FACTS = [
    "临床医学",
    "重庆医科大学和莱斯特大学",
    "普通高等学校招生全国统一考试（高考）",
    '<time datetime="2018">2018年</time>',
    "通过教育部专业认证",
    "联系招生部门",
]


@pytest.mark.parametrize(("language", "facts"), [("en", ENGLISH_FACTS), ("zh-hans", CHINESE_FACTS)])
def test_a_programme_has_a_page_with_its_key_facts_accreditations_and_next_step(client, language, facts):
    html = html_of(client, CLINICAL[language])
    for fact in facts:
        assert fact in html
    contact = "/en/contact/" if language == "en" else "/zh-hans/lianxi/"
    assert f'<a class="button" href="{contact}">' in html
    assert '<time datetime="1993-10">' not in html  # only its own milestones
    assert '<time datetime="2019">' in html


def test_the_language_switcher_leads_to_the_programme_at_its_other_slug(client):
    html = html_of(client, CLINICAL["en"])
    assert f'<a href="{CLINICAL["zh-hans"]}" hreflang="zh-Hans" lang="zh-Hans">' in html
    assert f'<link rel="alternate" hreflang="zh-Hans" href="http://testserver{CLINICAL["zh-hans"]}">' in html
    html = html_of(client, CLINICAL["zh-hans"])
    assert f'<a href="{CLINICAL["en"]}" hreflang="en" lang="en">' in html
    assert '<html lang="zh-Hans">' in html
    assert "<title>临床医学" in html


def test_a_programme_at_the_other_languages_slug_redirects_to_its_own(client):
    response = client.get("/zh-hans/zhuanye/clinical-medicine/")
    assert response.status_code == 301
    assert response.headers["Location"] == CLINICAL["zh-hans"]


@pytest.mark.parametrize(
    "path",
    ["/en/programmes/no-such-programme/", "/zh-hans/zhuanye/no-such-programme/", "/en/programmes/a/b/"],
)
def test_an_unknown_programme_is_a_404_in_the_visitors_language(client, path):
    response = client.get(path)
    assert response.status_code == 404


# Milestones ------------------------------------------------------------------------------------


def milestone_dates(html):
    return re.findall(r'<p class="milestone__date"><time datetime="([^"]+)">', html)


@pytest.mark.parametrize(
    ("language", "first", "year"), [("en", "October 1993", "2018"), ("zh-hans", "1993年10月", "2018年")]
)
def test_the_timeline_runs_oldest_to_newest_grouped_by_year(client, language, first, year):
    html = html_of(client, MILESTONES[language])
    dates = milestone_dates(html)
    assert len(dates) == 14
    assert dates[0] == "1993-10" and dates[-1] == "2024-05"
    assert dates == sorted(dates, key=lambda iso: (iso[:4], iso))
    assert f'<time datetime="1993-10">{first}</time>' in html
    assert f'<li id="year-2018">\n    <h2>{year}</h2>' in html
    assert '<a href="#year-2023">' in html
    assert '<ol class="timeline-years">' in html


def test_each_year_appears_once_with_an_anchor(client):
    html = html_of(client, "/en/milestones/")
    years = re.findall(r'<li id="year-(\d{4})">', html)
    assert years == ["1993", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]


def test_the_category_filter_narrows_the_timeline(client):
    html = html_of(client, "/en/milestones/?category=visit")
    assert milestone_dates(html) == ["2022-07", "2023", "2023-12"]
    assert '<a href="?category=visit" aria-current="true">Visit</a>' in html
    html = html_of(client, "/zh-hans/fazhan-licheng/?category=accreditation")
    assert milestone_dates(html) == ["2023-04", "2023-05", "2024-03"]


def test_an_unknown_category_shows_the_whole_timeline(client):
    assert len(milestone_dates(html_of(client, "/en/milestones/?category=nonsense"))) == 14


def test_the_pages_keep_their_intro_text_from_the_cms(client):
    assert "From a friendship between two cities" in html_of(client, "/en/milestones/")
    assert "均可获得重庆医科大学和莱斯特大学两校颁发的学位证书" in html_of(client, "/zh-hans/zhuanye/")


# Query budgets ---------------------------------------------------------------------------------


def queries_for(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_programme_list_costs_the_same_queries_for_4_or_40_programmes(
    client, django_assert_max_num_queries
):
    client.get("/en/programmes/")  # warm the apphook URL configuration
    with_4 = queries_for(client, "/en/programmes/?level=undergraduate")
    with batched_changes():  # the records, not their saves, are what this measures
        for _ in range(36):
            make.programme()
    with_40 = queries_for(client, "/en/programmes/?level=undergraduate")
    assert with_40 == with_4
    # +1: when content next changes by itself, for the page cache's state; +1: the costs of
    # the comparison.
    cache.clear()
    with django_assert_max_num_queries(22):
        client.get("/zh-hans/zhuanye/")


def test_the_timeline_costs_the_same_queries_for_4_or_40_milestones(client, django_assert_max_num_queries):
    models.Milestone.objects.exclude(key__in=["sister-cities", "programme-approved", "jei-approved"]).delete()
    make.milestone()
    client.get("/en/milestones/")
    with_4 = queries_for(client, "/en/milestones/")
    with batched_changes():
        for year in range(1994, 2030):
            make.milestone(date=__import__("datetime").date(year, 3, 1))
    with_40 = queries_for(client, "/en/milestones/")
    assert with_40 == with_4
    # +1: when content next changes by itself, for the page cache's state.
    cache.clear()
    with django_assert_max_num_queries(21):
        client.get("/zh-hans/fazhan-licheng/")


def test_a_programme_page_stays_within_its_query_budget(client, django_assert_max_num_queries):
    client.get(CLINICAL["en"])
    # +1: when content next changes by itself, for the page cache's state; +5: the provinces
    # (2), whether figures are published, the cost, the charter; +1: the programme's teaching teams.
    cache.clear()
    with django_assert_max_num_queries(32):
        client.get(CLINICAL["zh-hans"])


def test_a_programme_not_yet_translated_is_left_out_of_that_language(client):
    programme = models.Programme(
        key="global-health",
        level=models.Level.POSTGRADUATE,
        award=models.Award.MSC,
        entry_route=models.EntryRoute.MASTERS_EXAM,
    )
    programme.set_current_language("en")
    programme.title, programme.slug, programme.summary = "Global Health MSc", "global-health", "A test."
    programme.save()

    assert client.get("/en/programmes/global-health/").status_code == 200
    assert "Global Health MSc" not in client.get("/zh-hans/zhuanye/").content.decode()
    assert client.get("/zh-hans/zhuanye/global-health/").status_code == 404


def test_the_language_switcher_keeps_the_programme_filter(client):
    html = client.get("/en/programmes/?level=postgraduate").content.decode()
    assert '<a href="/zh-hans/zhuanye/?level=postgraduate" hreflang="zh-Hans" lang="zh-Hans">' in html
    html = client.get("/zh-hans/fazhan-licheng/?category=visit").content.decode()
    assert '<a href="/en/milestones/?category=visit" hreflang="en" lang="en">' in html
