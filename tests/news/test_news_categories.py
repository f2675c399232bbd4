"""A category is public only while it holds an article visitors can see (in their language)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Status
from tests.news.factories import make_article, make_category

pytestmark = pytest.mark.django_db

NEWS = {"en": "/en/news-events/", "zh-hans": "/zh-hans/xinwen-huodong/"}


def category_urls(category, language):
    page = category.get_absolute_url(language)
    return {"page": page, "rss": page + "feed/rss/", "atom": page + "feed/atom/"}


def in_sidebar(client, category, language):
    return f'href="{category.get_absolute_url(language)}"' in client.get(NEWS[language]).content.decode()


@pytest.fixture
def hidden_category():
    """A category whose only articles are a draft and one scheduled for tomorrow."""
    category = make_category(name="Admissions", slug="admissions")
    make_article(categories=[category], status=Status.DRAFT)
    make_article(categories=[category], publication_start=timezone.now() + timedelta(days=1))
    return category


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_category_of_drafts_and_scheduled_articles_has_no_page_no_feed_and_no_link(
    client, hidden_category, language
):
    assert category_urls(hidden_category, language)["page"].startswith(NEWS[language] + "category/")
    for name, url in category_urls(hidden_category, language).items():
        assert client.get(url).status_code == 404, name
    assert not in_sidebar(client, hidden_category, language)


def test_a_category_appears_once_an_article_in_it_is_visible(client, hidden_category):
    make_article(categories=[hidden_category], title="Open day", languages=("en",))
    for url in category_urls(hidden_category, "en").values():
        assert client.get(url).status_code == 200
    assert in_sidebar(client, hidden_category, "en")
    assert "Open day" in client.get(category_urls(hidden_category, "en")["rss"]).content.decode()
    # The article is written in English only: the Chinese side still has no such category.
    assert client.get(category_urls(hidden_category, "zh-hans")["page"]).status_code == 404
    assert not in_sidebar(client, hidden_category, "zh-hans")


def test_a_category_disappears_again_when_its_last_article_is_withdrawn(client):
    category = make_category(name="Alumni", slug="alumni")
    article = make_article(categories=[category])
    assert client.get(category.get_absolute_url("en")).status_code == 200
    article.status = Status.DRAFT
    article.save()
    assert client.get(category.get_absolute_url("en")).status_code == 404
    assert not in_sidebar(client, category, "en")
