"""Trigram indexes for substring search (`icontains`) on PostgreSQL, built by migrations.

Django's `icontains` on PostgreSQL is `UPPER(col::text) LIKE UPPER('%term%')`, so the index is
a GIN trigram index on `UPPER(col)`. It is built on PostgreSQL only and kept out of the models'
state: SQLite knows no GIN, and would try to rebuild such an index whenever it remakes a table.
The pg_trgm extension comes first (families 0004, django.contrib.postgres's TrigramExtension)."""

from django.db import migrations


def trigram_indexes(app_label: str, indexes: list[tuple[str, str, str]]) -> migrations.RunPython:
    """A migration operation that builds the (model, column, index name) trigram indexes on
    PostgreSQL and drops them when reversed; a no-op elsewhere."""

    def build(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        for model, column, name in indexes:
            table = apps.get_model(app_label, model)._meta.db_table
            schema_editor.execute(
                f"CREATE INDEX {quote(name)} ON {quote(table)} "
                f"USING gin (UPPER({quote(column)}) gin_trgm_ops)"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for _model, _column, name in indexes:
            schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")

    return migrations.RunPython(build, drop, elidable=False)
