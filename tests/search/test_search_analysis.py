"""search/analysis.py and search/highlight.py: the words of a text and of a query, and marks."""

import os
import subprocess
import sys

import pytest

from search.analysis import MAX_QUERY_TERMS, index_tokens, query_terms, token_string
from search.highlight import highlight, snippet


@pytest.mark.parametrize(
    ("query", "text"), [("临床", "临床医学"), ("莱斯特", "莱斯特大学"), ("医学", "临床医学")]
)
def test_a_chinese_word_finds_the_longer_words_it_is_part_of(query, text):
    assert query_terms(query) == [query]
    assert query in index_tokens(text)


def test_a_chinese_query_is_not_split_into_the_fragments_of_its_words():
    # 莱斯特 must not look for 斯特, which would find 曼彻斯特 (Manchester) too.
    assert query_terms("莱斯特") == ["莱斯特"]
    assert "莱斯特" not in index_tokens("曼彻斯特大学")


def test_english_words_are_stemmed_and_case_folded_alike_in_texts_and_queries():
    assert query_terms("Programmes") == query_terms("programme") == query_terms("PROGRAMME")
    assert query_terms("programme")[0] in index_tokens("Our PROGRAMMES and their modules")
    assert query_terms("Ｐｒｏｇｒａｍｍｅ") == query_terms("programme")  # full-width letters


def test_mixed_chinese_and_english_queries_keep_both_kinds_of_terms():
    assert query_terms("临床medicine MBBS") == ["临床", "medicin", "mbbs"]


def test_stop_words_are_ignored():
    assert query_terms("the history of the institute") == ["histori", "institut"]
    assert query_terms("学院的历史") == ["学院", "历史"]


@pytest.mark.parametrize(
    "query", ["", "   ", "%", "_", "%_%", "\\", "\\\\%", "!!!???", "🎓🩺", "——……", "<>", "'; --"]
)
def test_queries_without_words_have_no_terms(query):
    assert query_terms(query) == []


def test_a_query_has_a_bounded_number_of_terms():
    assert len(query_terms(" ".join(f"word{n}" for n in range(50)))) == MAX_QUERY_TERMS


def test_tokens_are_stored_between_spaces_so_that_whole_tokens_are_found():
    assert token_string("Clinical Medicine") == " clinic medicin "
    assert token_string("   ") == ""


def test_highlight_marks_the_matched_words_and_escapes_the_rest():
    html = highlight("<b>Programmes</b> & programme", query_terms("programme"))
    assert html == "&lt;b&gt;<mark>Programmes</mark>&lt;/b&gt; &amp; <mark>programme</mark>"


def test_highlight_marks_chinese_words_inside_longer_words():
    assert highlight("五年制临床医学专业", ["临床"]) == "五年制<mark>临床</mark>医学专业"


def test_a_snippet_is_cut_around_the_first_match():
    text = " ".join(["filler"] * 100) + " the oncology programme " + " ".join(["more"] * 100)
    html = snippet(text, query_terms("oncology"))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>oncology</mark>" in html
    assert len(html) < 300


def test_a_snippet_without_a_match_is_the_start_of_the_text():
    assert snippet("Short text.", ["oncolog"]) == "Short text."


def test_a_server_process_loads_the_chinese_dictionary_before_it_serves():
    """Not during the first visitor's search in Chinese (about a second): a fresh process that
    imports the WSGI application, as each gunicorn worker does, has the dictionary loaded."""
    check = "import jieba, jeiweb.wsgi; print(jieba.dt.initialized)"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "jeiweb.settings.test"}
    done = subprocess.run([sys.executable, "-c", check], env=environment, capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "True", done.stderr
