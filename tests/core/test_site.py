"""The bilingual page tree as a visitor meets it: pages, languages, redirects and errors."""

import re

import pytest
from cms.models import Page
from django.conf import settings
from django.utils.html import escape

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}


def page_url(reverse_id, language):
    return Page.objects.get(reverse_id=reverse_id).get_absolute_url(language)


def all_page_urls(page_specs):
    return [
        (spec, language, page_url(spec.reverse_id, language)) for spec in page_specs for language in LANGUAGES
    ]


def test_every_page_of_the_tree_is_published_in_both_languages_with_its_content(client, page_specs):
    for spec, language, url in all_page_urls(page_specs):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{HTML_LANG[language]}">' in html
        heading = spec.page_title.get(language) or spec.title[language]
        assert f"<h1>{escape(heading)}</h1>" in html, url
        # The body from fixtures/ is on the page (its first heading or paragraph).
        first_text = re.search(r"<(?:h2|p)[^>]*>(.+?)</", spec.body(language)).group(1)
        assert first_text[:40] in html, url


def test_chinese_pages_have_their_own_slugs(page_specs):
    for spec in page_specs:
        if spec.home:
            continue
        english, chinese = page_url(spec.reverse_id, "en"), page_url(spec.reverse_id, "zh-hans")
        assert english.startswith("/en/") and chinese.startswith("/zh-hans/")
        assert english.removeprefix("/en/") != chinese.removeprefix("/zh-hans/")


def test_the_home_page_is_the_root_of_each_language(client):
    assert page_url("home", "en") == "/en/"
    assert page_url("home", "zh-hans") == "/zh-hans/"
    assert "重庆医科大学莱斯特大学联合学院" in client.get("/zh-hans/").content.decode()


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        (None, "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("zh-HK", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("%%%;q=abc,,;;", "/en/"),
        ("x" * 600, "/en/"),
    ],
)
def test_the_root_redirects_by_accept_language(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_the_language_cookie_wins_over_accept_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response.headers["Location"] == "/zh-hans/"


def test_reading_a_chinese_page_remembers_the_language_for_the_root(client):
    client.get(page_url("programmes", "zh-hans"))
    response = client.get("/", headers={"Accept-Language": "en"})
    assert response.headers["Location"] == "/zh-hans/"


def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(client, page_specs):
    for spec in page_specs:
        for language, other in (("en", "zh-hans"), ("zh-hans", "en")):
            html = client.get(page_url(spec.reverse_id, language)).content.decode()
            switcher = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
            target = page_url(spec.reverse_id, other)
            assert f'<a href="{target}" hreflang="{HTML_LANG[other]}" lang="{HTML_LANG[other]}">' in switcher
            assert 'aria-current="true"' in switcher


def test_every_page_has_canonical_and_hreflang_links_for_both_languages(client, page_specs):
    for spec, _language, url in all_page_urls(page_specs):
        html = client.get(url).content.decode()
        assert f'<link rel="canonical" href="http://testserver{url}">' in html
        for other in LANGUAGES:
            alternate = f"http://testserver{page_url(spec.reverse_id, other)}"
            assert f'<link rel="alternate" hreflang="{HTML_LANG[other]}" href="{alternate}">' in html


def test_canonical_link_ignores_the_query_string(client):
    html = client.get("/en/about/?utm_source=wechat").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/about/">' in html


@pytest.mark.parametrize(
    ("path", "headers", "language", "message"),
    [
        ("/en/no-such-page/", {}, "en", "Page not found"),
        ("/zh-hans/no-such-page/", {}, "zh-Hans", "页面未找到"),
        ("/en/about/no-such-child/", {}, "en", "Page not found"),
        ("/fr/about/", {"Accept-Language": "zh-CN"}, "zh-Hans", "页面未找到"),
        ("/xx-yy/", {}, "en", "Page not found"),
        ("/en/" + "a/" * 300, {}, "en", "Page not found"),
        ("/zh-hans/%E4%B8%AD%E6%96%87/", {}, "zh-Hans", "页面未找到"),
        ("/en/%FF%FE/", {}, "en", "Page not found"),
    ],
)
def test_unknown_paths_get_a_styled_404_in_the_visitors_language(client, path, headers, language, message):
    # A path without a language prefix is first redirected under the visitor's language.
    response = client.get(path, headers=headers, follow=True)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert message in html
    assert 'class="site-header"' in html  # the site's own page, not a bare error
    assert '<meta name="robots" content="noindex">' in html


def test_pages_load_nothing_from_other_origins_and_carry_no_inline_script(client, page_specs):
    for _spec, _language, url in all_page_urls(page_specs):
        html = client.get(url).content.decode()
        for attribute in re.findall(
            r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"', html
        ):
            assert attribute.startswith("/") or attribute.startswith("http://testserver/"), (url, attribute)
        # JSON-LD is data, not code: a Content-Security-Policy does not treat it as a script.
        assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))[^>]*>', html), url
        assert not re.search(r"<[^>]+\son[a-z]+=", html), url


def test_an_anonymous_page_is_served_from_the_page_cache_within_its_query_budget(
    client, django_assert_max_num_queries
):
    url = page_url("governance", "en")
    client.get(url)  # fills the cache
    with django_assert_max_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    assert "Governance" in response.content.decode()


def test_an_uncached_page_stays_within_its_query_budget(client, django_assert_max_num_queries):
    # Issue 16: the page cache's state, rebuilt from an empty cache, asks each publishable model
    # for its next change (once per content change); the contact points are read with the page.
    # Issue 18: +3, people, schools and teaching teams are publishable too (the page is now the
    # teams' apphook; its teaching figures and school names add nothing once read).
    with django_assert_max_num_queries(32):
        assert client.get(page_url("teaching-teams", "zh-hans")).status_code == 200


def test_the_admin_login_works_in_both_languages(client):
    assert "Log in" in client.get("/en/admin/login/").content.decode()
    assert "登录" in client.get("/zh-hans/admin/login/").content.decode()
