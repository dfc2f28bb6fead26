"""Calendar pages on the organisation's clock: today and the week or month a request asks for
in the organisation's time zone, and rendering a page in that time zone (the home page too)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samspel.bounds import CALENDAR
from samspel.calendars import periods
from samspel.calendars.timezones import organisation_timezone


def local_today(tz: ZoneInfo) -> dt.date:
    return timezone.now().astimezone(tz).date()


def requested_monday(request: HttpRequest, tz: ZoneInfo) -> tuple[dt.date, bool]:
    """The Monday of `?week=`, or of this week; True when the parameter was not a week the
    calendar shows (samspel.bounds.CALENDAR)."""
    value = request.GET.get("week")
    monday = periods.parse_week(value) if value else None
    if monday is not None and not CALENDAR.contains(monday, local_today(tz)):
        monday = None
    return monday or periods.monday_of(local_today(tz)), bool(value) and monday is None


def requested_month(request: HttpRequest, tz: ZoneInfo) -> tuple[dt.date, bool]:
    value = request.GET.get("month")
    first = periods.parse_month(value) if value else None
    if first is not None and not CALENDAR.contains(first, local_today(tz)):
        first = None
    return first or local_today(tz).replace(day=1), bool(value) and first is None


def render_local(request: HttpRequest, template: str, context: dict, tz=None) -> HttpResponse:
    """Render with dates and times on the organisation's clock."""
    tz = tz or organisation_timezone(request.user.organisation)
    with timezone.override(tz):
        return render(request, template, context)
