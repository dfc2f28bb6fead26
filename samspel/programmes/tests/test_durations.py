"""Durations: months keep the day and clamp to the month's last day; the fast path for days up
to the 28th gives what the calendar gives."""

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samspel.programmes.definitions import Duration, add_months

DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


def _by_the_calendar(date: dt.date, months: int) -> dt.date:
    year, month = divmod(date.year * 12 + date.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(date.day, last))


@given(DATES, st.integers(min_value=-1200, max_value=1200))
def test_add_months_is_the_calendar_month_clamped_to_its_last_day(date, months):
    assert add_months(date, months) == _by_the_calendar(date, months)


def test_the_seed_numbers_month_ends():
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 3, 10), 3) == dt.date(2027, 6, 10)
    assert add_months(dt.date(2027, 8, 31), -6) == dt.date(2027, 2, 28)


@given(DATES, st.integers(min_value=-500, max_value=500))
def test_every_unit(date, amount):
    assert Duration(amount, "days").after(date) == date + dt.timedelta(days=amount)
    assert Duration(amount, "weeks").after(date) == date + dt.timedelta(weeks=amount)
    assert Duration(amount, "months").after(date) == _by_the_calendar(date, amount)
    assert Duration(amount // 12, "years").after(date) == _by_the_calendar(date, amount // 12 * 12)
