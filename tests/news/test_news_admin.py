"""The staff workflow: the News editors group, the article admin and its list."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeiweb.admin.roles import NEWS_EDITORS, setup_roles
from news.models import Article, Status
from news.services import load_news
from tests.news.factories import make_article, make_category, make_editor, make_event
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"


@pytest.fixture
def editor_client(client):
    log_in_verified(client, make_editor())
    return client


def article_form(**overrides):
    data = {
        "title": "Open day 2025",
        "slug": "open-day-2025",
        "summary": "The institute opens its doors.",
        "body": "<p>Come and visit.</p>",
        "image_alt": "",
        "status": "published",
        "publication_start_0": "2025-03-01",
        "publication_start_1": "10:00:00",
        "is_featured": "",
        "categories": [],
    }
    data.update(overrides)
    return data


def test_the_news_editors_group_has_exactly_its_permissions():
    group = Group.objects.get(name=NEWS_EDITORS)
    codenames = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }
    assert codenames == {
        *(
            f"news.{action}_{model}"
            for model in ("article", "event", "category", "eventregistration")
            for action in ("add", "change", "delete", "view")
        ),
        "news.publish_article",
        "news.publish_event",
        # The events' bookings: see, check in, delete on request, write to everyone confirmed.
        *(f"news.{action}_booking" for action in ("view", "change", "delete", "email")),
        *(
            f"filer.{action}_{model}"
            for model in ("file", "image", "folder")
            for action in ("add", "change", "view")
        ),
        "filer.can_use_directory_listing",
        # Read only: the milestones an article links to are chosen by autocomplete.
        "pages.view_milestone",
    }
    assert group in setup_roles()  # running the setup again changes nothing


@pytest.mark.parametrize(
    "path",
    ["news/article/", "news/article/add/", "news/event/add/", "news/category/add/", "filer/folder/"],
)
def test_a_news_editor_can_write_news_and_manage_images(editor_client, path):
    assert editor_client.get(ADMIN + path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "cms/pagecontent/",
        "cms/page/add/",
        "auth/user/",
        "auth/user/add/",
        "auth/group/",
        "sites/site/",
        "djangocms_alias/alias/",
        "filer/folderpermission/",
    ],
)
def test_a_news_editor_cannot_open_pages_users_groups_or_settings(editor_client, path):
    assert editor_client.get(ADMIN + path).status_code == 403


def test_an_editor_writes_a_bilingual_article_and_becomes_its_author(editor_client):
    response = editor_client.post(ADMIN + "news/article/add/?language=en", article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(translations__slug="open-day-2025")
    change_url = ADMIN + f"news/article/{article.pk}/change/?language=zh-hans"
    response = editor_client.post(
        change_url,
        article_form(title="开放日", slug="kaifangri-2025", summary="学院开放日。", body="<p>欢迎参观。</p>"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert set(article.get_available_languages()) == {"en", "zh-hans"}
    assert article.author.username == "editor"
    assert article.status == Status.PUBLISHED
    assert "开放日" in editor_client.get("/zh-hans/xinwen-huodong/kaifangri-2025/").content.decode()


def test_staff_without_the_publish_permission_can_only_write_drafts(client, django_user_model):
    writer = django_user_model.objects.create_user("writer", password="pw", is_staff=True)
    group = Group.objects.get(name=NEWS_EDITORS)
    writer.user_permissions.set(group.permissions.exclude(codename="publish_article"))
    log_in_verified(client, writer)
    response = client.post(ADMIN + "news/article/add/?language=en", article_form())
    assert response.status_code == 302
    assert Article.objects.get(translations__slug="open-day-2025").status == Status.DRAFT


def test_a_reserved_or_taken_slug_is_a_form_error_in_the_editors_language(editor_client):
    response = editor_client.post(ADMIN + "news/article/add/?language=en", article_form(slug="events"))
    assert response.status_code == 200
    assert "This address is used by the news pages" in response.content.decode()
    response = editor_client.post(
        "/zh-hans/admin/news/article/add/?language=en", article_form(slug="archive")
    )
    assert "该网址已被新闻栏目使用" in response.content.decode()


def test_the_admin_list_shows_status_time_and_missing_translations(editor_client):
    make_article(status=Status.DRAFT, title="A draft", languages=("en",))
    make_article(title="A scheduled one", publication_start=timezone.now() + timedelta(days=2))
    html = editor_client.get(ADMIN + "news/article/").content.decode()
    row = re.search(r"<tr>.*?A draft.*?</tr>", html, re.S).group(0)
    assert "Draft" in row and "Simplified Chinese" in row
    row = re.search(r"<tr>.*?A scheduled one.*?</tr>", html, re.S).group(0)
    assert "Scheduled" in row


@pytest.mark.parametrize(
    ("query", "expected", "unexpected"),
    [
        ("state=draft", "A draft", "A scheduled one"),
        ("state=scheduled", "A scheduled one", "A draft"),
        ("state=published", "Approved by the Ministry", "A draft"),
        ("language=-zh-hans", "A draft", "A scheduled one"),
        ("language=zh-hans", "A scheduled one", "A draft"),
    ],
)
def test_the_admin_list_filters_by_status_and_language(editor_client, query, expected, unexpected):
    make_article(status=Status.DRAFT, title="A draft", languages=("en",))
    make_article(title="A scheduled one", publication_start=timezone.now() + timedelta(days=2))
    html = editor_client.get(ADMIN + "news/article/?" + query).content.decode()
    assert expected in html and unexpected not in html


def test_the_admin_list_filters_by_category(editor_client):
    category = make_category()
    make_article(title="Filed", categories=[category])
    make_article(title="Unfiled")
    html = editor_client.get(ADMIN + f"news/article/?categories__id__exact={category.pk}").content.decode()
    assert "Filed" in html and "Unfiled" not in html


def test_the_admin_links_to_the_article_on_the_site(editor_client):
    article = make_article(status=Status.DRAFT)
    html = editor_client.get(ADMIN + f"news/article/{article.pk}/change/").content.decode()
    view_on_site = re.search(r'href="([^"]+)" class="viewsitelink"', html).group(1)
    response = editor_client.get(view_on_site, follow=True)
    # A direct, relative address now (jeiweb/admin/translations.py), no longer a redirect through the Site.
    landed = response.redirect_chain[-1][0] if response.redirect_chain else view_on_site
    assert landed.endswith(article.get_absolute_url("en"))
    assert "Preview: this article is a draft" in response.content.decode()


def test_a_script_payload_is_inert_in_the_admin(editor_client):
    payload = '<script>alert("x")</script>'
    article = make_article(title=f"Evil {payload}", body=f"<p>ok</p>{payload}")
    for url in (ADMIN + "news/article/", ADMIN + f"news/article/{article.pk}/change/"):
        html = editor_client.get(url).content.decode()
        assert payload not in html, url
        assert "Evil &lt;script&gt;" in html, url
    article.refresh_from_db()
    assert "<script" not in article.safe_translation_getter("body", language_code="en")


def test_loading_the_news_again_changes_nothing():
    assert load_news() == 0
    assert Article.objects.count() == 1


def test_an_event_cannot_end_before_it_starts():
    event = make_event()
    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_a_search_of_the_article_list_offers_no_date_drill_down_unless_one_was_chosen(editor_client):
    """The drill-down would read every match twice more (its dates, then its years)."""
    make_article(title="Medicine open day", publication_start=timezone.now() - timedelta(days=400))
    make_article(title="Medicine lecture")
    listing = editor_client.get(ADMIN + "news/article/").content.decode()
    assert 'class="toplinks"' in listing  # the drill-down by year
    searched = editor_client.get(ADMIN + "news/article/?q=medicine")
    assert 'class="toplinks"' not in searched.content.decode()
    assert searched.context["cl"].result_count == 2
    year = timezone.localtime().year
    in_a_year = editor_client.get(ADMIN + f"news/article/?q=medicine&publication_start__year={year}")
    assert 'class="toplinks"' in in_a_year.content.decode()  # the chosen year stays in sight
    assert in_a_year.context["cl"].result_count == 1
