"""`check --deploy` warns when reminders would be accepted and never delivered."""

from django.core.checks import run_checks

from samspel.reminders.checks import CONSOLE_SMS, HTTP_SMS, IMMEDIATE_TASKS

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _ids(settings, **values) -> set[str]:
    for name, value in values.items():
        setattr(settings, name, value)
    return {found.id for found in run_checks(include_deployment_checks=True)}


def test_a_configured_production_site_gets_no_reminder_warning(settings):
    found = _ids(
        settings,
        SMS_BACKEND=HTTP_SMS,
        SMS_HTTP_URL="https://sms.example.org/send",
        SMS_HTTP_TOKEN="secret",
        TASKS=DB_TASKS,
    )
    assert not {"samspel.W001", "samspel.W002", "samspel.W003"} & found


def test_console_sms_is_flagged(settings):
    assert "samspel.W001" in _ids(settings, SMS_BACKEND=CONSOLE_SMS, TASKS=DB_TASKS)


def test_an_http_gateway_without_https_or_token_is_flagged(settings):
    plain = _ids(settings, SMS_BACKEND=HTTP_SMS, SMS_HTTP_URL="http://sms", SMS_HTTP_TOKEN="t")
    assert "samspel.W002" in plain
    assert "samspel.W002" in _ids(
        settings, SMS_BACKEND=HTTP_SMS, SMS_HTTP_URL="https://sms", SMS_HTTP_TOKEN=""
    )


def test_the_immediate_task_backend_is_flagged(settings):
    tasks = {"default": {"BACKEND": IMMEDIATE_TASKS}}
    assert "samspel.W003" in _ids(settings, SMS_BACKEND=CONSOLE_SMS, TASKS=tasks)


def test_plain_checks_stay_quiet_in_development(settings):
    settings.SMS_BACKEND = CONSOLE_SMS
    assert not {found.id for found in run_checks()} & {"samspel.W001", "samspel.W003"}
