"""Step 2 of 3: every existing emergency access gets its own uuid4."""

import uuid

from django.db import migrations


def fill_public_ids(apps, schema_editor):
    EmergencyAccess = apps.get_model("cases", "EmergencyAccess")
    for access in EmergencyAccess.objects.filter(public_id__isnull=True).only("pk"):
        access.public_id = uuid.uuid4()
        access.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_emergencyaccess_public_id"),
    ]

    operations = [
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
    ]
