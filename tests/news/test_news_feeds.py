"""Feeds and calendars, parsed back as a feed reader and a calendar would."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import timezone

from news.models import Status
from tests.news.factories import make_article, make_category, make_event

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
NEWS = {"en": "/en/news-events/", "zh-hans": "/zh-hans/xinwen-huodong/"}


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_the_rss_feed_lists_the_latest_visible_articles_in_its_language(client):
    newest = make_article(title="Newest story")
    make_article(status=Status.DRAFT, title="Draft story")
    make_article(publication_start=timezone.now() + timedelta(hours=2), title="Scheduled story")
    make_article(languages=("zh-hans",), title="仅中文")

    channel, items = rss_items(client, NEWS["en"] + "feed/rss/")

    assert channel.findtext("language") == "en"
    titles = [item.findtext("title") for item in items]
    assert titles[0] == "Newest story"
    assert "CQMU–UoL Joint Institute Approved by the Ministry of Education" in titles
    assert not {"Draft story", "Scheduled story", "仅中文"} & set(titles)
    first = items[0]
    assert urlsplit(first.findtext("link")).path == newest.get_absolute_url("en")
    assert first.findtext("description") == newest.safe_translation_getter("summary", language_code="en")
    assert first.findtext("pubDate")


def test_the_chinese_atom_feed_is_in_chinese(client):
    response = client.get(NEWS["zh-hans"] + "feed/atom/")
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "重庆医科大学莱斯特大学联合学院获教育部批准设立"
    ]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert urlsplit(link).path == "/zh-hans/xinwen-huodong/lianhe-xueyuan-huo-jiaoyubu-pizhun-sheli/"
    assert [category.get("term") for category in entries[0].findall(f"{ATOM}category")] == ["学院新闻"]


def test_a_category_feed_has_only_that_categorys_articles(client):
    category = make_category()
    make_article(categories=[category], title="Research story")
    make_article(title="Other story")
    slug = category.safe_translation_getter("slug", language_code="en")
    _channel, items = rss_items(client, NEWS["en"] + f"category/{slug}/feed/rss/")
    assert [item.findtext("title") for item in items] == ["Research story"]
    feed = ET.fromstring(client.get(NEWS["en"] + f"category/{slug}/feed/atom/").content)
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == ["Research story"]


def test_the_news_pages_announce_their_feeds(client):
    html = client.get(NEWS["en"]).content.decode()
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="News (RSS)" href="{NEWS["en"]}feed/rss/">'
        in html
    )
    assert f'type="application/atom+xml" title="News (Atom)" href="{NEWS["en"]}feed/atom/"' in html


def test_an_event_downloads_as_an_ics_file_with_its_times(client):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    event = make_event(start=start, hours=3, registration_url="https://example.edu.cn/register")
    response = client.get(event.get_ics_url("zh-hans"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    calendar = icalendar.Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.safe_translation_getter("title", language_code="zh-hans")
    assert entry.decoded("DTSTART") == start
    assert entry.decoded("DTEND") == start + timedelta(hours=3)
    assert str(entry["LOCATION"]) == event.location
    assert urlsplit(str(entry["URL"])).path == event.get_absolute_url("zh-hans")
    assert str(entry["UID"]).startswith(f"event-{event.pk}@")


def test_the_calendar_feed_has_only_upcoming_published_events(client):
    upcoming = make_event()
    make_event(status=Status.DRAFT)
    make_event(start=timezone.now() - timedelta(days=5))
    make_event(languages=("zh-hans",))
    response = client.get(NEWS["en"] + "events/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")]
    assert summaries == [upcoming.safe_translation_getter("title", language_code="en")]


def test_a_draft_event_has_no_page_and_no_ics(client):
    draft = make_event(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url("en")).status_code == 404
    assert client.get(draft.get_ics_url("en")).status_code == 404


def test_without_events_the_lists_say_so_kindly(client):
    assert "No events are planned at the moment" in client.get(NEWS["en"] + "events/").content.decode()
    assert "目前暂无活动安排" in client.get(NEWS["zh-hans"] + "events/").content.decode()
    assert "There are no past events to show." in client.get(NEWS["en"] + "events/past/").content.decode()


def test_upcoming_and_past_events_are_listed_apart(client):
    upcoming = make_event()
    past = make_event(start=timezone.now() - timedelta(days=30))
    upcoming_html = client.get(NEWS["en"] + "events/").content.decode()
    past_html = client.get(NEWS["en"] + "events/past/").content.decode()
    assert (
        upcoming.get_absolute_url("en") in upcoming_html and past.get_absolute_url("en") not in upcoming_html
    )
    assert past.get_absolute_url("en") in past_html and upcoming.get_absolute_url("en") not in past_html
    page = client.get(past.get_absolute_url("en")).content.decode()
    assert "This event has taken place." in page


def test_an_event_page_links_its_calendar_file_and_related_article(client):
    article = make_article(title="Open day announced")
    event = make_event(article=article, registration_url="https://example.edu.cn/register")
    html = client.get(event.get_absolute_url("en")).content.decode()
    assert f'href="{event.get_ics_url("en")}" download' in html
    assert 'href="https://example.edu.cn/register"' in html
    assert "Open day announced" in html
    # And the article names its event.
    assert event.get_absolute_url("en") in client.get(article.get_absolute_url("en")).content.decode()
