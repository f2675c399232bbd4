"""The one publishing rule (jeiweb/content/publishing.py) and what the page cache learns from it
(jeiweb/content/registry.py), with an explicit `now`: no clock is waited on."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jeiweb.content.publishing import Status
from jeiweb.content.registry import next_content_change
from news.models import Article, Event
from tests.news.factories import make_article, make_event

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_a_draft_is_hidden_whatever_the_time():
    draft = make_article(status=Status.DRAFT, publication_start=NOW - timedelta(days=1))
    assert draft not in Article.objects.visible(now=NOW + timedelta(days=365))
    assert not draft.is_visible(NOW + timedelta(days=365))
    assert draft.is_draft


def test_a_scheduled_record_is_hidden_until_its_time_then_visible():
    scheduled = make_article(publication_start=NOW + timedelta(hours=1))
    assert scheduled not in Article.objects.visible(now=NOW)
    assert not scheduled.is_visible(NOW)
    assert scheduled in Article.objects.visible(now=NOW + timedelta(hours=1))
    assert scheduled.is_visible(NOW + timedelta(hours=1))


def test_scheduled_true_adds_what_is_published_for_later_but_never_a_draft():
    scheduled = make_article(publication_start=NOW + timedelta(days=3))
    draft = make_article(status=Status.DRAFT)
    ahead = Article.objects.visible("en", NOW, scheduled=True)
    assert scheduled in ahead and draft not in ahead
    assert scheduled.visible_from == scheduled.publication_start


def test_the_next_visibility_change_is_the_earliest_scheduled_time():
    make_article(publication_start=NOW + timedelta(hours=5))
    soonest = make_article(publication_start=NOW + timedelta(hours=2))
    make_article(status=Status.DRAFT, publication_start=NOW + timedelta(hours=1))  # a draft changes nothing
    make_article(publication_start=NOW - timedelta(hours=1))  # already visible
    assert Article.objects.next_visibility_change(NOW) == soonest.publication_start
    assert Article.objects.next_visibility_change(NOW + timedelta(hours=6)) is None


def test_visible_in_a_language_is_what_is_written_in_it_once_each():
    both = make_article()
    english_only = make_article(languages=("en",))
    english = Article.objects.visible("en", NOW + timedelta(seconds=1))
    chinese = Article.objects.visible("zh-hans", NOW + timedelta(seconds=1))
    assert both in english and both in chinese
    assert english_only in english and english_only not in chinese
    assert english.filter(pk=both.pk).count() == 1  # the translations' join adds no duplicate row


def test_upcoming_and_past_events_are_built_on_the_rule():
    now = timezone.now()
    start = now + timedelta(days=1)
    event = make_event(start=start, hours=2, publication_start=now)
    scheduled = make_event(start=start, publication_start=now + timedelta(hours=12))
    draft = make_event(start=start, status=Status.DRAFT, publication_start=now)
    upcoming = Event.objects.upcoming(now, language="en")
    assert event in upcoming and scheduled not in upcoming and draft not in upcoming
    assert scheduled in Event.objects.upcoming(now + timedelta(hours=12), language="en")
    assert event in Event.objects.past(start + timedelta(hours=3), language="zh-hans")


def test_the_page_cache_changes_next_when_a_record_comes_due_or_an_event_ends():
    now = timezone.now()
    make_article(publication_start=now + timedelta(hours=3))
    event = make_event(start=now + timedelta(minutes=30), hours=1, publication_start=now)
    # The event ends before the article comes due: it moves from upcoming to past first.
    assert next_content_change(now) == event.end
    assert next_content_change(event.end) == now + timedelta(hours=3)
