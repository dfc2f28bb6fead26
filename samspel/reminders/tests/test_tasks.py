import pytest
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samspel.reminders.models import Reminder, ReminderStatus
from samspel.reminders.tests.conftest import in_hours, move, plan

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_backend(settings):
    settings.TASKS = DATABASE_BACKEND


def test_database_backend_queues_a_task_per_reminder_to_run_at_send_time(
    database_backend, case, mother, personas, frozen
):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    tasks = {str(t.id): t for t in DBTaskResult.objects.all()}
    assert len(tasks) == 2
    for reminder in Reminder.objects.filter(activity=activity):
        task = tasks[reminder.task_id]
        assert task.run_after == reminder.send_at == in_hours(24)
        assert task.task_path == "samspel.reminders.tasks.send_reminder"
        assert task.args_kwargs == {"args": [reminder.pk], "kwargs": {}}


def test_task_rows_roll_back_with_the_activity(database_backend, case, mother, personas, frozen):
    with pytest.raises(RuntimeError), transaction.atomic():
        plan(case, [mother], in_hours(48), user=personas["worker"])
        assert DBTaskResult.objects.count() == 2
        raise RuntimeError
    assert not DBTaskResult.objects.exists()
    assert not Reminder.objects.exists()


def test_moving_replaces_the_queued_task(database_backend, case, mother, personas, frozen):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    old_ids = set(DBTaskResult.objects.values_list("id", flat=True))
    move(activity, in_hours(30))
    tasks = list(DBTaskResult.objects.filter(status=TaskResultStatus.READY))
    assert len(tasks) == 2
    assert not old_ids & {t.id for t in tasks}
    assert {t.run_after for t in tasks} == {in_hours(6)}


def test_an_old_task_finds_a_moved_reminder_not_due(
    database_backend, case, mother, personas, frozen, time_machine, sms_stub, smtp_server
):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    reminder = Reminder.objects.get(channel="sms")
    move(activity, in_hours(72))
    time_machine.move_to(in_hours(24), tick=False)  # the old send time
    from samspel.reminders.tasks import send_reminder

    assert send_reminder.call(reminder.pk) == "not due"
    assert sms_stub.requests == []
    reminder.refresh_from_db()
    assert reminder.status == ReminderStatus.SCHEDULED


def test_immediate_backend_sends_a_due_reminder_only_after_commit(
    case, mother, personas, frozen, sms_stub, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        plan(case, [mother], in_hours(2), user=personas["worker"])  # inside the 24 hours
        assert sms_stub.requests == []
        assert smtp_server.messages == []
    assert len(callbacks) == 2
    assert len(sms_stub.requests) == 1
    assert len(smtp_server.messages) == 1
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_immediate_backend_leaves_later_reminders_to_the_sweep(
    case, mother, personas, frozen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        plan(case, [mother], in_hours(48), user=personas["worker"])
    assert callbacks == []
