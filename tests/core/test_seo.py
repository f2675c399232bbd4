"""What search engines and link previews read: sitemap, robots.txt, meta tags and JSON-LD."""

import json
import re

import pytest
from cms.api import create_page
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from djangocms_versioning.models import Version

from jeiweb.cache.pages import bump_content_version
from tests.support.sitemaps import NS, part_paths, sitemap_urls

pytestmark = pytest.mark.django_db

TAGS = {"en": "en", "zh-hans": "zh-Hans"}
# A fixed number per part: its items and their prefetched translations, URLs or contents (the
# count and the latest change are the index's, once per content change; no event is seeded).
# The news list pages are built once per content change, by the index (tests/news/test_news_sitemaps.py).
QUERIES_PER_PART = {
    "pages": 3,
    "programmes": 2,
    "admissions": 2,
    "people": 2,
    "teams": 0,  # the sources name no team: an empty part
    "articles": 2,
    "events": 0,
    "news-lists": 0,
}


def sitemap_entries(client):
    return {
        url.find("s:loc", NS).text: {
            # The events lists have none: they change with time, not with edits.
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
        }
        for url in sitemap_urls(client)
    }


def absolute(path):
    return f"http://{Site.objects.get_current().domain}{path}"


def json_ld_blocks(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_the_sitemap_lists_every_published_page_once_per_language_with_its_alternates(client):
    entries = sitemap_entries(client)
    expected = {
        absolute(content.page.get_absolute_url(content.language)): content
        for content in PageContent.objects.select_related("page")
    }
    # Every published page is there (programmes, articles and events too: test_seo_content.py).
    assert set(expected) <= set(entries)
    for location, content in expected.items():
        alternates = entries[location]["alternates"]
        assert alternates == {TAGS[code]: absolute(content.page.get_absolute_url(code)) for code in TAGS}
        latest_change = max(other.changed_date for other in PageContent.objects.filter(page=content.page))
        assert entries[location]["lastmod"] == localtime(latest_change).isoformat()


def test_the_sitemap_leaves_out_drafts(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
    create_page("Admissions draft", "pages/page.html", "en", slug="admissions-draft", created_by=editor)
    assert not any("admissions-draft" in location for location in sitemap_entries(client))


def test_the_sitemap_leaves_out_an_unpublished_page(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
    content = PageContent.objects.get(page__reverse_id="contact", language="en")
    Version.objects.get_for_content(content).unpublish(editor)
    locations = sitemap_entries(client)
    assert absolute("/en/contact/") not in locations
    assert absolute("/zh-hans/lianxi/") in locations


def part_queries(client):
    bump_content_version()
    client.get("/sitemap.xml")  # the index counts each section (once per content change)
    counts = {}
    for path in part_paths(client):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        counts[path.removeprefix("/sitemap-").removesuffix(".xml")] = len(captured)
    return counts


def test_the_sitemap_queries_do_not_grow_with_the_pages(client):
    client.get("/sitemap.xml")  # the current Site is looked up once, then cached
    assert part_queries(client) == QUERIES_PER_PART
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
    for number in range(5):
        page = create_page(f"Extra {number}", "pages/page.html", "en", created_by=editor)
        Version.objects.get_for_content(PageContent.admin_manager.get(page=page)).publish(editor)
    assert part_queries(client) == QUERIES_PER_PART
    assert absolute("/en/extra-4/") in sitemap_entries(client)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.headers["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /en/admin/" in lines
    assert "Disallow: /zh-hans/admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("path", "language"), [("/en/about/governance/", "en"), ("/zh-hans/guanyu/", "zh-hans")]
)
def test_a_page_describes_itself_to_search_engines_and_link_previews(client, path, language):
    response = client.get(path)
    html = response.content.decode()
    content = PageContent.objects.get(
        page=Page.objects.get(urls__path=path.strip("/").split("/", 1)[1]), language=language
    )
    assert response.headers["Content-Language"] == language
    assert f"<title>{content.title} | " in html
    assert f'<meta name="description" content="{content.meta_description}">' in html
    assert f'<meta property="og:title" content="{content.title}">' in html
    assert f'<meta property="og:description" content="{content.meta_description}">' in html
    assert f'<meta property="og:url" content="http://testserver{path}">' in html
    assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    english = content.page.get_absolute_url("en")
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{english}">' in html
    assert f'<meta property="og:locale" content="{"en_GB" if language == "en" else "zh_CN"}">' in html


@pytest.mark.parametrize(
    ("path", "name"),
    [("/en/", "CQMU–UoL Joint Educational Institute"), ("/zh-hans/", "重庆医科大学莱斯特大学联合学院")],
)
def test_the_home_page_describes_the_institute_and_its_two_universities(client, path, name):
    html = client.get(path).content.decode()
    (institute,) = [block for block in json_ld_blocks(html) if block["@type"] == "CollegeOrUniversity"]
    assert institute["name"] == name
    assert f'<span class="brand__name">{name}</span>' in html
    assert institute["url"] == f"http://testserver{path}"
    for parent in institute["parentOrganization"]:
        assert parent["@type"] == "CollegeOrUniversity"
        assert parent["name"] in html  # the footer names both universities


def test_a_nested_page_carries_the_breadcrumb_it_shows(client):
    html = client.get("/zh-hans/guanyu/jiaoxue-tuandui/").content.decode()
    (breadcrumb,) = [block for block in json_ld_blocks(html) if block["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in breadcrumb["itemListElement"]]
    assert names == ["首页", "关于学院", "教学团队"]
    assert [item["position"] for item in breadcrumb["itemListElement"]] == [1, 2, 3]
    assert breadcrumb["itemListElement"][-1]["item"] == "http://testserver/zh-hans/guanyu/jiaoxue-tuandui/"
    visible = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    for name in names:
        assert name in visible


def test_json_ld_cannot_be_closed_by_a_title(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")
    live = PageContent.objects.get(page__reverse_id="overview", language="en")
    draft = Version.objects.get_for_content(live).copy(editor).content
    draft.menu_title = "</script><script>alert(1)</script>"
    draft.save()
    Version.objects.get_for_content(draft).publish(editor)

    html = client.get("/en/about/overview/").content.decode()

    assert "<script>alert(1)" not in html
    (breadcrumb,) = [block for block in json_ld_blocks(html) if block["@type"] == "BreadcrumbList"]
    assert breadcrumb["itemListElement"][-1]["name"] == "</script><script>alert(1)</script>"
