"""The full-text index under the site search, on each database engine (WHERE documents are
found; search/models.py says in which order).

A document's tokens are already analysed (segmented by jieba, stemmed by Snowball:
search/analysis.py), so neither engine analyses them again: each token is stored as a lexeme
as it is, and a query term is looked up as it is.

- PostgreSQL: `SearchDocument.search_vector`, a `tsvector` column under a GIN index, written
  with each document; a search selects `search_vector @@ 'term' | 'term'`.
- SQLite: an FTS5 table (`search_document_fts`, created by migration 0004 on SQLite only)
  with the `ascii` tokenizer, which splits on spaces only and leaves our tokens whole; its
  rows are written with the documents (`write`) and go with them (a trigger); a search
  selects the document ids `MATCH '"term" OR "term"'`.

A single Chinese character matches inside longer Chinese words (字 finds 汉字), as the plain
`LIKE '%字%'` used to: each character of a Chinese token is a lexeme too.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from search.analysis import is_cjk

FTS_TABLE = "search_document_fts"
# PostgreSQL refuses a lexeme of 2 KB or more; no query term comes near (MAX_QUERY_LENGTH).
MAX_LEXEME_BYTES = 2046
# A tsvector holds at most 1 MB; a real page has a few thousand distinct words.
MAX_VECTOR_BYTES = 900_000


def is_postgresql():
    return connection.vendor == "postgresql"


def is_sqlite():
    return connection.vendor == "sqlite"


def lexemes(token_string):
    """The distinct lexemes of a document's token string: its tokens and the characters of
    its Chinese tokens, in a stable order."""
    found = {}
    for token in token_string.split():
        found[token] = None
        if is_cjk(token) and len(token) > 1:
            found.update(dict.fromkeys(token))
    kept, size = [], 0
    for lexeme in found:
        length = len(lexeme.encode())
        if length > MAX_LEXEME_BYTES or size + length > MAX_VECTOR_BYTES:
            continue
        kept.append(lexeme)
        size += length + 3
    return kept


def _quoted_lexeme(lexeme):
    # tsvector and tsquery input: quotes doubled, backslashes escaped, no other analysis.
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(token_string):
    """The value of `search_vector` for a document on PostgreSQL (None elsewhere): the
    tsvector text form, which PostgreSQL reads without a text search configuration."""
    if not is_postgresql():
        return None
    return " ".join(_quoted_lexeme(lexeme) for lexeme in lexemes(token_string))


class LexemeQuery(SearchQuery):
    """A tsquery of lexemes taken as they are (`'a' | 'b'::tsquery`): unlike to_tsquery, no
    text search configuration analyses them again, just as none analysed the documents."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.get_source_expressions()[-1].value]


def _fts5_query(terms):
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


def candidates(terms):
    """A condition on SearchDocument: it holds at least one of the terms (an index lookup)."""
    if is_postgresql():
        return Q(search_vector=LexemeQuery(" | ".join(_quoted_lexeme(term) for term in terms)))
    if is_sqlite():
        matching = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        return Q(pk__in=RawSQL(matching, (_fts5_query(terms),)))
    return None  # another engine: the LIKE lookups alone select (search/models.py)


def write(documents):
    """Add the FTS5 rows of freshly inserted documents (SQLite; PostgreSQL has its column)."""
    if not is_sqlite():
        return
    rows = [(document.pk, " ".join(lexemes(document.tokens))) for document in documents]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, lexemes) VALUES (%s, %s)", rows)


def refill(SearchDocument):
    """Write the full-text index of every stored document (after the migration adding it)."""
    documents = SearchDocument.objects.only("pk", "tokens")
    if is_postgresql():
        for document in documents.iterator():
            SearchDocument.objects.filter(pk=document.pk).update(search_vector=tsvector(document.tokens))
    elif is_sqlite():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
        write(list(documents))
