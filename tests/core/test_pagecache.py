"""Every public page is cached for anonymous readers, and stale the moment its content changes.

See jeiweb/cache/pages.py: a content version in the cache, bumped by every content record's save
or delete and by the next scheduled change (a record coming due), is part of each page's key.
"""

import gzip
from datetime import timedelta

import pytest
import time_machine
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from djangocms_versioning.models import Version

from jeiweb.cache.pages import _bump_on_commit, content_state, content_version
from news.models import Status
from pages.models import Programme
from tests.news.factories import make_article
from tests.support.audit import PAGE_TYPES
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

NEWS = "/en/news-events/"
RSS = NEWS + "feed/rss/"
# The apps' page types.
APP_PAGES = [
    path
    for kind, paths in PAGE_TYPES.items()
    if kind.startswith(("programme", "milestones", "news", "article", "events", "past events"))
    for path in paths
]


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("cache-editor", "editor@example.org", "secret")
    return user


PUBLIC_PAGES = [
    *APP_PAGES,
    RSS,
    NEWS + "feed/atom/",
    NEWS + "events/calendar.ics",
    "/en/",
    "/zh-hans/",
    "/en/about/",
    "/en/search/?q=medicine",
    "/zh-hans/sousuo/?q=%E4%B8%B4%E5%BA%8A",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("encoding", ["gzip, deflate, br", ""])
def test_a_public_page_is_replayed_to_anonymous_readers_as_it_was_sent_without_a_query(
    client, path, encoding, django_assert_num_queries
):
    first = client.get(path, headers={"Accept-Encoding": encoding})
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(path, headers={"Accept-Encoding": encoding})
    assert again.content == first.content
    for header in ("Content-Type", "Content-Encoding", "ETag", "Vary", "Content-Security-Policy"):
        assert again.get(header) == first.get(header), header
    if not encoding:
        assert "Content-Encoding" not in again


def test_a_link_shared_on_wechat_is_the_same_cached_page(client, django_assert_num_queries):
    page = client.get("/zh-hans/zhuanye/")
    with django_assert_num_queries(0):
        shared = client.get("/zh-hans/zhuanye/?from=singlemessage&isappinstalled=0&utm_source=wechat")
    assert shared.content == page.content
    filtered = client.get("/zh-hans/zhuanye/?level=postgraduate&from=timeline")
    assert filtered.content != page.content  # a parameter the view reads is part of the address


def test_a_reader_without_gzip_gets_the_page_uncompressed_after_one_with_gzip(client):
    compressed = client.get(NEWS, headers={"Accept-Encoding": "gzip"})
    plain = client.get(NEWS, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(compressed.content)


def test_a_replayed_page_sets_the_readers_language_cookie_like_a_render(client):
    client.get("/zh-hans/zhuanye/")  # rendered and kept; sets the cookie to zh-hans
    assert client.cookies["django_language"].value == "zh-hans"
    client.get("/en/programmes/")
    assert client.cookies["django_language"].value == "en"
    again = client.get("/zh-hans/zhuanye/")  # replayed
    assert again.cookies["django_language"].value == "zh-hans"
    assert client.get("/zh-hans/zhuanye/").cookies == {}  # the cookie is right: nothing to set


def test_a_new_article_shows_at_once_in_search_results(client):
    query = "/en/search/?q=zeppelin"
    assert "Zeppelin" not in client.get(query).content.decode()
    article = make_article(title="Zeppelin over the campus")
    assert article.get_absolute_url("en") in client.get(query).content.decode()


def test_an_edit_to_an_article_shows_at_once_on_its_page_the_list_and_the_feed(client):
    article = make_article(title="Before the edit")
    url = article.get_absolute_url("en")
    for path in (url, NEWS, RSS):
        assert "Before the edit" in client.get(path).content.decode()
    article.set_current_language("en")
    article.title = "After the edit"
    article.save()
    for path in (url, NEWS, RSS):
        body = client.get(path).content.decode()
        assert "After the edit" in body and "Before the edit" not in body


def test_a_translation_edit_shows_at_once_in_its_language(client):
    article = make_article(title="Same title")
    zh = article.get_absolute_url("zh-hans")
    client.get(zh)
    translation = article.translations.get(language_code="zh-hans")
    translation.title = "新的标题"
    translation.save()
    assert "新的标题" in client.get(zh).content.decode()


def test_publishing_and_withdrawing_an_article_shows_at_once(client):
    article = make_article(title="Withheld story", status=Status.DRAFT)
    assert "Withheld story" not in client.get(NEWS).content.decode()
    article.status = Status.PUBLISHED
    article.save()
    assert "Withheld story" in client.get(NEWS).content.decode()
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 200
    article.status = Status.DRAFT
    article.save()
    assert "Withheld story" not in client.get(NEWS).content.decode()
    assert client.get(url).status_code == 404


def test_a_scheduled_article_appears_when_it_comes_due_without_any_edit(client):
    due = timezone.now() + timedelta(minutes=10)
    make_article(title="Due in ten minutes", publication_start=due)
    first = client.get(NEWS)
    assert "Due in ten minutes" not in first.content.decode()
    assert content_state()["next_change"] == due
    assert int(first["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 600
    version = content_state()["version"]
    with time_machine.travel(due - timedelta(seconds=1), tick=False):
        assert "Due in ten minutes" not in client.get(NEWS).content.decode()
        assert content_state()["version"] == version
    with time_machine.travel(due, tick=False):
        assert "Due in ten minutes" in client.get(NEWS).content.decode()
        assert content_state()["version"] > version


def test_deleting_an_article_removes_it_at_once(client):
    article = make_article(title="Short-lived story")
    assert "Short-lived story" in client.get(NEWS).content.decode()
    article.delete()
    assert "Short-lived story" not in client.get(NEWS).content.decode()


def test_a_programme_edit_shows_at_once_on_the_programme_list(client):
    client.get("/en/programmes/")
    programme = Programme.objects.language("en").get(translations__slug="clinical-medicine")
    programme.title = "Clinical Medicine (renamed)"
    programme.save()
    assert "Clinical Medicine (renamed)" in client.get("/en/programmes/").content.decode()


def test_publishing_a_cms_page_refreshes_the_app_pages_that_show_it(client, staff):
    assert "News &amp; Events" in client.get(NEWS).content.decode()
    live = PageContent.objects.get(page__application_namespace="news", language="en")
    draft = Version.objects.get_for_content(live).copy(staff).content
    draft.title = draft.menu_title = "Newsroom"
    draft.save()
    Version.objects.get_for_content(draft).publish(staff)
    assert "Newsroom" in client.get(NEWS).content.decode()


def test_moving_a_page_in_the_tree_refreshes_every_menu_at_once(client, staff):
    # django CMS moves a page with plain SQL updates (no save signal); its operation signal
    # bumps the content version.
    accessibility = PageContent.objects.get(page__reverse_id="accessibility", language="en").page
    about = PageContent.objects.get(page__reverse_id="about", language="en").page
    assert 'href="/en/accessibility/"' in client.get("/en/").content.decode()
    log_in_verified(client, staff)
    moved = client.post(
        f"/en/admin/cms/page/{accessibility.pk}/move-page/", {"target": about.pk, "position": 0}
    )
    assert moved.status_code == 200
    client.logout()
    client.cookies.clear()
    home = client.get("/en/").content.decode()
    assert 'href="/en/about/accessibility/"' in home and 'href="/en/accessibility/"' not in home


def test_a_query_string_is_read_as_the_views_read_it(client):
    # Raw UTF-8 in a query string (sent by some non-browser clients) and the percent-encoded
    # Latin-1 reading of the same bytes are different searches: not one cache entry.
    raw = client.get("/en/search/", QUERY_STRING="q=临床".encode().decode("latin-1"))
    mangled = client.get("/en/search/?q=%C3%A4%C2%B8%C2%B4%C3%A5%C2%BA%C2%8A")
    assert "临床" in raw.content.decode()
    assert "临床" not in mangled.content.decode()


def test_staff_never_get_a_cached_page_nor_leave_one(client, staff):
    scheduled = make_article(title="Staff preview", publication_start=timezone.now() + timedelta(days=3))
    url = scheduled.get_absolute_url("en")
    assert client.get(url).status_code == 404  # cached for anonymous readers? a 404 never is
    log_in_verified(client, staff)
    preview = client.get(url)
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    listing = client.get(NEWS)
    assert "private" in listing["Cache-Control"] and "public" not in listing["Cache-Control"]
    client.logout()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("path", [*APP_PAGES, "/en/", "/en/about/"])
def test_anonymous_pages_carry_no_csrf_token_nor_anything_of_a_user(client, staff, path):
    log_in_verified(client, staff)
    client.get(path)  # a staff render first: nothing of it may reach the cache
    client.logout()
    client.cookies.clear()
    for _attempt in range(2):  # the render, then the cached copy
        response = client.get(path)
        body = response.content.decode()
        assert "csrfmiddlewaretoken" not in body
        assert "cache-editor" not in body and "editor@example.org" not in body
        assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies
        assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/", "/en/about/", NEWS, "/en/programmes/", RSS])
def test_an_unchanged_page_is_answered_with_304(client, path):
    first = client.get(path)
    assert first["ETag"]
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_an_edit_changes_the_etag(client):
    before = client.get(NEWS)["ETag"]
    make_article(title="Changes the tag")
    after = client.get(NEWS, headers={"If-None-Match": before})
    assert after.status_code == 200 and after["ETag"] != before


def test_anonymous_html_is_compressed_and_staff_pages_are_not(client, staff):
    response = client.get(NEWS, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)
    log_in_verified(client, staff)
    response = client.get(NEWS, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response


def test_a_transaction_bumps_the_version_once_more_when_it_commits(django_capture_on_commit_callbacks):
    # A reader may render the old content under the new version before the commit: the commit
    # makes that page stale too. Once per transaction, however many records it saves.
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        make_article(title="Saved in a transaction")
        during = content_version()
    assert callbacks == [_bump_on_commit]
    assert content_version() > during


def test_a_record_edit_shows_at_once_in_the_cms_blocks_that_show_it(client):
    """django CMS keeps its rendered placeholders, and forgets them with the content version."""
    assert "Clinical Medicine" in client.get("/en/").content.decode()
    programme = Programme.objects.language("en").get(translations__slug="clinical-medicine")
    programme.title = "Clinical Medicine (renamed)"
    programme.save()
    assert "Clinical Medicine (renamed)" in client.get("/en/").content.decode()
    # Not the page cache's replay: an address it has never seen renders the page again.
    assert "Clinical Medicine (renamed)" in client.get("/en/?fresh=1").content.decode()


def test_a_scheduled_article_appears_in_the_cms_blocks_when_it_comes_due(client):
    due = timezone.now() + timedelta(minutes=10)
    make_article(title="Home page story due soon", publication_start=due)
    assert "Home page story due soon" not in client.get("/en/").content.decode()
    with time_machine.travel(due, tick=False):
        assert "Home page story due soon" in client.get("/en/?after=due").content.decode()
