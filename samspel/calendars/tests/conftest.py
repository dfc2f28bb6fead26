"""Calendar test data: activities and appointments made straight through the ORM, at local
times on a frozen day (Wednesday 25 November 2026, ISO week 48)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from samspel.activities.models import (
    Activity,
    ActivityParticipant,
    ActivityStatus,
    AgencyKind,
    ExternalAppointment,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=STOCKHOLM)


def at(day: dt.date, hour: int, minute: int = 0, tz=STOCKHOLM) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def make_activity(case, start=None, minutes=60, status=ActivityStatus.PLANNED, **fields):
    start = start or at(TODAY + dt.timedelta(days=1), 10)
    return Activity.objects.create(
        case=case,
        kind=fields.pop("kind", "home_visit"),
        context=fields.pop("context", "home"),
        status=status,
        planned_start=start,
        planned_end=start + dt.timedelta(minutes=minutes) if minutes else None,
        created_by=case.responsible,
        **fields,
    )


def make_appointment(family, start=None, minutes=60, **fields) -> ExternalAppointment:
    start = start or at(TODAY + dt.timedelta(days=2), 13)
    return ExternalAppointment.objects.create(
        family=family,
        agency_kind=fields.pop("agency_kind", AgencyKind.PSYCHIATRY),
        title=fields.pop("title", "BUP-besök"),
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        created_by=fields.pop("created_by", family.created_by),
        **fields,
    )


def take_part(activity, user) -> None:
    ActivityParticipant.objects.create(activity=activity, user=user)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
