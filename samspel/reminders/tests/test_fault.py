"""Kill the database task worker in the middle of a batch, restart it, and show that every
reminder reached the SMS provider exactly once (PostgreSQL; the worker is a real subprocess)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from samspel.reminders.models import Reminder, ReminderSettings, ReminderStatus
from samspel.reminders.tests.conftest import SMS_TOKEN, in_hours, plan

BATCH = 30
DEADLINE = 60  # seconds for the whole test


def worker_env(stub_url: str) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "SMS_BACKEND": "samspel.reminders.sms.HttpBackend",
        "SMS_HTTP_URL": stub_url,
        "SMS_HTTP_TOKEN": SMS_TOKEN,
        "SMS_HTTP_TIMEOUT": "2",
        "EMAIL_TIMEOUT": "2",
        "REMINDER_CLAIM_LEASE_SECONDS": "3",
        "LOG_LEVEL": "ERROR",
    }


def start(env, *command) -> subprocess.Popen:
    manage = Path(django_settings.BASE_DIR) / "manage.py"
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, str(manage), *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, deadline: float, message: str) -> None:
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_batch_delivers_every_reminder_exactly_once(
    open_case, dad, personas, sms_stub, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the fault test needs PostgreSQL (row locks shared with a worker process)")
    deadline = time.monotonic() + DEADLINE
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ReminderSettings.objects.create(organisation=open_case.organisation, email_enabled=False)
    for _ in range(BATCH):
        # Inside the 24 hours: each reminder is due at once, its task row queued with it.
        plan(open_case, [dad], in_hours(2), user=personas["worker"])
    assert Reminder.objects.count() == DBTaskResult.objects.count() == BATCH
    sms_stub.delay = 0.3  # a slow provider: the kill lands while a request is in flight

    env = worker_env(sms_stub.url)
    worker_args = ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1")
    worker = start(env, *worker_args)
    try:
        wait_for(lambda: len(sms_stub.requests) >= BATCH // 3, deadline, "worker sent nothing")
        worker.kill()  # SIGKILL: no clean shutdown, the current task is left half done
        worker.wait()
    finally:
        worker.kill()
    delivered_before_restart = len(sms_stub.delivered)
    assert delivered_before_restart < BATCH

    # Restart the worker, and the sweep that runs beside it (cron in production) and takes
    # over what the killed worker had claimed once the lease has run out.
    worker = start(env, *worker_args)
    sweep = start(env, "send_due_reminders", "--loop", "--interval", "0.5")
    try:
        wait_for(
            lambda: Reminder.objects.filter(status=ReminderStatus.SENT).count() == BATCH,
            deadline,
            "not every reminder was sent in time",
        )
    finally:
        for process in (worker, sweep):
            process.kill()
            process.wait()

    references = {str(r) for r in Reminder.objects.values_list("reference", flat=True)}
    assert set(sms_stub.delivered) == references  # each reference delivered …
    assert len(sms_stub.delivered) == BATCH  # … exactly once (the stub dedupes by reference)
    # At most the one request in flight at the kill was repeated, with the same reference.
    repeats = len(sms_stub.requests) - BATCH
    assert 0 <= repeats <= 1
    assert Reminder.objects.exclude(status=ReminderStatus.SENT).count() == 0
