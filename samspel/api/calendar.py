"""The API's calendar: the token user's own activities between two days, as their calendar
page shows them (samspel.calendars.entries), on the organisation's clock. No places and no
names: what a script copies into another calendar must not lead to a protected address."""

import datetime as dt
import uuid
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from samspel.api.cases import CaseRef
from samspel.api.common import ERRORS, Day, known_query
from samspel.audit.log import record_list
from samspel.bounds import CALENDAR
from samspel.calendars import periods
from samspel.calendars.entries import worker_entries
from samspel.calendars.local_time import local_today
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.access import require_case_worker

router = Router(tags=["calendar"])

MAX_DAYS = 62


class CalendarQuery(Schema):
    start: Day | None = Field(
        None,
        description="First day, from 1900 to the end of the planning horizon (five years "
        "ahead); this week's Monday if left out.",
    )
    days: int = Field(7, ge=1, le=MAX_DAYS, description="How many days from the first.")


class EntryOut(Schema):
    activity: uuid.UUID
    kind: str
    status: Literal["planned", "held", "cancelled"]
    day: dt.date
    start: dt.datetime | None = Field(None, description="On the organisation's clock.")
    end: dt.datetime | None = None
    case: CaseRef


def _period(query: CalendarQuery, today: dt.date) -> periods.Period:
    first = query.start or periods.monday_of(today)
    last = first + dt.timedelta(days=query.days - 1)
    if not (CALENDAR.contains(first, today) and CALENDAR.contains(last, today)):
        problem = {"type": "value_error", "loc": ["query", "start"], "msg": "Outside the calendar"}
        raise ValidationError([problem])
    return periods.Period(first, last)


@router.get("/calendar", response={200: list[EntryOut], **ERRORS})
@known_query("start", "days")
def calendar(request: HttpRequest, query: Query[CalendarQuery]):
    """The token user's activities, in order of time."""
    require_case_worker(request.user)
    tz = organisation_timezone(request.user.organisation)
    period = _period(query, local_today(tz))
    entries = worker_entries(request.user, *period.bounds(tz), tz)
    record_list(request, "api.calendar", {entry.case for entry in entries})
    return [
        {
            "activity": entry.obj.public_id,
            "kind": entry.obj.kind,
            "status": entry.status,
            "day": entry.day,
            "start": entry.start,
            "end": entry.end,
            "case": entry.case,
        }
        for entry in entries
    ]
