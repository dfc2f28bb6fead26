"""A Swedish case whose investigation was already started had its decision to open it: the
decision is recorded as opened on the start day, so its SoL 11:1a item stays closed now that the
decision (not the start) closes it."""

from django.db import migrations


def fill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    started = Case.objects.filter(
        organisation__jurisdiction="SE",
        investigation_started_on__isnull=False,
        investigation_decided_on__isnull=True,
    )
    for case in started.only("pk", "investigation_started_on"):
        Case.objects.filter(pk=case.pk).update(
            investigation_decided_on=case.investigation_started_on, investigation_opened=True
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_case_investigation_decision")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
