"""Demo calendar: planned activities for the demo workers in the coming two weeks, and the
families' appointments with psychiatry, school and the social insurance agency, so that a
newcomer's calendars are not empty. Deterministic; runs once per organisation."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityParticipant,
    ActivityStatus,
    AgencyKind,
    AppointmentStatus,
    Context,
    ExternalAppointment,
)
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.models import CaseStatus
from samspel.families.models import PersonRole
from samspel.organisations.models import Jurisdiction
from samspel.reminders.scheduling import sync_reminders

DEMO_WORKERS = ["worker", "buddy", "stranger", "konsulent", "behandlare", "fifa", "lots"]
# Fictitious contact details for the parent invited to a demo activity: the Swedish numbers are
# in the range set aside for fiction (070-1740605 … 070-1740699), the Danish one is the demo's
# own; the e-mail domain is reserved (.invalid). The demo's SMS and e-mail go to the console.
DEMO_PHONES = {Jurisdiction.SWEDEN: "070-174 06 05", Jurisdiction.DENMARK: "+45 20 00 00 00"}
# Only activities this far ahead get reminders: nearer ones would be sent while seeding.
REMINDERS_FROM = dt.timedelta(hours=48)
# (kind, context, hour, minute, length in minutes)
PLANS = [
    (ActivityKind.HOME_VISIT, Context.HOME, 9, 0, 60),
    (ActivityKind.CHILD_FOCUS_TALK, Context.HOME, 13, 0, 45),
    (ActivityKind.PARENT_FOCUS_TALK, Context.OFFICE, 10, 30, 60),
    (ActivityKind.NETWORK_MEETING, Context.OFFICE, 14, 0, 90),
    (ActivityKind.VIDEO_CALL, Context.VIDEO, 11, 0, 30),
    (ActivityKind.FOLLOW_UP_MEETING, Context.HOME, 9, 30, 60),
]
APPOINTMENTS = {
    Jurisdiction.SWEDEN: [
        (AgencyKind.PSYCHIATRY, "BUP Linköping", "Läkarbesök BUP", 8, 30),
        (AgencyKind.SCHOOL, "Skolan", "Utvecklingssamtal", 15, 0),
        (AgencyKind.SOCIAL_INSURANCE, "Försäkringskassan", "Möte om vårdbidrag", 10, 0),
    ],
    Jurisdiction.DENMARK: [
        (AgencyKind.PSYCHIATRY, "Børne- og Ungdomspsykiatrien", "Samtale i psykiatrien", 8, 30),
        (AgencyKind.SCHOOL, "Skolen", "Skole-hjem-samtale", 15, 0),
        (AgencyKind.SOCIAL_INSURANCE, "Udbetaling Danmark", "Møde om ydelser", 10, 0),
    ],
}


def _working_days(start: dt.date, count: int) -> list[dt.date]:
    days, day = [], start
    while len(days) < count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def _at(day: dt.date, hour: int, minute: int, tz) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def _planned_activities(organisation, days: list[dt.date], tz) -> list[Activity]:
    activities = []
    for username in DEMO_WORKERS:
        cases = list(
            organisation.cases.filter(
                responsible__username=username, status=CaseStatus.ACTIVE
            ).order_by("number")[: len(days)]
        )
        if not cases:
            continue
        # One activity every working day, however few active cases the worker has, so that
        # this week and next week both have something in them.
        for index, day in enumerate(days):
            case = cases[index % len(cases)]
            kind, context, hour, minute, length = PLANS[index % len(PLANS)]
            start = _at(day, hour, minute, tz)
            activities.append(
                Activity(
                    case=case,
                    kind=kind,
                    context=context,
                    status=ActivityStatus.CANCELLED if index == 3 else ActivityStatus.PLANNED,
                    sequence=1 if index == 3 else 0,
                    planned_start=start,
                    planned_end=start + dt.timedelta(minutes=length),
                    created_by=case.responsible,
                )
            )
    return activities


def _appointments(organisation, days: list[dt.date], tz) -> list[ExternalAppointment]:
    plans = APPOINTMENTS[organisation.jurisdiction]
    families = organisation.families.filter(cases__responsible__username__in=DEMO_WORKERS)
    appointments = []
    for index, family in enumerate(families.distinct().order_by("name")[:6]):
        child = family.persons.filter(role="child").order_by("first_name").first()
        agency, name, title, hour, minute = plans[index % len(plans)]
        start = _at(days[(index * 2 + 1) % len(days)], hour, minute, tz)
        appointments.append(
            ExternalAppointment(
                family=family,
                person=child,
                agency_kind=agency,
                agency_name=name,
                title=title,
                start=start,
                end=start + dt.timedelta(minutes=60),
                status=AppointmentStatus.CANCELLED if index == 5 else AppointmentStatus.PLANNED,
                created_by=family.cases.order_by("number").first().responsible,
            )
        )
    return appointments


def add_demo_calendar(organisation) -> None:
    """Once per organisation: the builder recomputes the cases afterwards."""
    if ExternalAppointment.objects.filter(family__organisation=organisation).exists():
        return
    tz = organisation_timezone(organisation)
    days = _working_days(timezone.now().astimezone(tz).date(), 10)
    activities = Activity.objects.bulk_create(_planned_activities(organisation, days, tz))
    ExternalAppointment.objects.bulk_create(_appointments(organisation, days, tz))
    _invite(organisation, activities)


def _invite(organisation, activities: list[Activity]) -> None:
    """The worker and one parent (never a protected one) take part in each planned activity, so
    its page shows the reminders scheduled for the parent."""
    phone = DEMO_PHONES[organisation.jurisdiction]
    for activity in activities:
        if activity.status != ActivityStatus.PLANNED:
            continue
        participants = [ActivityParticipant(activity=activity, user=activity.case.responsible)]
        parent = (
            activity.case.family.persons.filter(role=PersonRole.PARENT, protected_identity=False)
            .order_by("first_name")
            .first()
        )
        if parent is not None:
            if not parent.email:
                parent.email = f"parent.{parent.pk}@demo.samspel.invalid"
                parent.phone = phone
                parent.save(update_fields=["email", "phone"])
            participants.append(ActivityParticipant(activity=activity, person=parent))
        ActivityParticipant.objects.bulk_create(participants)
        if activity.planned_start - timezone.now() > REMINDERS_FROM:
            sync_reminders(activity)
