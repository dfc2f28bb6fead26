"""Keeping an activity's reminders in step with the activity (called by the activities service)."""

from datetime import timedelta

from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus
from samspel.reminders.models import Reminder, ReminderStatus

PENDING = (ReminderStatus.SCHEDULED, ReminderStatus.FAILED)


def sync_reminders(activity: Activity) -> None:
    """Create, reschedule or drop the reminders of `activity` to match it. Call inside the
    transaction that changed the activity, after saving it."""
    pending = Reminder.objects.filter(activity=activity, status=ReminderStatus.SCHEDULED)
    start = activity.planned_start
    if activity.status != ActivityStatus.PLANNED or start is None or start <= timezone.now():
        pending.update(status=ReminderStatus.DROPPED)
        return
    for reminder in pending:
        send_at = start - timedelta(hours=reminder.lead_hours)
        if send_at != reminder.send_at:
            reminder.send_at = send_at
            reminder.version += 1
            reminder.save(update_fields=["send_at", "version", "updated_at"])
