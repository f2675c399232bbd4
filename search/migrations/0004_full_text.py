"""The full-text index of the search (search/fulltext.py) and the weight of each document.

PostgreSQL: a tsvector column under a GIN index. SQLite: an FTS5 table whose rows go when
their document goes (a trigger). The documents already stored are written into it; their
weights come with the next `rebuild_search_index`."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

from search.operations import AddIndexOnPostgreSQL, run_sql_on

FTS_TABLE = "search_document_fts"


def fill(apps, schema_editor):
    from search import fulltext

    fulltext.refill(apps.get_model("search", "SearchDocument"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_drop_document_source"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="weight",
            field=models.PositiveSmallIntegerField(default=10, verbose_name="weight"),
        ),
        AddIndexOnPostgreSQL(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="search_doc_vector"),
        ),
        run_sql_on(
            "sqlite",
            [
                # The ascii tokenizer splits at spaces and ASCII punctuation only: our
                # lexemes (letters and digits, or Chinese characters) stay whole.
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(lexemes, tokenize='ascii')",
                f"""CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON search_searchdocument
                BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END""",
            ],
            [f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete", f"DROP TABLE IF EXISTS {FTS_TABLE}"],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
