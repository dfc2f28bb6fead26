"""Emergency accesses get a public UUID for the review URL (no sequential id in URLs). Step 1 of
3, as for any unique field added to a table with rows: add it nullable (0005 fills it, 0006 makes
it unique and required)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_programme_any_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="emergencyaccess",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
