"""Text analysis for the site search: the same words out of a page and out of a query.

Chinese has no spaces between words, so Chinese runs are segmented with jieba; everything
else is split into words, case-folded and stemmed with the English Snowball stemmer
("Programmes" and "programme" both become "programm"). The two sides differ on purpose:

- a document is indexed with `jieba.cut_for_search`, which yields every word *and* the
  shorter words inside it (临床医学 → 临床, 医学, 临床医学; 莱斯特大学 → 莱斯特, 大学 …);
- a query is segmented with jieba's precise mode, one term per word (莱斯特 → 莱斯特), so a
  query word matches a document that contains it, alone or inside a longer word, without
  the query's own sub-words (莱斯, 斯特) dragging in unrelated pages (曼彻斯特).

Both sides share the normalisation (NFKC, so that full-width letters and digits are plain
ones, then case folding), the stemmer and the stop words, which live only here.
"""

import functools
import logging
import re
import unicodedata

import snowballstemmer

# Han ideographs (unified, extension A, compatibility): the runs that jieba segments.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")
# A run of Han ideographs, or of other letters and digits (Latin, accented, Greek …).
WORD_OR_CJK_RUN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")

# Words too common to tell pages apart: dropped from documents and from queries.
_STOP_WORDS = """a an and are as at be by for from has have in is it its of on or s t that the this to
was were will with 的 了 和 与 及 或 在 是 为 等 之 对 其 并 也 而"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# A query longer than this is cut: no real search needs more, and it bounds the work.
MAX_QUERY_LENGTH = 100
# At most this many distinct terms of a query are looked up, whatever its length.
MAX_QUERY_TERMS = 12


def load_segmenter():
    """Load the Chinese dictionary now: a server process does it before its first request, so
    that no visitor's first search in Chinese waits the second it takes (jeiweb/wsgi.py)."""
    _jieba()


@functools.cache
def _jieba():
    """jieba, with its dictionary loaded once per process (about a second) and quietly."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("english")


def normalise(text):
    """NFKC and case folding: Ｐｒｏｇｒａｍｍｅ, PROGRAMME and programme read alike."""
    return unicodedata.normalize("NFKC", text or "").casefold()


def is_cjk(term):
    return bool(CJK_RUN.match(term))


@functools.lru_cache(maxsize=65536)
def _stem(word):
    return _stemmer().stemWord(word)


def _terms(text, segment):
    for run in WORD_OR_CJK_RUN.findall(normalise(text)):
        if is_cjk(run):
            for word in segment(run):
                if word.strip() and word not in STOP_WORDS:
                    yield word
        elif run not in STOP_WORDS:
            yield _stem(run)


def index_tokens(text):
    """The tokens of a document, in order, repeats included (sub-words of Chinese words too)."""
    return list(_terms(text, _jieba().cut_for_search))


def query_terms(query):
    """The distinct terms of a query, in the order typed, at most MAX_QUERY_TERMS of them."""
    terms = dict.fromkeys(_terms(query, _jieba().lcut))
    return list(terms)[:MAX_QUERY_TERMS]


def token_string(text):
    """Tokens as stored: separated by single spaces, with a space at each end, so that a
    whole token is found with a plain `LIKE '% token %'` on SQLite and PostgreSQL alike."""
    tokens = index_tokens(text)
    return f" {' '.join(tokens)} " if tokens else ""


def match_spans(text, terms):
    """Where the terms occur in `text`: sorted, non-overlapping (start, end) pairs.

    Chinese terms are found as they are written; other words are found by stem, so that the
    query "programme" marks "Programmes" in the text.
    """
    terms = set(terms)
    spans = []
    for term in terms:
        if is_cjk(term):
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)]
    stems = {term for term in terms if not is_cjk(term)}
    if stems:
        for match in WORD_OR_CJK_RUN.finditer(text):
            word = match.group()
            if not is_cjk(word) and _stem(normalise(word)) in stems:
                spans.append(match.span())
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
