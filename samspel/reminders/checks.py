"""Deployment checks for reminders (`manage.py check --deploy`): a production site whose SMS go
to the console, whose HTTP gateway has no address or token, or whose task backend cannot defer
would accept reminders and never deliver them."""

from django.conf import settings
from django.core.checks import Warning, register

CONSOLE_SMS = "samspel.reminders.sms.ConsoleBackend"
HTTP_SMS = "samspel.reminders.sms.HttpBackend"
IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"


@register(deploy=True)
def reminder_delivery(app_configs=None, **kwargs) -> list[Warning]:
    found = []
    if settings.SMS_BACKEND == CONSOLE_SMS:
        found.append(
            Warning(
                "SMS reminders are written to the console, not sent.",
                hint="Set SMS_BACKEND=samspel.reminders.sms.HttpBackend with SMS_HTTP_URL "
                "and SMS_HTTP_TOKEN, or switch SMS off in the organisations' reminder settings.",
                id="samspel.W001",
            )
        )
    elif settings.SMS_BACKEND == HTTP_SMS and not (
        settings.SMS_HTTP_URL.startswith("https://") and settings.SMS_HTTP_TOKEN
    ):
        found.append(
            Warning(
                "The SMS gateway needs an https:// SMS_HTTP_URL and an SMS_HTTP_TOKEN.",
                id="samspel.W002",
            )
        )
    if settings.TASKS["default"]["BACKEND"] == IMMEDIATE_TASKS:
        found.append(
            Warning(
                "Reminders due later are sent only by the send_due_reminders sweep: the "
                "immediate task backend cannot schedule them.",
                hint="Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run "
                "`manage.py db_worker`, and run `manage.py send_due_reminders` from cron.",
                id="samspel.W003",
            )
        )
    return found
