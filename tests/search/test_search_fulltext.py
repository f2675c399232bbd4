"""The site search on a real full-text index (issue 10): a GIN index on PostgreSQL, FTS5 on
SQLite, with the same results as the plain scan it replaced, at any size of the index."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jeiweb.cache.pages import bump_content_version
from search import fulltext, indexing
from search.analysis import is_cjk, query_terms
from search.documents import Entry
from search.models import SearchDocument
from tests.search import test_search
from tests.search.test_search import search, urls

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="an SQLite FTS5 table")

LARGE = 20_000  # documents, half in each language


@pytest.fixture
def listed():
    """A provider whose entries a test writes (as in test_search.py)."""
    yield from test_search.registered_listed()


def archive(listed, count):
    """`count` documents, half in each language, written through the index as a provider's would be: a
    large archive in which "topic7" is rare (1 in 500) and "archive"/"档案" are everywhere."""
    listed.index(
        *(
            entry
            for n in range(count // 2)
            for entry in (
                Entry(f"en{n}", f"/en/archive/{n}/", f"Archive record {n}", f"Notes on topic{n % 500}."),
                Entry(f"zh{n}", f"/zh-hans/archive/{n}/", f"档案记录{n}", f"主题{n % 500}的笔记。"),
            )
        )
    )


def count_queries(client, language, query):
    bump_content_version()  # a render, not the page cache's copy
    with CaptureQueriesContext(connection) as captured:
        search(client, language, query)
    return len(captured)


@pytest.mark.parametrize(("language", "query"), [("en", "clinical topic7"), ("zh-hans", "临床 档案")])
def test_a_search_costs_the_same_queries_with_20000_more_documents(
    client, listed, language, query, django_assert_max_num_queries
):
    search(client, language, query)  # warms what is cached per process
    few = count_queries(client, language, query)
    archive(listed, LARGE)
    assert SearchDocument.objects.filter(kind="listed").count() == LARGE
    many = count_queries(client, language, query)
    assert many == few
    with django_assert_max_num_queries(6):
        search(client, language, query)


def analysed_plan(terms):
    """The plan of the first page of results, on tables as VACUUM ANALYZE leaves them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # What VACUUM does (it cannot run in a test's transaction): move the GIN index's
            # pending list of fresh entries into the index proper.
            cursor.execute("SELECT gin_clean_pending_list('search_doc_vector'::regclass)")
        cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")
    return SearchDocument.objects.in_language("en").visible().matching(terms)[:10].explain()


@postgresql_only
def test_postgresql_finds_the_documents_with_the_gin_index(listed):
    archive(listed, LARGE)
    plan = analysed_plan(["topic7"])
    assert "Bitmap Index Scan on search_doc_vector" in plan, plan
    assert "search_vector @@ '''topic7'''::tsquery" in plan


@sqlite_only
def test_sqlite_finds_the_documents_with_the_fts5_table(listed):
    archive(listed, 1000)
    plan = analysed_plan(["topic7"])
    assert re.search(rf"SCAN {fulltext.FTS_TABLE} VIRTUAL TABLE INDEX", plan), plan


def reference_matches(language, terms):
    """What the plain scan found: a whole token, or a Chinese character inside a token."""
    found = set()
    for pk, tokens in SearchDocument.objects.filter(language=language).values_list("pk", "tokens"):
        if any(
            (term in tokens) if is_cjk(term) and len(term) == 1 else f" {term} " in tokens for term in terms
        ):
            found.add(pk)
    return found


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "clinical medicine"),
        ("en", "programmes Leicester"),
        ("en", "apply"),
        ("en", "2020"),
        ("zh-hans", "临床"),
        ("zh-hans", "莱斯特 大学"),
        ("zh-hans", "医"),  # one character: inside 医学, 医科 …
        ("zh-hans", "学 院"),
        ("zh-hans", "招生"),
    ],
)
def test_the_index_finds_exactly_what_the_plain_scan_found(language, query):
    terms = query_terms(query)
    found = set(SearchDocument.objects.in_language(language).matching(terms).values_list("pk", flat=True))
    assert found == reference_matches(language, terms)
    assert found


def test_a_single_chinese_character_finds_the_longer_words_that_contain_it(client, listed):
    listed.index(
        Entry("fish", "/zh-hans/fish/", "斑马鱼实验室", "模式动物。"),
        Entry("mouse", "/zh-hans/mouse/", "小鼠实验室", "模式动物。"),
    )
    assert urls(search(client, "zh-hans", "鱼")) == ["/zh-hans/fish/"]
    assert set(urls(search(client, "zh-hans", "鼠 鱼"))) == {"/zh-hans/fish/", "/zh-hans/mouse/"}


def fts_rows():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {fulltext.FTS_TABLE}")
        return cursor.fetchone()[0]


def test_the_full_text_index_follows_every_write_and_delete(client, listed):
    listed.index(Entry("a", "/en/a/", "Axolotl", "Tanks."), Entry("b", "/en/b/", "Zebrafish", "Tanks."))
    assert set(urls(search(client, "en", "tanks"))) == {"/en/a/", "/en/b/"}

    listed.index(Entry("a", "/en/a/", "Axolotl", "Ponds."))
    assert urls(search(client, "en", "tanks")) == []
    assert urls(search(client, "en", "ponds")) == ["/en/a/"]

    indexing.remove(listed, ["a"])
    assert urls(search(client, "en", "ponds")) == []
    if connection.vendor == "sqlite":
        # The FTS rows go with their documents, whichever way they are deleted.
        assert fts_rows() == SearchDocument.objects.count()
        SearchDocument.objects.filter(kind="page").delete()
        assert fts_rows() == SearchDocument.objects.count()


def test_odd_lexemes_are_stored_and_found_as_they_are(client, listed):
    # Digits, accents, a word PostgreSQL's parser would split (h1n1), a long one.
    word = "a" * 90  # a query keeps its first 100 characters
    listed.index(Entry("x", "/en/x/", "Café h1n1 31415", f"Über {word}."))
    for query in ("café", "H1N1", "31415", "über", word):
        assert urls(search(client, "en", query)) == ["/en/x/"], query


@postgresql_only
def test_the_tsvector_holds_the_tokens_and_the_characters_of_chinese_words():
    document = SearchDocument.objects.get(kind="page", language="zh-hans", url="/zh-hans/")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(search_vector) FROM search_searchdocument WHERE id = %s", [document.pk]
        )
        lexemes = set(cursor.fetchone()[0])
    assert {"莱斯特", "莱", "斯", "特", "重庆"} <= lexemes
    assert lexemes == set(fulltext.lexemes(document.tokens))
