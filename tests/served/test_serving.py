"""Serving through gunicorn over real HTTP: pages, redirects and WhiteNoise's static files."""

import gzip
import re
import urllib.error
import urllib.request

import brotli


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10)
    except urllib.error.HTTPError as response:
        return response


def test_the_root_redirects_to_the_visitors_language(site_url):
    response = fetch(site_url + "/", {"Accept-Language": "zh-CN,zh;q=0.9"})
    assert response.status == 302
    assert response.headers["Location"] == "/zh-hans/"


def test_pages_are_served_in_both_languages(site_url):
    for path, text in (("/en/programmes/", "Programmes"), ("/zh-hans/zhuanye/", "专业设置")):
        response = fetch(site_url + path)
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert text in response.read().decode()


def test_an_unknown_page_is_a_styled_404_not_an_error(site_url):
    response = fetch(site_url + "/zh-hans/no-such-page/")
    assert response.status == 404
    assert "页面未找到" in response.read().decode()


def test_static_files_are_fingerprinted_compressed_and_cached_for_long(site_url):
    html = fetch(site_url + "/en/").read().decode()
    stylesheet = re.search(
        r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)">', html
    ).group(1)

    response = fetch(site_url + stylesheet, {"Accept-Encoding": "gzip, br"})

    assert response.status == 200
    assert response.headers["Content-Encoding"] in {"br", "gzip"}
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_a_stylesheet_is_served_brotli_compressed_to_a_browser_that_asks(site_url):
    html = fetch(site_url + "/en/").read().decode()
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    plain = fetch(site_url + stylesheet).read()

    response = fetch(site_url + stylesheet, {"Accept-Encoding": "br"})

    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.read()) == plain


def test_an_anonymous_page_is_compressed_cacheable_and_answered_304_when_unchanged(site_url):
    for path in ("/en/", "/en/news-events/", "/zh-hans/zhuanye/"):
        response = fetch(site_url + path, {"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip"
        assert b"</html>" in gzip.decompress(response.read())
        assert "public" in response.headers["Cache-Control"]
        etag = response.headers["ETag"]
        again = fetch(site_url + path, {"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert again.status == 304
