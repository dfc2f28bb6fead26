"""The text of a reminder, in the family member's language and the organisation's time zone.

A reminder says what, when and where, and nothing else: never a journal note, never a name,
and no place detail at all when anyone in the family has protected identity (DOMAIN.md §2). It
leaves Samspel: the display rule (families/visibility.py, SENT) allows initials at most."""

from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext as _

from samspel.activities.models import Activity
from samspel.calendars.timezones import organisation_timezone
from samspel.families.models import Person, ReminderContact


@dataclass(frozen=True)
class ReminderText:
    subject: str
    body: str


def language_for(person: Person) -> str:
    """The person's own choice, else the organisation's default language."""
    try:
        return person.reminder_contact.language
    except ReminderContact.DoesNotExist:
        return person.family.organisation.default_language


def place_label(activity: Activity) -> str:
    """The kind of place, plus the detail unless the family has a protected person."""
    label = activity.get_context_display() if activity.context else ""
    family = activity.case.family
    if activity.place_detail and not family.persons.filter(protected_identity=True).exists():
        label = f"{label}, {activity.place_detail}" if label else activity.place_detail
    return label


def reminder_text(activity: Activity, person: Person) -> ReminderText:
    if activity.planned_start is None:
        raise ValueError("only an activity with a planned start has reminders")
    organisation = activity.case.family.organisation
    start = activity.planned_start.astimezone(organisation_timezone(organisation))
    with translation.override(language_for(person)):
        values = {
            "organisation": organisation.name,
            "kind": activity.get_kind_display(),
            "date": formats.date_format(start, "DATE_FORMAT"),
            "time": formats.time_format(start, "TIME_FORMAT"),
        }
        body = _("Reminder from %(organisation)s: %(kind)s on %(date)s at %(time)s.") % values
        place = place_label(activity)
        if place:
            body = f"{body} " + _("Place: %(place)s.") % {"place": place}
        subject = _("Reminder: %(kind)s on %(date)s") % values
    return ReminderText(subject=subject, body=body)
