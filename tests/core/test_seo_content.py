"""Programmes, articles and events as search engines read them: sitemap, meta tags, JSON-LD."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from jeiweb.cache.pages import bump_content_version
from news.models import Article, Status
from news.sitemaps import ArticleSitemap, EventSitemap
from pages.models import Programme
from pages.sitemaps import ProgrammeSitemap
from tests.news.factories import make_article, make_event
from tests.support.sitemaps import NS, part_paths, sitemap_part
from tests.support.sitemaps import alternates_by_location as sitemap

pytestmark = pytest.mark.django_db


def absolute(path):
    return f"http://{Site.objects.get_current().domain}{path}"


def json_ld(html, kind):
    blocks = [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]
    (block,) = [block for block in blocks if block["@type"] == kind]
    return block


def test_the_sitemap_lists_each_programme_in_both_languages_with_alternates(client):
    entries = sitemap(client)
    for programme in Programme.objects.visible():
        english, chinese = programme.get_absolute_url("en"), programme.get_absolute_url("zh-hans")
        for location in (english, chinese):
            assert entries[absolute(location)] == {"en": absolute(english), "zh-Hans": absolute(chinese)}


def test_the_sitemap_lists_published_articles_and_events_but_no_draft_or_scheduled_one(client):
    published = make_article()
    draft = make_article(status=Status.DRAFT)
    scheduled = make_article(publication_start=timezone.now() + timedelta(days=1))
    english_only = make_article(languages=("en",))
    event = make_event()
    hidden_event = make_event(status=Status.DRAFT)

    entries = sitemap(client)

    for item in (published, event):
        assert absolute(item.get_absolute_url("en")) in entries
        assert absolute(item.get_absolute_url("zh-hans")) in entries
    # Written in English only: listed once, with no Chinese alternate.
    english_url = absolute(english_only.get_absolute_url("en"))
    assert entries[english_url] == {"en": english_url}
    for hidden in (draft, scheduled, hidden_event):
        assert absolute(hidden.get_absolute_url("en")) not in entries


def articles_part_queries(client):
    bump_content_version()
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap-articles.xml").status_code == 200
    return len(captured)


def test_the_sitemap_query_count_does_not_grow_with_articles(client):
    for _ in range(3):
        make_article()
    few = articles_part_queries(client)
    for _ in range(20):
        make_article()
    assert articles_part_queries(client) == few == 2  # the articles, their translations


def test_the_sitemap_is_an_index_of_parts_of_bounded_size_that_together_list_every_article(
    client, monkeypatch
):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article() for _ in range(4)]
    parts = [path for path in part_paths(client) if path.startswith("/sitemap-articles.xml")]
    visible = Article.objects.visible().count()
    assert len(parts) == -(-visible // 2) >= 3
    assert parts[1] == "/sitemap-articles.xml?p=2"
    urls = [url.find("s:loc", NS).text for path in parts for url in sitemap_part(client, path)]
    assert all(len(sitemap_part(client, path)) <= 2 * 2 for path in parts)  # objects × languages
    for article in articles:
        for language in ("en", "zh-hans"):
            assert absolute(article.get_absolute_url(language)) in urls
    assert len(urls) == len(set(urls))


def test_the_sitemap_builds_the_same_addresses_as_the_objects_themselves():
    make_article()
    make_event()
    for sitemap_class in (ArticleSitemap, EventSitemap, ProgrammeSitemap):
        site = sitemap_class()
        for obj in site.items():
            for language in site.get_languages_for_item(obj):
                with translation.override(language):
                    assert site.location(obj) == obj.get_absolute_url(language)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_programme_page_describes_the_programme(client, language):
    programme = Programme.objects.get(key="clinical-medicine")
    programme.set_current_language(language)
    html = client.get(programme.get_absolute_url(language)).content.decode()

    assert f'<meta name="description" content="{programme.summary}">' in html
    assert f'<meta property="og:title" content="{programme.title}">' in html
    data = json_ld(html, "EducationalOccupationalProgram")
    assert data["name"] == programme.title
    assert f"<h1>{programme.title}</h1>" in html
    assert data["url"] == f"http://testserver{programme.get_absolute_url(language)}"
    # One credential per university, each as its page states it (issue 11).
    for credential, degree in zip(data["educationalCredentialAwarded"], programme.degrees, strict=True):
        degree.set_current_language(language)
        assert credential["name"] == degree.name and credential["name"] in html
        assert credential["recognizedBy"]["name"] in html
    breadcrumb = json_ld(html, "BreadcrumbList")
    assert breadcrumb["itemListElement"][-1]["name"] == programme.title


def test_an_article_page_describes_the_article(client):
    article = make_article(title="Graduation ceremony")
    article.set_current_language("en")
    html = client.get(article.get_absolute_url("en")).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert f'<meta name="description" content="{article.summary}">' in html
    data = json_ld(html, "NewsArticle")
    assert data["headline"] == "Graduation ceremony"
    assert data["description"] == article.summary
    assert data["datePublished"] == article.publication_start.isoformat()
    assert data["inLanguage"] == "en"
    assert json_ld(html, "BreadcrumbList")["itemListElement"][-1]["name"] == "Graduation ceremony"


def test_an_event_page_describes_the_event(client):
    event = make_event()
    event.set_current_language("zh-hans")
    html = client.get(event.get_absolute_url("zh-hans")).content.decode()

    data = json_ld(html, "Event")
    assert data["name"] == event.title
    assert data["startDate"] == event.start.isoformat()
    assert data["endDate"] == event.end.isoformat()
    assert data["location"]["name"] == event.location
    assert event.location in html
    assert data["inLanguage"] == "zh-Hans"


def test_a_scheduled_article_is_found_by_the_search_from_its_time_on(client):
    now = timezone.now()
    article = make_article(title="Lantern festival concert", publication_start=now + timedelta(seconds=3))
    link = f'href="{article.get_absolute_url("en")}"'
    with time_machine.travel(now, tick=False) as clock:
        assert link not in client.get("/en/search/", {"q": "lantern"}).content.decode()
        # No save, no cron: only time passes.
        clock.move_to(article.publication_start + timedelta(milliseconds=100))
        assert link in client.get("/en/search/", {"q": "lantern"}).content.decode()


def test_programmes_milestones_and_events_are_found_by_the_search(client):
    make_event()
    found = client.get("/zh-hans/sousuo/", {"q": "临床"}).content.decode()
    assert 'href="/zh-hans/zhuanye/linchuang-yixue/"' in found
    milestones = client.get("/en/search/", {"q": "sister cities"}).content.decode()
    assert 'href="/en/milestones/?year=1993#year-1993"' in milestones
    events = client.get("/en/search/", {"q": "lecture theatre"}).content.decode()
    assert "/en/news-events/events/event-" in events


def test_an_article_in_one_language_claims_no_translation(client):
    article = make_article(languages=("en",))
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert 'hreflang="en"' in html
    assert '<link rel="alternate" hreflang="zh-Hans"' not in html
    # The switcher still offers the other language's news list.
    assert '<a href="/zh-hans/xinwen-huodong/" hreflang="zh-Hans" lang="zh-Hans">' in html
