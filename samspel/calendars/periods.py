"""Weeks and months of the calendar pages: parse `?week=2026-W48` and `?month=2026-11`, and
turn a period into aware start and end instants in the organisation's time zone. No ORM here."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Period:
    first: dt.date  # first day shown
    last: dt.date  # last day shown (inclusive)

    @property
    def days(self) -> list[dt.date]:
        count = (self.last - self.first).days + 1
        return [self.first + dt.timedelta(days=n) for n in range(count)]

    def bounds(self, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """Midnight of the first day to midnight after the last, on the local clock: a week
        with a daylight-saving change is 167 or 169 hours long."""
        start = dt.datetime.combine(self.first, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return start, end


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def parse_week(value: str | None) -> dt.date | None:
    """The Monday of an ISO week like 2026-W48, or None when the text is not a week."""
    match = WEEK.match((value or "").strip())
    if not match:
        return None
    try:
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def parse_month(value: str | None) -> dt.date | None:
    """The first day of a month like 2026-11, or None."""
    match = MONTH.match((value or "").strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def week_code(monday: dt.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def month_code(first: dt.date) -> str:
    return f"{first.year}-{first.month:02d}"


def week_period(monday: dt.date) -> Period:
    return Period(monday, monday + dt.timedelta(days=6))


def weeks_period(monday: dt.date, weeks: int) -> Period:
    return Period(monday, monday + dt.timedelta(days=7 * weeks - 1))


def month_grid(first: dt.date) -> Period:
    """The whole weeks (Monday to Sunday) that hold the month."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return Period(monday_of(first), monday_of(last) + dt.timedelta(days=6))


def shift_month(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
