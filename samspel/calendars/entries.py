"""What the calendars show: the activities of a worker or of a family, and the family's
appointments with other agencies, as entries in the organisation's time zone. Every query is
scoped through the access helpers: a calendar never shows a case its reader cannot open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from samspel.activities.models import Activity, ActivityParticipant, ExternalAppointment
from samspel.cases.access import cases_for_user
from samspel.cases.family_access import family_relation
from samspel.families.models import PersonRole
from samspel.families.visibility import SENT, FamilyDisplay, family_display, person_display

ACTIVITY = "activity"
APPOINTMENT = "appointment"


@dataclass
class Entry:
    """One line of a calendar page."""

    source: str  # ACTIVITY or APPOINTMENT
    obj: Activity | ExternalAppointment
    day: dt.date
    title: str
    status: str
    status_label: str
    start: dt.datetime | None = None  # local time; None: a held activity with only a date
    end: dt.datetime | None = None
    place: str = ""
    who: list[str] = field(default_factory=list)
    case: object = None
    activity_url: str | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.day, self.start is not None, self.start or dt.datetime.min, self.title)


def worker_activities(user) -> QuerySet[Activity]:
    """The worker's own activities: those they take part in, and on the cases they are
    responsible for those without any worker named as participant; only on cases they may read."""
    # A union of the worker's own rows (participant index, responsible index, then the
    # activities by case), so that the database never reads the organisation's activities.
    any_user = ActivityParticipant.objects.filter(activity=OuterRef("pk"), user__isnull=False)
    taking_part = ActivityParticipant.objects.filter(user=user).values("activity_id")
    responsible_for = (
        Activity.objects.filter(case__responsible=user)
        .filter(~Exists(any_user))
        .order_by()
        .values("pk")
    )
    return Activity.objects.filter(pk__in=taking_part.union(responsible_for)).filter(
        case__in=cases_for_user(user)
    )


def family_activities(user, family) -> QuerySet[Activity]:
    """The activities of every case of the family that the user may read."""
    return Activity.objects.filter(case__in=cases_for_user(user).filter(family=family))


def in_period(activities: QuerySet[Activity], start: dt.datetime, end: dt.datetime):
    """Activities planned to start in [start, end), and held ones without times by date."""
    local_first = start.date()
    local_last = (end - dt.timedelta(microseconds=1)).date()
    return activities.filter(
        Q(planned_start__gte=start, planned_start__lt=end)
        | Q(planned_start__isnull=True, held_on__range=(local_first, local_last))
    )


def activity_url(activity: Activity) -> str:
    """The activity's own page (activities:detail); an external appointment has none."""
    kwargs = {"case_id": activity.case.public_id, "activity_id": activity.public_id}
    return reverse("activities:detail", kwargs=kwargs)


def activity_entry(activity: Activity, tz: ZoneInfo, shown: FamilyDisplay | None = None):
    start = activity.planned_start.astimezone(tz) if activity.planned_start else None
    end = activity.planned_end.astimezone(tz) if activity.planned_end else None
    day = start.date() if start else activity.held_on
    if day is None:  # in_period() selects only activities with a start or a held date
        raise ValueError(f"activity {activity.public_id} has no day in a calendar")
    who = []
    if shown is not None:
        who = [shown.label(p.person) for p in activity.participants.all() if p.person]
    return Entry(
        source=ACTIVITY,
        obj=activity,
        day=day,
        start=start,
        end=end,
        title=activity.get_kind_display(),
        status=activity.status,
        status_label=activity.get_status_display(),
        place=activity.get_context_display() if activity.context else "",
        who=who,
        case=activity.case,
        activity_url=activity_url(activity),
    )


def appointment_entry(appointment: ExternalAppointment, tz: ZoneInfo, shown: FamilyDisplay):
    start = appointment.start.astimezone(tz)
    return Entry(
        source=APPOINTMENT,
        obj=appointment,
        day=start.date(),
        start=start,
        end=appointment.end.astimezone(tz),
        title=appointment.title,
        status=appointment.status,
        status_label=appointment.get_status_display(),
        place=appointment.place_detail if shown.places else "",
        who=[shown.label(appointment.person)] if appointment.person else [],
    )


def worker_entries(user, start: dt.datetime, end: dt.datetime, tz: ZoneInfo) -> list[Entry]:
    activities = in_period(worker_activities(user), start, end).select_related(
        "case", "case__family"
    )
    return sorted((activity_entry(a, tz) for a in activities), key=lambda e: e.sort_key)


def family_entries(user, family, start: dt.datetime, end: dt.datetime, tz: ZoneInfo):
    shown = family_display(user, family, family_relation(user, family))
    activities = (
        in_period(family_activities(user, family), start, end)
        .select_related("case")
        .prefetch_related("participants__person")
    )
    appointments = family.external_appointments.filter(start__gte=start, start__lt=end)
    entries = [activity_entry(a, tz, shown) for a in activities]
    entries += [appointment_entry(a, tz, shown) for a in appointments.select_related("person")]
    return sorted(entries, key=lambda e: e.sort_key)


def by_day(entries: list[Entry], days: list[dt.date]) -> list[tuple[dt.date, list[Entry]]]:
    grouped: dict[dt.date, list[Entry]] = {day: [] for day in days}
    for entry in entries:
        grouped.setdefault(entry.day, []).append(entry)
    return [(day, grouped[day]) for day in days]


def children_initials(family) -> str:
    """The family's children as what is sent out of Samspel names them (a feed's title)."""
    children = [p for p in family.persons.all() if p.role == PersonRole.CHILD]
    return ", ".join(person_display(None, child, SENT).name for child in children)
