"""A placement's home or unit becomes an entry of the organisation's network register (ISSUE10
item 3): the register field is added beside the free text, which 0013 moves into it and 0014
removes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_remove_case_legal_basis"),
        ("network", "0002_organisation_kinds_per_country"),
    ]

    operations = [
        migrations.AddField(
            model_name="placement",
            name="home_organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="placements",
                to="network.externalorganisation",
                verbose_name="home or unit",
            ),
        ),
    ]
