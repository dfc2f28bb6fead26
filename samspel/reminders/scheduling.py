"""Keeping an activity's reminders in step with the activity.

The activities service calls `sync_reminders(activity)` inside the transaction that planned,
moved, cancelled or held the activity, so the reminder rows (and, with the database task
backend, their task rows) commit or roll back together with the activity."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus
from samspel.families.models import Person
from samspel.families.phone import normalise_phone
from samspel.reminders.models import Channel, Reminder, ReminderSettings, ReminderStatus

Key = tuple[int, str, int]  # person id, channel, lead hours


@dataclass(frozen=True)
class MissingContact:
    person: Person
    channel: str


def settings_for(organisation) -> ReminderSettings:
    """The organisation's settings; defaults (24 hours, both channels) until an admin saves."""
    try:
        return organisation.reminder_settings
    except ReminderSettings.DoesNotExist:
        return ReminderSettings(organisation=organisation)


def has_contact(person: Person, channel: str) -> bool:
    if channel == Channel.EMAIL:
        return bool(person.email)
    return normalise_phone(person.phone, person.family.organisation.jurisdiction) is not None


def family_participants(activity: Activity) -> list[Person]:
    participants = activity.participants.filter(person__isnull=False).select_related(
        "person__family__organisation"
    )
    return [participant.person for participant in participants if participant.person is not None]


def missing_contacts(activity: Activity) -> list[MissingContact]:
    """Family members who get no reminder on a channel the organisation uses, for lack of an
    address or a valid number; shown on the activity page, never an error."""
    channels = settings_for(activity.case.family.organisation).channels()
    return [
        MissingContact(person, channel)
        for person in family_participants(activity)
        for channel in channels
        if not has_contact(person, channel)
    ]


def send_times(start: datetime, lead_hours: list[int], now: datetime) -> dict[int, datetime]:
    """When each lead time's reminder goes out. Lead times already passed collapse into one
    reminder sent at once (the shortest of them), so a meeting planned at short notice still
    gets a reminder, but only one."""
    times = {lead: start - timedelta(hours=lead) for lead in lead_hours}
    upcoming = {lead: at for lead, at in times.items() if at > now}
    passed = [lead for lead, at in times.items() if at <= now]
    if passed:
        upcoming[min(passed)] = now
    return upcoming


def wanted_reminders(activity: Activity, now: datetime) -> dict[Key, datetime]:
    start = activity.planned_start
    if activity.status != ActivityStatus.PLANNED or start is None or start <= now:
        return {}
    settings = settings_for(activity.case.family.organisation)
    times = send_times(start, settings.lead_times, now)
    return {
        (person.pk, channel, lead): at
        for person in family_participants(activity)
        for channel in settings.channels()
        if has_contact(person, channel)
        for lead, at in times.items()
    }


def sync_reminders(activity: Activity) -> None:
    """Create, reschedule or drop the reminders of `activity` to match it. Call inside the
    transaction that changed the activity, after saving it (and its participants).

    Planned with a future start: one reminder per family-member participant × channel with
    contact details × lead time. Moved: pending reminders get the new time (a task queued for
    the old time finds them not due and does nothing). Cancelled, held or past: pending ones are
    dropped. A sent reminder is never sent again for the same activity, person, channel and lead
    time."""
    now = timezone.now()
    existing: dict[Key, Reminder] = {
        (r.person_id, r.channel, r.lead_hours): r
        for r in Reminder.objects.select_for_update().filter(activity=activity)
    }
    wanted = wanted_reminders(activity, now)
    for key, send_at in wanted.items():
        _schedule(activity, key, send_at, existing.get(key))
    for key, reminder in existing.items():
        if key not in wanted and reminder.status == ReminderStatus.SCHEDULED:
            reminder.status = ReminderStatus.DROPPED
            reminder.save(update_fields=["status", "updated_at"])
            _forget_task(reminder)


def _schedule(activity: Activity, key: Key, send_at: datetime, reminder: Reminder | None) -> None:
    person_id, channel, lead = key
    if reminder is None:
        reminder = Reminder.objects.create(
            activity=activity,
            person_id=person_id,
            channel=channel,
            lead_hours=lead,
            send_at=send_at,
        )
    elif reminder.status == ReminderStatus.DROPPED or (
        reminder.status == ReminderStatus.SCHEDULED and reminder.send_at != send_at
    ):
        _forget_task(reminder)
        reminder.status = ReminderStatus.SCHEDULED
        reminder.send_at = send_at
        reminder.version += 1
        reminder.save(update_fields=["status", "send_at", "version", "updated_at"])
    else:
        return  # sent, failed, being sent, or already at the right time
    enqueue(reminder)


def enqueue(reminder: Reminder) -> None:
    """Queue the sending. A backend that can defer (the database worker) gets a task row with
    `run_after=send_at`, written in the caller's transaction. The immediate backend cannot
    defer: a reminder due now is sent after the commit, later ones by the sweep
    (`manage.py send_due_reminders`)."""
    from samspel.reminders.tasks import send_reminder

    if send_reminder.get_backend().supports_defer:
        result = send_reminder.using(run_after=reminder.send_at).enqueue(reminder.pk)
        Reminder.objects.filter(pk=reminder.pk).update(task_id=str(result.id))
        reminder.task_id = str(result.id)
    elif reminder.send_at <= timezone.now():
        pk = reminder.pk
        transaction.on_commit(lambda: send_reminder.enqueue(pk))


def _forget_task(reminder: Reminder) -> None:
    """Delete the queued task for the old time, if it has not started (it would find the
    reminder not due anyway; this keeps the queue clean)."""
    if not reminder.task_id or not apps.is_installed("django_tasks_db"):
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=reminder.task_id, status=TaskResultStatus.READY).delete()
