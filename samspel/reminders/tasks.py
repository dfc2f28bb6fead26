"""Tasks (django-tasks). With the database backend `send_reminder` is enqueued with
`run_after=send_at` in the activity's own transaction; `send_due_reminders` is the sweep that
also takes over reminders whose sender died (run it every few minutes, see README)."""

from django_tasks import task

from samspel.reminders.delivery import deliver, deliver_due


@task()
def send_reminder(reminder_id: int) -> str:
    return deliver(reminder_id)


@task()
def send_due_reminders() -> int:
    return deliver_due()
