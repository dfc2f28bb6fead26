"""The worker's own calendar: a week and a month of their activities, on the cases they may
read (samspel.cases.access), in the organisation's time zone."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from samspel.audit.log import record_list
from samspel.calendars import periods
from samspel.calendars.entries import by_day, worker_entries
from samspel.calendars.pages import local_today, render_local, requested_monday, requested_month
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.access import require_case_worker


@require_http_methods(["GET"])
@login_required
def week(request: HttpRequest) -> HttpResponse:
    require_case_worker(request.user)
    tz = organisation_timezone(request.user.organisation)
    monday, invalid = requested_monday(request, tz)
    period = periods.week_period(monday)
    entries = worker_entries(request.user, *period.bounds(tz), tz)
    record_list(request, "calendars.week", {entry.case for entry in entries})
    context = {
        "period": period,
        "week_number": monday.isocalendar()[1],
        "days": by_day(entries, period.days),
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
    require_case_worker(request.user)
    tz = organisation_timezone(request.user.organisation)
    first, invalid = requested_month(request, tz)
    grid = periods.month_grid(first)
    entries = worker_entries(request.user, *grid.bounds(tz), tz)
    record_list(request, "calendars.month", {entry.case for entry in entries})
    days = by_day(entries, grid.days)
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
