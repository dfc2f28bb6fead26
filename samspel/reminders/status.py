"""What workers see of an activity's reminders: one row per reminder, plus a row for each family
member who gets none on a channel for lack of contact details. Family members are named as the
display rule shows them to the reader (families/visibility.py)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from samspel.activities.models import Activity
from samspel.cases.family_access import case_display
from samspel.reminders.models import Channel, Reminder, ReminderStatus
from samspel.reminders.scheduling import missing_contacts


@dataclass(frozen=True)
class ReminderRow:
    person: str
    channel: str
    lead_hours: int | None
    send_at: datetime | None
    status: str  # a ReminderStatus value, or "missing"
    status_label: str


def reminder_rows(activity: Activity, user) -> list[ReminderRow]:
    """The rows `user` may see, with family members named as the display rule says."""
    shown = case_display(user, activity.case)
    reminders = Reminder.objects.filter(activity=activity).select_related("person")
    rows = [
        ReminderRow(
            person=shown.label(r.person),
            channel=r.get_channel_display(),
            lead_hours=r.lead_hours,
            send_at=r.sent_at or r.send_at,
            status=r.status,
            status_label=_status_label(r),
        )
        for r in reminders.order_by("person__first_name", "channel", "-lead_hours")
    ]
    if activity.status == "planned":
        missing = missing_contacts(activity)
        rows += [_missing_row(shown.label(m.person), m.channel) for m in missing]
    return rows


def _status_label(reminder: Reminder) -> str:
    if reminder.status == ReminderStatus.SCHEDULED and reminder.attempts:
        return _("Retrying after %(count)s failed attempts") % {"count": reminder.attempts}
    return reminder.get_status_display()


def _missing_row(person: str, channel: str) -> ReminderRow:
    if channel == Channel.EMAIL:
        label = _("No reminder: no e-mail address")
    else:
        label = _("No reminder: no valid mobile number")
    return ReminderRow(
        person=person,
        channel=Channel(channel).label,
        lead_hours=None,
        send_at=None,
        status="missing",
        status_label=label,
    )
