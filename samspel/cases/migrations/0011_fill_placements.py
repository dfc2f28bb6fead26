"""A case's one stored placement date becomes a Placement of its first focus child (ISSUE10
item 3), its form and legal ground not recorded (the case never held them); the case field is
emptied, so the placement rows are the one source. A case without a focus child keeps its date,
which the recompute still reads. Backwards, the earliest current placement's start goes back to
the case and the rows go."""

from django.db import migrations


def forwards(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Placement = apps.get_model("cases", "Placement")
    for case in Case.objects.filter(placement_started_on__isnull=False).order_by("pk"):
        child = case.focus_children.filter(role="child").order_by("pk").first()
        if child is None or Placement.objects.filter(case=case).exists():
            continue
        Placement.objects.create(case=case, child=child, started_on=case.placement_started_on)
        case.placement_started_on = None
        case.save(update_fields=["placement_started_on"])


def backwards(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Placement = apps.get_model("cases", "Placement")
    for case in Case.objects.filter(placements__isnull=False).distinct().order_by("pk"):
        rows = Placement.objects.filter(case=case)
        current = rows.filter(ended_on__isnull=True).order_by("started_on").first()
        case.placement_started_on = current.started_on if current else None
        case.save(update_fields=["placement_started_on"])
        rows.delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_placement")]

    operations = [migrations.RunPython(forwards, backwards)]
