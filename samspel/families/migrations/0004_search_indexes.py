"""Indexes for the case search (samspel.cases.search): a b-tree on the personal number, and on
PostgreSQL trigram indexes on the household name and the persons' names, so that Django's
`icontains` (`UPPER(col::text) LIKE UPPER('%term%')`) reads an index. The trigram indexes are
built on PostgreSQL only and are not in the models' state: SQLite knows no GIN, and would try to
rebuild them whenever it remakes the table."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TRIGRAM_INDEXES = [
    ("family", "name", "family_name_trgm"),
    ("person", "first_name", "person_first_name_trgm"),
    ("person", "last_name", "person_last_name_trgm"),
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for model, column, name in TRIGRAM_INDEXES:
        table = apps.get_model("families", model)._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(table)} "
            f"USING gin (UPPER({quote(column)}) gin_trgm_ops)"
        )


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _model, _column, name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0003_reminder_contact"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["personal_number"], name="person_personal_number"),
        ),
        TrigramExtension(),  # a no-op outside PostgreSQL
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes, elidable=False),
    ]
