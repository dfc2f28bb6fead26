"""Weeks and months of the calendar pages, including the weeks the clocks change."""

import datetime as dt

import pytest

from samspel.calendars import periods
from samspel.calendars.tests.conftest import COPENHAGEN, STOCKHOLM


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W48", dt.date(2026, 11, 23)),
        ("2026-W01", dt.date(2025, 12, 29)),
        ("2026-W53", dt.date(2026, 12, 28)),  # 2026 has 53 ISO weeks
        ("2026-W1", dt.date(2025, 12, 29)),
    ],
)
def test_parse_week(text, monday):
    assert periods.parse_week(text) == monday


@pytest.mark.parametrize("text", ["", "2026-48", "2025-W53", "2026-W00", "x-W48", "2026-W99"])
def test_parse_week_refuses_what_is_not_a_week(text):
    assert periods.parse_week(text) is None


def test_parse_month():
    assert periods.parse_month("2026-11") == dt.date(2026, 11, 1)
    assert periods.parse_month("2026-13") is None
    assert periods.parse_month("november") is None


def test_week_code_round_trips_across_the_year_end():
    monday = dt.date(2026, 12, 28)
    assert periods.week_code(monday) == "2026-W53"
    assert periods.week_code(monday + dt.timedelta(days=7)) == "2027-W01"
    assert periods.parse_week(periods.week_code(monday)) == monday


def test_the_week_the_clocks_go_back_is_169_hours_long():
    week = periods.week_period(dt.date(2026, 10, 19))  # Sunday 25 October: CEST -> CET
    start, end = week.bounds(STOCKHOLM)
    assert start.utcoffset() == dt.timedelta(hours=2)
    assert end.utcoffset() == dt.timedelta(hours=1)
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=169)
    assert end.isoformat() == "2026-10-26T00:00:00+01:00"


def test_the_week_the_clocks_go_forward_is_167_hours_long():
    start, end = periods.week_period(dt.date(2026, 3, 23)).bounds(COPENHAGEN)
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=167)


def test_month_grid_covers_whole_weeks():
    grid = periods.month_grid(dt.date(2026, 11, 1))
    assert grid.first == dt.date(2026, 10, 26)  # Monday before Sunday 1 November
    assert grid.last == dt.date(2026, 12, 6)
    assert len(grid.days) == 42


def test_shift_month_over_the_year():
    assert periods.shift_month(dt.date(2026, 12, 1), 1) == dt.date(2027, 1, 1)
    assert periods.shift_month(dt.date(2026, 1, 1), -1) == dt.date(2025, 12, 1)
