"""The milestones timeline in pages: a long story costs what a short one does, every milestone
is on exactly one page, and a year is a stable address in both languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bench.generate_content import generate
from jeiweb.cache.pages import bump_content_version
from pages.models import Milestone
from pages.timeline import PAGE_SIZE, layout, nearby

MILESTONES = {"en": "/en/milestones/", "zh-hans": "/zh-hans/fazhan-licheng/"}


def milestone_dates(html):
    return re.findall(r'<p class="milestone__date"><time datetime="([^"]+)">', html)


def year_anchors(html):
    return [int(year) for year in re.findall(r'<li id="year-(\d{4})">', html)]


def spans(pages):
    return [(page.first_year, page.last_year, page.size) for page in pages]


# The layout, on its own ------------------------------------------------------------------------


def test_a_story_that_fits_is_one_page():
    assert spans(layout([1993, 2018, 2018, 2024], page_size=5)) == [(1993, 2024, 4)]


def test_a_year_that_would_not_fit_starts_the_next_page():
    years = [2001] * 3 + [2002] * 3 + [2003] * 1
    assert spans(layout(years, page_size=5)) == [(2001, 2001, 3), (2002, 2003, 4)]


def test_only_a_year_longer_than_a_page_is_cut():
    years = [2001] + [2002] * 12 + [2003]
    assert spans(layout(years, page_size=5)) == [
        (2001, 2001, 1),
        (2002, 2002, 5),
        (2002, 2002, 5),
        (2002, 2003, 3),
    ]


def test_a_page_that_goes_on_with_the_year_before_says_so_in_its_label():
    pages = layout([2001] + [2002] * 12, page_size=5)
    with translation.override("en"):
        assert [page.label for page in pages] == ["2001", "2002", "2002 (continued)", "2002 (continued)"]
    with translation.override("zh-hans"):
        assert pages[2].label == "2002年（续）"


def test_a_long_story_links_the_first_and_last_pages_and_those_around_the_current_one():
    pages = layout([1900 + n // 10 for n in range(400)], page_size=10)
    shown = nearby(pages, pages[19])
    assert [page and page.number for page in shown] == [1, None, 18, 19, 20, 21, 22, None, 40]
    assert [page.number for page in nearby(pages[:4], pages[0])] == [1, 2, 3, 4]


def test_the_pages_cover_the_list_in_order_without_gaps():
    years = [1990 + index // 7 for index in range(200)]
    pages = layout(years, page_size=20)
    assert [page.number for page in pages] == list(range(1, len(pages) + 1))
    assert pages[0].start == 0
    for before, after in zip(pages, pages[1:], strict=False):
        assert after.start == before.start + before.size
    assert sum(page.size for page in pages) == 200
    assert max(page.size for page in pages) <= 20


def test_an_empty_story_has_no_pages():
    assert layout([]) == []


# The seed story: one page, as before -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_seed_story_is_one_page_without_page_links(client, language):
    html = client.get(MILESTONES[language]).content.decode()
    assert len(milestone_dates(html)) == 14
    assert 'rel="next"' not in html and "?page=" not in html


# A long story ----------------------------------------------------------------------------------


@pytest.fixture
def long_story(db):
    """600 more milestones in both languages over 30 years (the benchmark's generator)."""
    generate(milestones=600)
    bump_content_version()  # bulk_create sends no signals


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_milestone_is_on_exactly_one_page_and_no_page_is_longer_than_the_limit(
    client, long_story, language
):
    total = Milestone.objects.visible(language).count()
    first = get(client, MILESTONES[language])
    numbers = [int(n) for n in re.findall(r'\?page=(\d+)"', first)]
    last_page = max(numbers)
    seen = []
    for number in range(1, last_page + 1):
        dates = milestone_dates(get(client, f"{MILESTONES[language]}?page={number}"))
        assert 0 < len(dates) <= PAGE_SIZE
        seen += dates
    assert len(seen) == total
    assert seen == sorted(seen, key=lambda iso: iso[:4])


def test_a_page_costs_the_same_queries_as_the_seed_story(client, db):
    def count(url):
        bump_content_version()
        client.get(url + ("&" if "?" in url else "?") + "warm")  # the layout, the CMS's one-off work
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    seed = count("/en/milestones/")
    generate(milestones=600)
    assert count("/en/milestones/") == seed
    assert count("/en/milestones/?page=3") == seed


def test_a_milestone_links_to_the_page_where_its_year_begins(client, long_story):
    for milestone in Milestone.objects.filter(key__startswith="bench-").order_by("?")[:5]:
        url = milestone.get_absolute_url("en")
        path, anchor = url.split("#")
        assert anchor == f"year-{milestone.date.year}"
        html = get(client, path)
        assert milestone.date.year in year_anchors(html)
        assert f'id="{anchor}"' in html


def test_a_later_page_switches_language_at_the_same_year(client, long_story):
    html = get(client, "/en/milestones/?page=4")
    first_year = year_anchors(html)[0]
    switch = re.search(r'hreflang="zh-Hans" href="([^"]+)"', html).group(1)
    assert switch.endswith(f"/zh-hans/fazhan-licheng/?year={first_year}")
    assert first_year in year_anchors(get(client, switch))


def test_a_later_part_is_its_own_page_for_search_engines_at_its_year(client, long_story):
    html = get(client, "/en/milestones/?page=4")
    first_year = year_anchors(html)[0]
    address = f"http://testserver/en/milestones/?year={first_year}"
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{address}">' in html
    assert 'rel="canonical" href="http://testserver/en/milestones/"' in get(client, "/en/milestones/")
    filtered = get(client, "/en/milestones/?category=visit&page=2")
    assert 'rel="canonical" href="http://testserver/en/milestones/"' in filtered


def test_the_page_links_keep_the_category(client, long_story):
    html = get(client, "/en/milestones/?category=visit")
    assert '<a href="?category=visit&amp;page=2"' in html
    dates = milestone_dates(get(client, "/en/milestones/?category=visit&page=2"))
    visits = Milestone.objects.visible("en").filter(category="visit").chronological()
    assert dates[0].startswith(str(visits[PAGE_SIZE].date.year))


@pytest.mark.parametrize(
    "query", ["page=0", "page=99", "page=two", "page=-1", "page=%C2%B2", "page=%EF%BC%92", "year=MMXX"]
)
def test_a_page_that_is_not_there_is_a_404(client, long_story, query):
    assert client.get(f"/en/milestones/?{query}").status_code == 404


def test_a_year_after_the_story_ends_shows_its_last_page(client, long_story):
    html = get(client, "/en/milestones/?year=2999")
    assert 'rel="next"' not in html and 'rel="prev"' in html
