"""Copy the case's organisation onto each due item, so that worklists filter on the due item
table alone (see docs/benchmark.md)."""

from django.db import migrations, models


def copy_organisation(apps, schema_editor):
    DueItem = apps.get_model("followup", "DueItem")
    for item in DueItem.objects.select_related("case").iterator():
        item.organisation_id = item.case.organisation_id
        item.save(update_fields=["organisation_id"])


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="dueitem",
            name="organisation_id",
            field=models.BigIntegerField(null=True),
        ),
        migrations.RunPython(copy_organisation, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="dueitem",
            name="organisation_id",
            field=models.BigIntegerField(),
        ),
    ]
