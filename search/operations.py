"""Migration operations that touch the database of one engine only.

The search's full-text index differs by engine (search/fulltext.py): a GIN index on
PostgreSQL, an FTS5 table on SQLite. The model state stays the same on both, so that
`makemigrations` sees no difference; only the database work depends on the engine."""

from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex for an index only PostgreSQL has (GIN): recorded in the state everywhere,
    created only on PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def run_sql_on(vendor, forwards, backwards):
    """A RunPython operation that runs SQL statements on one engine and does nothing on others."""

    def runner(statements):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor == vendor:
                for statement in statements:
                    schema_editor.execute(statement)

        return run

    return migrations.RunPython(runner(forwards), runner(backwards))
