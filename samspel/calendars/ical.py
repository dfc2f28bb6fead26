"""The iCal feeds (RFC 5545), written with the `icalendar` package.

What a feed may carry is narrow on purpose (DOMAIN.md §2, §7): a feed leaves Samspel, so it names
persons as the display rule says of what is SENT (families/visibility.py), by initials only.
The title is the initials of the focus children (or of the family's children) and the kind; the
place is only the context label ("In the home"), plus the exact place only when nobody in the
family has a protected identity.
Never names, addresses, phone numbers or the journal note.

Decisions:
- UID is `<public_id>@samspel`, so an edited entry replaces the old one; SEQUENCE comes from the
  model, which the services raise when the time or the status changes.
- Cancelled entries stay in the feed with STATUS:CANCELLED, so subscribed calendars drop them.
- Held activities recorded with a date only (SMS, calls logged afterwards) are skipped: they are
  records of contacts, not appointments. Held activities with planned times stay in.
- An activity without a planned end lasts DEFAULT_LENGTH.
- Entries older than HISTORY are left out, to keep feeds small.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone, translation
from icalendar import Calendar, Event
from icalendar.enums import STATUS

from samspel.accounts.models import User
from samspel.activities.models import (
    Activity,
    ActivityStatus,
    AppointmentStatus,
    ExternalAppointment,
)
from samspel.calendars.entries import children_initials, family_activities, worker_activities
from samspel.calendars.models import CalendarFeed
from samspel.calendars.timezones import organisation_timezone
from samspel.families.models import Family, Person
from samspel.families.visibility import SENT, person_display

PRODID = "-//Samspel//Samspel calendar//EN"
DEFAULT_LENGTH = dt.timedelta(hours=1)
HISTORY = dt.timedelta(days=180)


def uid(obj) -> str:
    return f"{obj.public_id}@samspel"


def sent_name(person: Person) -> str:
    """How a feed names a person: as the display rule shows what is sent, by initials."""
    return person_display(None, person, SENT).name


def _initials(case, fallback: str) -> str:
    initials = ", ".join(sent_name(child) for child in case.focus_children.all())
    return initials or fallback or case.number


def _family_is_protected(family, protected: dict[int, bool]) -> bool:
    if family.pk not in protected:
        protected[family.pk] = family.persons.filter(protected_identity=True).exists()
    return protected[family.pk]


def _event(obj: Activity | ExternalAppointment, *, start, end, summary, place, cancelled) -> Event:
    """What every entry carries: a UID stable across edits, the SEQUENCE, and the time of the
    last change (DTSTAMP and LAST-MODIFIED, in UTC)."""
    changed = obj.updated_at.astimezone(dt.UTC)
    return Event.new(
        uid=uid(obj),
        sequence=obj.sequence,
        stamp=changed,
        last_modified=changed,
        start=start,
        end=end,
        summary=summary,
        location=place or None,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
    )


def activity_event(activity: Activity, tz, protected: dict[int, bool]) -> Event:
    if activity.planned_start is None:  # _timed() selects only activities with a start
        raise ValueError(f"activity {activity.public_id} has no start for a feed")
    start = activity.planned_start.astimezone(tz)
    end = activity.planned_end.astimezone(tz) if activity.planned_end else start + DEFAULT_LENGTH
    family = activity.case.family
    summary = f"{_initials(activity.case, '')} · {activity.get_kind_display()}"
    place = [str(activity.get_context_display())] if activity.context else []
    if activity.place_detail and not _family_is_protected(family, protected):
        place.append(activity.place_detail)
    return _event(
        activity,
        start=start,
        end=end,
        summary=summary,
        place=", ".join(place),
        cancelled=activity.status == ActivityStatus.CANCELLED,
    )


def appointment_event(
    appointment: ExternalAppointment, tz, protected: dict[int, bool], initials: str = ""
) -> Event:
    who = sent_name(appointment.person) if appointment.person else initials
    summary = " · ".join(part for part in (who, appointment.get_agency_kind_display()) if part)
    protected_family = _family_is_protected(appointment.family, protected)
    return _event(
        appointment,
        start=appointment.start.astimezone(tz),
        end=appointment.end.astimezone(tz),
        summary=summary,
        place="" if protected_family else appointment.place_detail,
        cancelled=appointment.status == AppointmentStatus.CANCELLED,
    )


def _timed(activities, since: dt.datetime):
    return (
        activities.filter(planned_start__isnull=False, planned_start__gte=since)
        .select_related("case", "case__family")
        .prefetch_related("case__focus_children")
        .order_by("planned_start", "id")
    )


def _calendar(feed: CalendarFeed, name: str, events: Iterable[Event]) -> bytes:
    calendar = Calendar.new(prodid=PRODID, name=name, uid=str(feed.public_id))
    years = []
    for event in events:
        calendar.add_component(event)
        years.append(event.start.year)
    if years:
        calendar.add_missing_timezones(
            first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
        )
    return calendar.to_ical()


def feed_calendar(feed: CalendarFeed) -> tuple[bytes, int]:
    """The feed's calendar and its number of events: a worker's or a family's."""
    if feed.owner is not None:
        return worker_feed(feed, feed.owner)
    if feed.family is not None:
        return family_feed(feed, feed.family)
    raise ValueError(f"feed {feed.public_id} has neither owner nor family")


def worker_feed(feed: CalendarFeed, owner: User) -> tuple[bytes, int]:
    """The owner's activities, in their organisation's time zone and their language."""
    organisation = owner.organisation
    if organisation is None:  # find_feed() refuses feeds of users without an organisation
        raise ValueError(f"the owner of feed {feed.public_id} has no organisation")
    tz = organisation_timezone(organisation)
    since = timezone.now() - HISTORY
    protected: dict[int, bool] = {}
    language = owner.language or organisation.default_language
    with translation.override(language):
        events = [activity_event(a, tz, protected) for a in _timed(worker_activities(owner), since)]
        return _calendar(feed, "Samspel", events), len(events)


def family_feed(feed: CalendarFeed, family: Family) -> tuple[bytes, int]:
    """The family's activities on the cases its creator may read, and the family's
    appointments with other agencies, in the organisation's language."""
    organisation = family.organisation
    tz = organisation_timezone(organisation)
    since = timezone.now() - HISTORY
    protected: dict[int, bool] = {}
    activities = _timed(family_activities(feed.created_by, family), since)
    appointments = family.external_appointments.filter(start__gte=since).select_related(
        "person", "family"
    )
    initials = children_initials(family)
    with translation.override(organisation.default_language):
        events = [activity_event(a, tz, protected) for a in activities]
        events += [appointment_event(a, tz, protected, initials) for a in appointments]
        return _calendar(feed, f"Samspel {initials}".strip(), events), len(events)
