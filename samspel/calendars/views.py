"""The worker's own calendar: a week and a month of their activities, on the cases they may
read (samspel.cases.access), in the organisation's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from samspel.audit.log import record_list
from samspel.calendars import periods
from samspel.calendars.entries import Entry, by_day, worker_entries
from samspel.calendars.local_time import (
    local_today,
    render_local,
    requested_monday,
    requested_month,
)
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.access import require_case_worker


def _worker_days(
    request: HttpRequest, period: periods.Period, tz: ZoneInfo, object_type: str
) -> list[tuple[dt.date, list[Entry]]]:
    """The worker's entries in the period, day by day; the cases they touch are audited."""
    entries = worker_entries(request.user, *period.bounds(tz), tz)
    record_list(request, object_type, {entry.case for entry in entries})
    return by_day(entries, period.days)


def _worker_timezone(request: HttpRequest) -> ZoneInfo:
    """Case workers only (404 for others); their organisation's clock."""
    require_case_worker(request.user)
    return organisation_timezone(request.user.organisation)


@require_http_methods(["GET"])
@login_required
def week(request: HttpRequest) -> HttpResponse:
    tz = _worker_timezone(request)
    monday, invalid = requested_monday(request, tz)
    period = periods.week_period(monday)
    context = {
        "period": period,
        "week_number": monday.isocalendar()[1],
        "days": _worker_days(request, period, tz, "calendars.week"),
        "previous": periods.week_code(monday - dt.timedelta(days=7)),
        "next": periods.week_code(monday + dt.timedelta(days=7)),
        "this_week": periods.week_code(periods.monday_of(local_today(tz))),
        "month": periods.month_code(monday.replace(day=1)),
        "today": local_today(tz),
        "invalid": invalid,
        "tz": tz,
    }
    return render_local(request, "calendars/week.html", context, tz)


@require_http_methods(["GET"])
@login_required
def month(request: HttpRequest) -> HttpResponse:
    tz = _worker_timezone(request)
    first, invalid = requested_month(request, tz)
    days = _worker_days(request, periods.month_grid(first), tz, "calendars.month")
    weeks = [
        {
            "code": periods.week_code(days[i][0]),
            "number": days[i][0].isocalendar()[1],
            "days": days[i : i + 7],
        }
        for i in range(0, len(days), 7)
    ]
    context = {
        "first": first,
        "weeks": weeks,
        "weekdays": [day for day, _entries in days[:7]],
        "previous": periods.month_code(periods.shift_month(first, -1)),
        "next": periods.month_code(periods.shift_month(first, 1)),
        "this_month": periods.month_code(local_today(tz).replace(day=1)),
        "today": local_today(tz),
        "invalid": invalid,
        "tz": tz,
    }
    return render_local(request, "calendars/month.html", context, tz)
