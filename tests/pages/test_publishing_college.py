"""The publishing rule for the college's records: programmes, questions and milestones are hidden
as drafts or until their time, on their pages, in search and in the sitemap."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jeiweb.content.publishing import Status
from pages import models
from pages.sitemaps import ProgrammeSitemap
from tests.pages import factories as make

pytestmark = pytest.mark.django_db

PROGRAMMES = "/en/programmes/"
RESULT_LINK = re.compile(r'<h2 class="search-result__title"><a href="([^"]+)">')


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def found(client, query):
    """The addresses the English search results lead to."""
    return RESULT_LINK.findall(html_of(client, f"/en/search/?q={query}"))


def question(programme=None, **fields):
    faq = models.Faq(programme=programme, order=1, **fields)
    make.translated(
        faq,
        en={"question": "Is there a zebra crossing?", "answer": "Yes."},
        zh_hans={"question": "有斑马线吗？", "answer": "有。"},
    )
    faq.save()
    return faq


def test_a_new_college_record_is_published_at_once_as_the_loader_writes_it():
    programme = make.programme()
    assert programme.status == Status.PUBLISHED and programme.is_visible()


def test_a_draft_programme_is_hidden_from_its_list_its_page_the_sitemap_and_search(client):
    programme = make.programme(status=Status.DRAFT)
    title = programme.safe_translation_getter("title", language_code="en")
    assert title not in html_of(client, PROGRAMMES)
    assert client.get(programme.get_absolute_url("en")).status_code == 404
    assert programme not in ProgrammeSitemap().items()
    assert programme.get_absolute_url("en") not in found(client, title)

    programme.status = Status.PUBLISHED
    programme.save()
    assert title in html_of(client, PROGRAMMES)
    assert client.get(programme.get_absolute_url("en")).status_code == 200
    assert programme in ProgrammeSitemap().items()
    assert programme.get_absolute_url("en") in found(client, title)


def test_a_scheduled_programme_appears_at_its_time_on_the_list_and_in_search(client):
    due = timezone.now() + timedelta(hours=1)
    programme = make.programme(publication_start=due)
    title = programme.safe_translation_getter("title", language_code="en")
    assert title not in html_of(client, PROGRAMMES)
    assert programme.get_absolute_url("en") not in found(client, title)
    with time_machine.travel(due, tick=False):
        assert title in html_of(client, PROGRAMMES)
        assert programme.get_absolute_url("en") in found(client, title)


def test_a_question_of_a_hidden_programme_is_hidden_too():
    programme = make.programme(status=Status.DRAFT)
    faq = question(programme)
    assert faq not in models.Faq.objects.visible()
    assert faq not in models.Faq.objects.visible("en", scheduled=True)
    assert not faq.is_visible()
    programme.status = Status.PUBLISHED
    programme.save()
    assert faq in models.Faq.objects.visible("en")
    assert faq.is_visible()


def test_a_question_of_a_programme_not_written_in_a_language_is_hidden_in_it():
    programme = make.programme()
    programme.delete_translation("zh-hans")
    faq = question(programme)
    assert faq in models.Faq.objects.visible("en")
    assert faq not in models.Faq.objects.visible("zh-hans")


def test_a_question_of_a_scheduled_programme_is_found_from_the_programmes_time(client):
    due = timezone.now() + timedelta(hours=1)
    faq = question(make.programme(publication_start=due))
    assert faq.visible_from == due
    assert faq.get_absolute_url("en") not in found(client, "zebra")
    with time_machine.travel(due, tick=False):
        assert faq.get_absolute_url("en") in found(client, "zebra")


def test_a_draft_question_is_hidden_from_its_programme_page(client):
    programme = make.programme()
    faq = question(programme, status=Status.DRAFT)
    assert f'id="{faq.anchor}"' not in html_of(client, programme.get_absolute_url("en"))
    faq.status = Status.PUBLISHED
    faq.save()
    assert f'id="{faq.anchor}"' in html_of(client, programme.get_absolute_url("en"))


def test_a_draft_milestone_is_hidden_from_the_timeline_and_search(client):
    milestone = make.milestone(status=Status.DRAFT)
    title = milestone.safe_translation_getter("title", language_code="en")
    timeline = milestone.get_absolute_url("en").split("#")[0]
    assert title not in html_of(client, timeline)
    assert milestone.get_absolute_url("en") not in found(client, title)
    milestone.status = Status.PUBLISHED
    milestone.save()
    assert title in html_of(client, timeline)
    assert milestone.get_absolute_url("en") in found(client, title)
