"""Indexes for the case search (samspel.cases.search): a b-tree on the personal number, and on
PostgreSQL the pg_trgm extension and trigram indexes on the household name and the persons'
names (samspel.trigram), so that `icontains` reads an index."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from samspel.trigram import trigram_indexes


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
        trigram_indexes(
            "families",
            [
                ("family", "name", "family_name_trgm"),
                ("person", "first_name", "person_first_name_trgm"),
                ("person", "last_name", "person_last_name_trgm"),
            ],
        ),
    ]
