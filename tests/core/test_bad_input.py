"""Bad input anywhere in a request gets a 400 or a 404, never a 500 (on SQLite and PostgreSQL).

Before RejectMalformedRequestsMiddleware, a NUL byte reached PostgreSQL in a slug or a search
query and psycopg2 raised ValueError: a 500. Run this file with DATABASE_URL=postgres://… too.
"""

import pytest

from tests.support.audit import PAGE_TYPES

# Every public page type, and what else answers a URL: feeds, calendars, the admin, the
# sitemap, robots.txt, the language redirect.
BASES = sorted(
    {path.split("?")[0] for paths in PAGE_TYPES.values() for path in paths}
    | {
        "/",
        "/en/news-events/feed/rss/",
        "/zh-hans/xinwen-huodong/feed/atom/",
        "/en/news-events/category/institute/feed/rss/",
        "/en/news-events/events/calendar.ics",
        "/en/news-events/events/audit-open-day.ics",
        "/en/admin/",
        "/en/admin/login/",
        "/en/admin/news/article/",
        "/zh-hans/admin/cms/pagecontent/",
        "/sitemap.xml",
        "/robots.txt",
    }
)
# The query parameters our views read (search, filters, pages, the CMS toolbar) and one they ignore.
PARAMETERS = ("q", "page", "level", "category", "edit", "language", "next", "unknown")

QUERIED = {
    "/en/search/",
    "/zh-hans/sousuo/",
    "/en/programmes/",
    "/en/milestones/",
    "/en/news-events/",
    "/en/admin/",
}


def status(client, url, **extra):
    return client.get(url, **extra).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("base", BASES)
def test_a_nul_byte_in_the_path_is_a_400(client, base):
    stem = base.rstrip("/")
    for url in (f"{stem}/%00/", f"{stem}%00", f"{stem}/a%00b/", f"{stem}/%01/"):
        assert status(client, url) == 400, url


@pytest.mark.django_db
@pytest.mark.parametrize("base", BASES)
def test_a_nul_byte_in_the_query_is_a_400(client, base):
    for parameter in PARAMETERS:
        for query in (f"{parameter}=%00", f"{parameter}=a%00b", f"{parameter}%00=1"):
            assert status(client, f"{base}?{query}") == 400, f"{base}?{query}"


@pytest.mark.django_db
@pytest.mark.parametrize("base", BASES)
def test_invalid_percent_encoding_in_the_path_is_not_found(client, base):
    stem = base.rstrip("/")
    for escape in ("%zz", "%ff", "%c0%ae%c0%ae", "%e4%b8", "%", "%%32%65"):
        url = f"{stem}/{escape}/"
        # Not found, or (the admin, `/`) a redirect to the login or a language that then is.
        assert status(client, url) in {301, 302, 400, 404}, url


@pytest.mark.django_db
@pytest.mark.parametrize("base", BASES)
def test_invalid_percent_encoding_in_the_query_is_never_an_error(client, base):
    # Every parameter on the pages that read queries; one elsewhere (rendering is slow).
    parameters = PARAMETERS if base in QUERIED else ("q",)
    for parameter in parameters:
        for escape in ("%zz", "%ff", "%c0%ae", "%e4%b8", "%"):
            url = f"{base}?{parameter}={escape}"
            # The view ignores or answers the garbled value (decoded as U+FFFD): never a 500.
            assert status(client, url) < 500, url


@pytest.mark.django_db
@pytest.mark.parametrize("base", ["/en/", "/zh-hans/sousuo/", "/en/news-events/", "/en/admin/"])
def test_an_overlong_path_or_query_is_a_400(client, base):
    assert status(client, base + "a" * 2100 + "/") == 400
    assert status(client, base + "?q=" + "a" * 8100) == 400
    # Long but within bounds (400 Chinese characters, percent-encoded): an ordinary answer.
    assert status(client, base + "?q=" + "%E4%B8%B4" * 400) < 400


@pytest.mark.django_db
def test_a_nul_byte_in_a_cookie_is_a_400(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert status(client, "/en/admin/") == 400
    client.cookies["sessionid"] = ""
    client.cookies["django_language"] = "zh-hans\x00"
    assert status(client, "/") == 400


@pytest.mark.django_db
def test_the_examples_of_the_issue(client):
    assert status(client, "/en/news-events/%00/") == 400
    assert status(client, "/zh-hans/sousuo/?q=%00") == 400
    assert "请求无效" in client.get("/en/news-events/%00/").content.decode()


@pytest.mark.django_db
def test_a_nul_byte_in_the_admin_login_form_is_a_form_error(client):
    response = client.post("/en/admin/login/", {"username": "admin\x00", "password": "x\x00"})
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_search_with_a_nul_byte_or_an_overlong_query_is_a_bilingual_400(client, language):
    path = {"en": "/en/search/", "zh-hans": "/zh-hans/sousuo/"}[language]
    for query in ("clinical\x00medicine", "x" * 10_000):
        response = client.get(path, {"q": query})
        assert response.status_code == 400
        assert "Bad request" in response.content.decode() and "请求无效" in response.content.decode()
