"""The reminder preferences now belong to families (families 0003): drop the model from this
app's state only, keeping its table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0002_reminder_task_id"),
        ("families", "0003_reminder_contact"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReminderContact")],
            database_operations=[],
        ),
    ]
