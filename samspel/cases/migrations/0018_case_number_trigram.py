"""A trigram index on the case number (PostgreSQL only, samspel.trigram): the case search
finds the cases whose number contains the term by it, instead of reading every case."""

from django.db import migrations

from samspel.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0017_placement_home_register"),
        ("families", "0004_search_indexes"),  # the pg_trgm extension
    ]

    operations = [trigram_indexes("cases", [("case", "number", "case_number_trgm")])]
