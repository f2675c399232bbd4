"""Who sees which article where: drafts, scheduled and published articles, per language."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from news.models import Article, Status
from pages.models import Programme
from tests.news.factories import make_article, make_category, make_editor
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

NEWS = {"en": "/en/news-events/", "zh-hans": "/zh-hans/xinwen-huodong/"}


def visible_titles(client, url):
    return re.findall(
        r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', client.get(url).content.decode()
    )


def test_the_seed_story_is_published_in_both_languages_dated_may_2024_in_beijing_time():
    article = Article.objects.visible().get(translations__slug__startswith="cqmu-uol-joint-institute")
    assert set(article.get_available_languages()) == {"en", "zh-hans"}
    local = timezone.localtime(article.publication_start)
    assert (local.year, local.month, str(local.tzinfo)) == (2024, 5, "Asia/Shanghai")
    assert [str(category) for category in article.categories.all()] == ["Institute news"]


def test_the_news_list_shows_the_seed_story_in_each_language(client):
    assert "CQMU–UoL Joint Institute Approved by the Ministry of Education" in visible_titles(
        client, NEWS["en"]
    )
    assert "重庆医科大学莱斯特大学联合学院获教育部批准设立" in visible_titles(client, NEWS["zh-hans"])


def test_a_draft_is_hidden_from_visitors_everywhere(client):
    draft = make_article(status=Status.DRAFT, title="Secret draft")
    assert "Secret draft" not in visible_titles(client, NEWS["en"])
    assert client.get(draft.get_absolute_url("en")).status_code == 404
    assert "Secret draft" not in client.get(NEWS["en"] + "feed/rss/").content.decode()
    assert "Secret draft" not in client.get(NEWS["en"] + "feed/atom/").content.decode()
    assert "Secret draft" not in client.get("/en/").content.decode()


def test_a_scheduled_article_appears_at_its_time_without_any_job(client):
    now = timezone.now()
    scheduled = make_article(publication_start=now + timedelta(hours=1), title="Coming soon")
    url = scheduled.get_absolute_url("en")
    with time_machine.travel(now, tick=False) as clock:
        assert "Coming soon" not in visible_titles(client, NEWS["en"])
        assert client.get(url).status_code == 404
        assert "Coming soon" not in client.get("/en/").content.decode()

        # Time passes: nothing is saved, no job runs; the cached pages end at its time, the
        # home page's "latest news" block included.
        clock.move_to(scheduled.publication_start + timedelta(milliseconds=100))

        assert "Coming soon" in visible_titles(client, NEWS["en"])
        assert client.get(url).status_code == 200
        assert "Coming soon" in client.get(NEWS["en"] + "feed/rss/").content.decode()
        assert "Coming soon" in client.get("/en/").content.decode()


def test_the_published_queryset_is_the_one_rule_with_time_and_language():
    now = timezone.now()
    later = make_article(publication_start=now + timedelta(days=1))
    english_only = make_article(languages=("en",))
    draft = make_article(status=Status.DRAFT)
    assert later not in Article.objects.visible()
    assert later in Article.objects.visible(now=now + timedelta(days=2))
    assert Article.objects.next_visibility_change(now) == later.publication_start
    assert english_only in Article.objects.visible("en")
    assert english_only not in Article.objects.visible("zh-hans")
    assert draft not in Article.objects.visible(now=now + timedelta(days=2))


def test_an_article_missing_the_visitors_language_is_left_out_of_list_page_and_feeds(client):
    article = make_article(languages=("en",), title="English only")
    assert "English only" in visible_titles(client, NEWS["en"])
    assert "English only" not in visible_titles(client, NEWS["zh-hans"])
    assert client.get(NEWS["zh-hans"] + article.slug + "/").status_code == 404
    assert "English only" not in client.get(NEWS["zh-hans"] + "feed/rss/").content.decode()
    # Its language switcher leads to the Chinese news list instead of a missing page.
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert f'<a href="{NEWS["zh-hans"]}" hreflang="zh-Hans"' in html


def test_the_language_switcher_leads_to_the_same_article_in_the_other_language(client):
    article = make_article()
    html = client.get(article.get_absolute_url("en")).content.decode()
    chinese = article.get_absolute_url("zh-hans")
    assert chinese.startswith(NEWS["zh-hans"]) and chinese.endswith("-zh-hans/")
    assert f'<a href="{chinese}" hreflang="zh-Hans" lang="zh-Hans">' in html
    assert f'<link rel="alternate" hreflang="zh-Hans" href="http://testserver{chinese}">' in html


def test_staff_preview_a_draft_at_its_real_address_uncached(client):
    draft = make_article(status=Status.DRAFT, title="Draft for review")
    log_in_verified(client, make_editor())
    response = client.get(draft.get_absolute_url("en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: this article is a draft" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response.headers["Cache-Control"] or "max-age=0" in response.headers["Cache-Control"]


def test_a_scheduled_article_previews_with_its_time_for_staff(client):
    scheduled = make_article(publication_start=timezone.now() + timedelta(days=3))
    log_in_verified(client, make_editor())
    html = client.get(scheduled.get_absolute_url("en")).content.decode()
    assert "Preview: this article is scheduled for" in html


def test_the_article_page_shows_date_categories_neighbours_and_share_links(client):
    category = make_category()
    older = make_article(categories=[category], publication_start=timezone.now() - timedelta(days=3))
    article = make_article(categories=[category], publication_start=timezone.now() - timedelta(days=2))
    newer = make_article(publication_start=timezone.now() - timedelta(days=1))
    html = client.get(article.get_absolute_url("zh-hans")).content.decode()
    local = timezone.localtime(article.publication_start)
    assert f"{local.year}年{local.month}月{local.day}日" in html
    assert f'href="{category.get_absolute_url("zh-hans")}"' in html
    assert f'href="{older.get_absolute_url("zh-hans")}" rel="prev"' in html
    assert f'href="{newer.get_absolute_url("zh-hans")}" rel="next"' in html
    assert "service.weibo.com/share" in html and "mailto:?subject=" in html
    # No third-party script: only our own files, and JSON-LD (data, not code).
    assert not re.search(r'<script(?![^>]*\b(?:src="/static/|type="application/ld\+json"))', html)


def test_the_related_stories_are_the_three_newest_visible_ones_sharing_a_category(client):
    health, campus = make_category("Health", "health"), make_category("Campus", "campus")
    days = iter(range(1, 100))

    def story(title, categories, **fields):
        start = timezone.now() - timedelta(days=next(days))
        return make_article(title=title, categories=categories, publication_start=start, **fields)

    article = story("The article", [health])
    story("Draft in health", [health], status=Status.DRAFT)
    story("In both", [health, campus])
    story("Campus only", [campus])
    story("Health two", [health])
    story("Health three", [health])
    story("Health four", [health])
    html = client.get(article.get_absolute_url("en")).content.decode()
    related = re.search(r'id="related-heading".*?</section>', html, re.S).group(0)
    titles = re.findall(r"(The article|Draft in health|In both|Campus only|Health \w+)<", related)
    assert titles == ["In both", "Health two", "Health three"]


def test_the_category_filter_and_year_archive_list_the_right_articles(client):
    category = make_category()
    in_category = make_article(categories=[category], title="In the category")
    make_article(title="Elsewhere")
    titles = visible_titles(client, category.get_absolute_url("en"))
    assert titles == ["In the category"]
    titles_2024 = visible_titles(client, NEWS["en"] + "archive/2024/")
    assert titles_2024 == ["CQMU–UoL Joint Institute Approved by the Ministry of Education"]
    this_year = timezone.localtime().year
    assert "In the category" in visible_titles(client, NEWS["en"] + f"archive/{this_year}/")
    assert in_category.get_absolute_url("en") in client.get(NEWS["en"]).content.decode()


# A NUL byte is refused with a 400 before the view: tests/core/test_bad_input.py.
@pytest.mark.parametrize(
    "query",
    ["?page=2", "?page=0", "?page=-1", "?page=abc", "?page=99999999999999999999"],
)
def test_a_page_past_the_end_or_not_a_number_is_a_404(client, query):
    response = client.get(NEWS["en"] + query)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "category/no-such-category/",
        "category/no-such-category/feed/rss/",
        "archive/0/",
        "archive/1/",
        "archive/02024/",
        "archive/99999/",
        "archive/99999999999999999999999/",
        "archive/20x4/",
        "archive/-2024/",
        "events/no-such-event/",
        "events/no-such-event.ics",
        "no-such-article/",
    ],
)
def test_unknown_categories_years_and_slugs_are_404s(client, path):
    assert client.get(NEWS["en"] + path).status_code == 404


def test_pagination_moves_through_the_archive(client):
    for _ in range(11):
        make_article()
    first = client.get(NEWS["en"]).content.decode()
    assert 'href="?page=2" rel="next"' in first
    second = client.get(NEWS["en"] + "?page=2")
    assert second.status_code == 200
    assert len(visible_titles(client, NEWS["en"] + "?page=2")) == 2  # 12 articles with the seed story
    assert client.get(NEWS["en"] + "?page=3").status_code == 404
    assert client.get(NEWS["en"] + "?page=last").status_code == 200


def test_script_payloads_in_title_and_body_render_inert_for_visitors(client):
    payload = '<script>alert("x")</script>'
    article = make_article(
        title=f"Breaking {payload}",
        body=f'<p>Hello</p>{payload}<img src="/x.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a>',
    )
    for url in (article.get_absolute_url("en"), NEWS["en"], "/en/"):
        html = client.get(url).content.decode()
        assert payload not in html, url
        assert "Breaking &lt;script&gt;" in html, url
        assert "onerror" not in html and "javascript:alert" not in html, url


def test_the_seed_story_links_to_the_programmes_and_the_milestone_it_tells_of(client):
    html = client.get("/zh-hans/xinwen-huodong/lianhe-xueyuan-huo-jiaoyubu-pizhun-sheli/").content.decode()
    assert '<h2 id="about-heading">' in html
    for programme in Programme.objects.all():
        assert f'href="{programme.get_absolute_url("zh-hans")}"' in html
    assert 'href="/zh-hans/fazhan-licheng/?year=2024#year-2024"' in html
