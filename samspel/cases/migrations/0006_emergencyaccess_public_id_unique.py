"""Step 3 of 3: the emergency access's public UUID is unique and required."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_fill_emergencyaccess_public_id"),
    ]

    operations = [
        migrations.AlterField(
            model_name="emergencyaccess",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
