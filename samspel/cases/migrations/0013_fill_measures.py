"""A case's stored legal-basis list becomes measures (ISSUE10 item 1): one per paragraph, decided
on and starting at the case's start (its recorded measure start, else the day it became active,
else the referral), open-ended. Backwards, the paragraphs of the measures in force on the
migration day go back to the list, and the earliest start of them to `measure_started_on`."""

import datetime as dt

from django.db import migrations


def forwards(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Measure = apps.get_model("cases", "Measure")
    rows = []
    for case in Case.objects.exclude(legal_basis=[]).order_by("pk").iterator():
        start = case.measure_started_on or case.activated_on or case.referred_on
        for code in dict.fromkeys(case.legal_basis or []):
            rows.append(Measure(case=case, paragraph=code, decided_on=start, starts_on=start))
        if len(rows) >= 1000:
            Measure.objects.bulk_create(rows)
            rows = []
    Measure.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Measure = apps.get_model("cases", "Measure")
    today = dt.date.today()
    for case in Case.objects.filter(measures__isnull=False).distinct().order_by("pk"):
        current = [
            m
            for m in Measure.objects.filter(case=case).order_by("starts_on", "pk")
            if m.starts_on <= today and (m.ends_on is None or today <= m.ends_on)
        ]
        case.legal_basis = list(dict.fromkeys(m.paragraph for m in current))
        case.measure_started_on = current[0].starts_on if current else None
        case.save(update_fields=["legal_basis", "measure_started_on"])
    Measure.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0012_measure")]

    operations = [migrations.RunPython(forwards, backwards)]
