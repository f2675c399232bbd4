"""The site search as a visitor and an editor meet it, in both languages."""

import re

import pytest
from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from djangocms_alias.models import Category
from djangocms_text.models import Text
from djangocms_versioning.models import Version

from jeiweb.cache.pages import bump_content_version
from search import indexing
from search.analysis import MAX_QUERY_LENGTH
from search.documents import Entry, ModelProvider, SearchProvider
from search.models import SearchDocument
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

SEARCH_PATH = {"en": "/en/search/", "zh-hans": "/zh-hans/sousuo/"}
RESULT = re.compile(r'<h2 class="search-result__title"><a href="([^"]+)">(.*?)</a></h2>', re.S)


def search(client, language, query, **params):
    response = client.get(SEARCH_PATH[language], {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def results(html):
    """(url, title) of each result, the title without its marks."""
    return [(url, re.sub(r"</?mark>", "", title)) for url, title in RESULT.findall(html)]


def urls(html):
    return [url for url, _title in results(html)]


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "secret")


def publish_page(editor, title, body, language="en", slug=None, page=None):
    """A new CMS page (or a new language of `page`) with one text plugin, published."""
    if page is None:
        page = create_page(
            title, "pages/page.html", language, slug=slug, created_by=editor, in_navigation=False
        )
    else:
        create_page_content(language, title, page, slug=slug, created_by=editor)
    content = PageContent.admin_manager.get(page=page, language=language)
    add_plugin(content.get_placeholders().get(slot="content"), "TextPlugin", language, body=body)
    Version.objects.get_for_content(content).publish(editor)
    return page


class Listed(SearchProvider):
    """A provider defined by a test: whatever entries it is given."""

    kind = "listed"
    label = "Listed"

    def __init__(self, entries=()):
        self.items = list(entries)

    def entries(self, language):
        return [entry for entry in self.items if entry.url.startswith(f"/{language}/")]


def registered_listed():
    """Register a test provider; its documents are indexed with `listed.index(*entries)`."""
    provider = Listed()

    def index_entries(*entries):
        provider.items = list(entries)
        for language in SEARCH_PATH:
            indexing.replace(provider, language, provider.entries(language))

    provider.index = index_entries
    indexing.register(provider)
    yield provider
    indexing.unregister(provider.kind)


@pytest.fixture
def listed():
    yield from registered_listed()


# The Chinese cases


def test_a_chinese_word_finds_the_pages_with_longer_words_that_contain_it(client):
    html = search(client, "zh-hans", "临床")
    assert ("/zh-hans/zhuanye/", "专业设置") in results(html)  # "临床医学" is on it
    assert "<mark>临床</mark>医学" in html


def test_leicester_in_chinese_finds_the_university_of_leicester(client):
    html = search(client, "zh-hans", "莱斯特")
    assert results(html)[0] == ("/zh-hans/", "重庆医科大学莱斯特大学联合学院")
    assert "<mark>莱斯特</mark>大学" in html


def test_a_chinese_query_returns_only_chinese_pages_and_an_english_one_only_english(client):
    chinese = urls(search(client, "zh-hans", "临床 clinical"))
    english = urls(search(client, "en", "临床 clinical"))
    assert chinese and all(url.startswith("/zh-hans/") for url in chinese)
    assert english and all(url.startswith("/en/") for url in english)


def test_the_chinese_results_page_speaks_chinese(client):
    html = search(client, "zh-hans", "临床")
    assert '<html lang="zh-Hans">' in html
    assert "<h1>搜索结果</h1>" in html
    assert "的搜索结果共" in html


# English


def test_english_search_ignores_case_and_word_endings(client):
    found = [urls(search(client, "en", query)) for query in ("programme", "Programmes", "PROGRAMMES")]
    assert found[0] == found[1] == found[2]
    assert "/en/programmes/" in found[0]
    assert "<mark>Programmes</mark>" in search(client, "en", "programme")


# Ranking


def test_a_title_match_ranks_above_a_text_match_and_more_terms_above_fewer(client, listed):
    listed.index(
        Entry("a", "/en/a/", "Axolotl tanks", "Where the animals live."),
        Entry("b", "/en/b/", "Facilities", "Our axolotl tanks and our zebrafish room."),
        Entry("c", "/en/c/", "Zebrafish", "The zebrafish room."),
        Entry("d", "/en/d/", "Library", "Books about axolotls."),
    )
    assert urls(search(client, "en", "zebrafish")) == ["/en/c/", "/en/b/"]
    # b matches both words; then the title matches (a, c) above the text match (d).
    ranked = urls(search(client, "en", "zebrafish axolotl"))
    assert ranked[0] == "/en/b/"
    assert set(ranked[1:3]) == {"/en/a/", "/en/c/"}
    assert ranked[3] == "/en/d/"


# Highlighting and escaping


def test_matched_words_are_marked_and_everything_else_is_escaped(client, listed):
    listed.index(
        Entry("x", "/en/x/", "Zebrafish <em>lab</em>", 'A <script>alert("x")</script> zebrafish tank.'),
    )
    html = search(client, "en", "<script>zebrafish</script>")
    assert "<mark>Zebrafish</mark> &lt;em&gt;lab&lt;/em&gt;" in html
    marked = (
        "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; <mark>zebrafish</mark>"
    )
    assert marked in html
    assert "<script>alert" not in html and "<script>zebrafish" not in html
    assert "&lt;script&gt;zebrafish&lt;/script&gt;" in html  # the query, shown back


# The index follows edits


def test_a_published_page_is_found_at_once_and_an_unpublished_one_disappears(client, editor):
    page = publish_page(editor, "Anatomy museum", "<p>Our <strong>plastinated</strong> specimens.</p>")
    assert ("/en/anatomy-museum/", "Anatomy museum") in results(search(client, "en", "plastinated"))

    live = PageContent.objects.get(page=page, language="en")
    Version.objects.get_for_content(live).unpublish(editor)

    assert results(search(client, "en", "plastinated")) == []
    assert not SearchDocument.objects.filter(key=f"page:{page.pk}").exists()


def test_an_edited_page_is_found_by_its_new_words_once_published(client, editor):
    page = publish_page(editor, "Simulation centre", "<p>Manikins for resuscitation.</p>")
    live = PageContent.objects.get(page=page, language="en")
    draft = Version.objects.get_for_content(live).copy(editor).content
    text = Text.objects.get(placeholder__in=draft.get_placeholders())
    text.body = "<p>Manikins for ultrasound practice.</p>"
    text.save()

    # A draft is not what visitors see: the index still has the published words.
    assert urls(search(client, "en", "resuscitation")) == ["/en/simulation-centre/"]
    assert urls(search(client, "en", "ultrasound")) == []

    Version.objects.get_for_content(draft).publish(editor)

    assert urls(search(client, "en", "ultrasound")) == ["/en/simulation-centre/"]
    assert urls(search(client, "en", "resuscitation")) == []


def test_each_language_of_a_page_is_indexed_when_it_is_published(client, editor):
    page = publish_page(editor, "Anatomy museum", "<p>Plastinated specimens.</p>")
    assert urls(search(client, "zh-hans", "解剖")) == []
    publish_page(editor, "解剖博物馆", "<p>塑化标本陈列。</p>", "zh-hans", slug="jiepou", page=page)

    assert results(search(client, "zh-hans", "解剖")) == [("/zh-hans/jiepou/", "解剖博物馆")]
    assert urls(search(client, "zh-hans", "标本")) == ["/zh-hans/jiepou/"]
    assert urls(search(client, "en", "plastinated")) == ["/en/anatomy-museum/"]


def test_a_page_moved_in_the_page_tree_is_found_at_its_new_address(client, editor):
    page = publish_page(editor, "Anatomy museum", "<p>Plastinated specimens.</p>")
    about = PageContent.objects.get(page__reverse_id="about", language="en").page
    log_in_verified(client, editor)

    response = client.post(f"/en/admin/cms/page/{page.pk}/move-page/", {"target": about.pk, "position": 0})

    assert response.status_code == 200
    client.logout()
    assert urls(search(client, "en", "plastinated")) == ["/en/about/anatomy-museum/"]


def test_a_deleted_page_leaves_the_index(client, editor):
    page = publish_page(editor, "Anatomy museum", "<p>Plastinated specimens.</p>")
    page.delete()
    assert urls(search(client, "en", "plastinated")) == []


def test_the_page_index_holds_title_meta_description_and_text_without_html():
    document = SearchDocument.objects.get(kind="page", language="en", url="/en/programmes/")
    assert document.title == "Programmes"
    assert document.body.startswith("Four programmes with dual degrees")  # the meta description
    assert "degree certificates from both Chongqing Medical University" in document.body
    assert "<" not in document.body


def test_rebuilding_the_index_indexes_every_published_page_in_each_language(page_specs):
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchDocument.objects.filter(kind="page", language="en").count() == len(page_specs)
    assert SearchDocument.objects.filter(kind="page", language="zh-hans").count() == len(page_specs)


# Declaring what is searchable: a model provider in a few lines


class CategoryProvider(ModelProvider):
    """A model provider as an app declares one: djangocms-alias categories, translated by parler."""

    model = Category
    kind = "category"
    label = "Category"

    def get_queryset(self, language):
        return Category.objects.translated(language).prefetch_related("translations")

    def get_url(self, category, language):
        return f"/{language}/categories/{category.pk}/"

    def get_title(self, category, language):
        return category.safe_translation_getter("name", language_code=language)


@pytest.fixture
def category_provider():
    indexing.register(CategoryProvider)
    yield
    indexing.unregister("category")


def test_a_model_provider_keeps_the_index_up_to_date_on_save_and_delete(client, category_provider):
    category = Category.objects.create(name="Zebrafish facility")
    category.set_current_language("zh-hans")
    category.name = "斑马鱼实验室"
    category.save()

    assert results(search(client, "en", "zebrafish")) == [
        (f"/en/categories/{category.pk}/", "Zebrafish facility")
    ]
    assert urls(search(client, "zh-hans", "斑马鱼")) == [f"/zh-hans/categories/{category.pk}/"]
    assert "Category" in search(client, "en", "zebrafish")  # the provider's label

    category.set_current_language("en")
    category.name = "Axolotl laboratory"
    category.save()
    assert urls(search(client, "en", "zebrafish")) == []
    assert urls(search(client, "en", "axolotls")) == [f"/en/categories/{category.pk}/"]

    category.delete()
    assert urls(search(client, "en", "axolotl")) == []
    assert urls(search(client, "zh-hans", "斑马鱼")) == []


def test_a_rebuild_covers_every_registered_provider(category_provider):
    category = Category.objects.create(name="Zebrafish facility")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchDocument.objects.filter(kind="category", key=f"category:{category.pk}").count() == 1


def test_two_providers_cannot_share_a_kind():
    indexing.register(Listed)
    try:
        with pytest.raises(ValueError):
            indexing.register(Listed)
    finally:
        indexing.unregister("listed")


# Empty, overlong and odd queries


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_empty_search_gets_a_friendly_page_with_tips(client, language):
    html = client.get(SEARCH_PATH[language]).content.decode()
    assert {"en": "Search the site", "zh-hans": "搜索本站"}[language] in html
    assert {"en": "Tips", "zh-hans": "搜索提示"}[language] in html
    assert results(html) == []


def test_an_overlong_query_is_cut_and_the_visitor_is_told(client):
    html = search(client, "en", "programme " + "x" * 500)
    assert "only its first 100 characters were used" in html
    assert f'value="programme {"x" * (MAX_QUERY_LENGTH - 10)}"' in html
    assert "仅使用了前 100 个字符" in search(client, "zh-hans", "临床" * 200)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(
    "query",
    [
        "%",
        "_",
        "%_%",
        "\\",
        "\\%\\_",
        "!!!",
        "🎓🩺",
        "' OR 1=1 --",
        "'; DROP TABLE search_searchdocument; --",
        '" OR ""="',
        "临床medicine 莱斯特 MBBS",
        "<script>alert(1)</script>",
        "\u200b\u202e",
        "x" * 7_000,
    ],
)
def test_odd_queries_get_a_friendly_page(client, language, query):
    # A NUL byte or a query string over 8000 characters is refused with a bilingual 400
    # before the view runs: tests/core/test_bad_input.py.
    html = search(client, language, query)
    assert "<script>alert" not in html
    assert 'class="site-search"' in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999999", "1.5"])
def test_odd_page_numbers_get_a_page_of_results(client, page):
    assert urls(search(client, "en", "programme", page=page))


def test_results_are_paginated(client, listed):
    listed.index(*(Entry(str(n), f"/en/{n}/", f"Zebrafish {n}", "") for n in range(25)))
    first, third = search(client, "en", "zebrafish"), search(client, "en", "zebrafish", page=3)
    assert len(urls(first)) == 10 and len(urls(third)) == 5
    assert 'href="?q=zebrafish&amp;page=2" rel="next"' in first
    assert "25 results" in first


# The number of queries


def count_queries(client, language, query):
    bump_content_version()  # a render, not the page cache's copy
    with CaptureQueriesContext(connection) as captured:
        search(client, language, query)
    return len(captured)


@pytest.mark.parametrize(("language", "query"), [("en", "clinical programme"), ("zh-hans", "临床 莱斯特")])
def test_a_search_costs_a_bounded_number_of_queries_whatever_the_size_of_the_index(
    client, listed, language, query, django_assert_max_num_queries
):
    search(client, language, query)  # warms what is cached per process (content types, menus)
    few = count_queries(client, language, query)
    listed.index(*(Entry(str(n), f"/{language}/{n}/", f"{query} {n}", query * 3) for n in range(200)))
    many = count_queries(client, language, query)
    assert many == few
    with django_assert_max_num_queries(6):
        search(client, language, query)


# The page itself


def test_the_search_has_a_translated_url_and_the_switcher_keeps_the_query(client):
    with translation.override("zh-hans"):
        assert reverse("search:results") == "/zh-hans/sousuo/"
    html = search(client, "en", "clinical medicine")
    switcher = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    assert '<a href="/zh-hans/sousuo/?q=clinical+medicine" hreflang="zh-Hans"' in switcher
    html = search(client, "zh-hans", "临床")
    assert 'href="/en/search/?q=%E4%B8%B4%E5%BA%8A"' in html


def test_the_results_page_is_not_indexed_by_search_engines(client):
    assert '<meta name="robots" content="noindex">' in search(client, "en", "clinical")


@pytest.mark.parametrize(("language", "path"), [("en", "/en/about/"), ("zh-hans", "/zh-hans/guanyu/")])
def test_every_page_has_one_labelled_search_box_in_its_header(client, language, path):
    html = client.get(path).content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    assert html.count('role="search"') == 1
    form = re.search(r'<form class="site-search" role="search" method="get" action="([^"]+)">', header)
    assert form.group(1) == SEARCH_PATH[language]
    label = {"en": "Search the site", "zh-hans": "搜索本站"}[language]
    assert f'<label class="visually-hidden" for="site-search-q">{label}</label>' in header
    assert 'id="site-search-q" type="search" name="q"' in header


def test_the_search_box_shows_the_query_searched(client):
    html = search(client, "en", 'clinical "medicine"')
    assert 'value="clinical &quot;medicine&quot;"' in html


@pytest.mark.parametrize(
    "query_string",
    ["q=%ED%A0%80", "q=%FF%FE", "q=%", "q=%%%25", "q[]=x", "q=clinical&q=%E4%B8%B4", "q=+&page="],
)
def test_malformed_query_strings_get_a_friendly_page(client, query_string):
    response = client.get(f"/en/search/?{query_string}")
    assert response.status_code == 200
    assert 'class="site-search"' in response.content.decode()


def test_staff_with_the_cms_toolbar_can_search_too(client, editor):
    log_in_verified(client, editor)
    html = search(client, "en", "clinical")
    assert "/en/programmes/" in urls(html)
