"""The reminder preferences of a person move from the reminders app to families: the model's
state only; its table, made by reminders 0001, stays as it is."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0002_family_created_by_person_address_and_more"),
        ("reminders", "0002_reminder_task_id"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReminderContact",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("sv", "Swedish"), ("da", "Danish"), ("en", "English")],
                                max_length=8,
                                verbose_name="language of reminders",
                            ),
                        ),
                        (
                            "person",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reminder_contact",
                                to="families.person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "reminder preferences",
                        "verbose_name_plural": "reminder preferences",
                        "db_table": "reminders_remindercontact",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
