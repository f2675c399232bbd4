"""The news list pages in sitemap.xml: the archive by year, the categories, the events lists,
each in the languages it has something to show in, with hreflang alternates."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeiweb.cache.pages import bump_content_version
from news.models import Status, news_url
from tests.news.factories import make_article, make_category
from tests.support.sitemaps import alternates_by_location as sitemap

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
TAGS = {"en": "en", "zh-hans": "zh-Hans"}


def at(year, month=1, day=1, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=BEIJING)


def absolute(path):
    return f"http://{Site.objects.get_current().domain}{path}"


def in_both_languages(url_for):
    """What the sitemap lists for a page written in both languages: each address, with both
    addresses as its alternates."""
    alternates = {TAGS[language]: absolute(url_for(language)) for language in TAGS}
    return dict.fromkeys(alternates.values(), alternates)


def archive(year):
    return lambda language: news_url("archive", language, year=year)


def test_each_year_with_a_visible_article_is_listed_in_both_languages_with_alternates(client):
    make_article(publication_start=at(2011, 3, 1))
    make_article(publication_start=at(2012, 9, 1))
    entries = sitemap(client)
    for year in (2011, 2012):
        expected = in_both_languages(archive(year))
        assert {location: entries.get(location) for location in expected} == expected


def test_a_year_of_drafts_only_is_not_listed(client):
    make_article(publication_start=at(2013, 5, 1), status=Status.DRAFT)
    entries = sitemap(client)
    for language in TAGS:
        assert absolute(news_url("archive", language, year=2013)) not in entries


def test_a_year_whose_article_is_in_one_language_is_listed_in_that_language_only(client):
    make_article(publication_start=at(2014, 5, 1), languages=("zh-hans",))
    entries = sitemap(client)
    chinese = absolute(news_url("archive", "zh-hans", year=2014))
    assert entries[chinese] == {"zh-Hans": chinese}
    assert absolute(news_url("archive", "en", year=2014)) not in entries


def test_the_year_of_a_scheduled_article_is_listed_once_it_is_due(client):
    with time_machine.travel(at(2040, 12, 31), tick=False) as traveller:
        make_article(publication_start=at(2041, 1, 1, hour=9))
        locations = in_both_languages(archive(2041))
        assert not set(locations) & set(sitemap(client))
        traveller.move_to(at(2041, 1, 1, hour=10))
        assert set(locations) <= set(sitemap(client))


def test_each_category_with_a_visible_article_is_listed_in_both_languages_with_alternates(client):
    category = make_category(name="Exchanges", slug="exchanges")
    make_article(categories=[category])
    entries = sitemap(client)
    expected = in_both_languages(category.get_absolute_url)
    assert {location: entries.get(location) for location in expected} == expected


def test_a_category_of_drafts_and_scheduled_articles_is_not_listed(client):
    category = make_category(name="Admissions", slug="admissions")
    make_article(categories=[category], status=Status.DRAFT)
    make_article(categories=[category], publication_start=at(2099))
    entries = sitemap(client)
    for language in TAGS:
        assert absolute(category.get_absolute_url(language)) not in entries


def test_a_category_visible_in_one_language_is_listed_in_that_language_only(client):
    category = make_category(name="Alumni", slug="alumni")
    make_article(categories=[category], languages=("en",))
    entries = sitemap(client)
    english = absolute(category.get_absolute_url("en"))
    assert entries[english] == {"en": english}
    assert absolute(category.get_absolute_url("zh-hans")) not in entries


@pytest.mark.parametrize("name", ["event-list", "event-past"])
def test_the_events_lists_are_listed_in_both_languages_with_alternates(client, name):
    entries = sitemap(client)
    expected = in_both_languages(lambda language: news_url(name, language))
    assert {location: entries.get(location) for location in expected} == expected


def test_every_address_in_the_sitemap_answers(client):
    category = make_category(name="Research", slug="research-news")
    make_article(categories=[category], publication_start=at(2015, 6, 1))
    make_article(publication_start=at(2016, 6, 1), languages=("en",))
    locations = sitemap(client)
    assert len(locations) > 10
    for location in locations:
        assert client.get(urlsplit(location).path).status_code == 200, location


def news_lists_queries(client):
    bump_content_version()  # a fresh part, not the cached one
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap-news-lists.xml").status_code == 200
    return len(captured)


def test_the_list_pages_cost_the_same_queries_whatever_their_number(client):
    make_article(categories=[make_category(name="One", slug="one")], publication_start=at(2017))
    client.get("/sitemap.xml")  # the current Site and the content version, looked up once
    before = news_lists_queries(client)
    for number in range(5):
        category = make_category(name=f"Topic {number}", slug=f"topic-{number}")
        make_article(categories=[category], publication_start=at(2000 + number))
    assert news_lists_queries(client) == before
