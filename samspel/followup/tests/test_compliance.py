"""The monthly compliance maths and the chart geometry, by example and by property."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samspel.followup.compliance import (
    BOTTOM,
    TOP,
    compliance_chart,
    month_starts,
    monthly_compliance,
)
from samspel.followup.engine import Period

TODAY = dt.date(2026, 11, 25)


def period(due_on, held_on=None):
    return Period(rule="fifa:follow-up", due_on=due_on, held_on=held_on)


def by_month(rows):
    return {row.month: row for row in rows}


def test_the_twelve_months_end_with_todays():
    starts = month_starts(TODAY)
    assert starts[0] == dt.date(2025, 12, 1)
    assert starts[-1] == dt.date(2026, 11, 1)
    assert len(starts) == 12


def test_months_cross_the_year_boundary():
    assert month_starts(dt.date(2026, 2, 3), months=3) == [
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


def test_share_counts_periods_held_by_their_due_date():
    rows = by_month(
        monthly_compliance(
            [
                period(dt.date(2026, 9, 10), dt.date(2026, 9, 10)),  # on the day: on time
                period(dt.date(2026, 9, 12), dt.date(2026, 9, 1)),  # early: on time
                period(dt.date(2026, 9, 20), dt.date(2026, 9, 21)),  # a day late
                period(dt.date(2026, 9, 30)),  # never held
            ],
            TODAY,
        )
    )
    september = rows[dt.date(2026, 9, 1)]
    assert (september.due, september.on_time, september.share) == (4, 2, 0.5)


def test_a_month_with_nothing_due_has_no_share():
    rows = by_month(monthly_compliance([period(dt.date(2026, 9, 10))], TODAY))
    assert rows[dt.date(2026, 8, 1)].due == 0
    assert rows[dt.date(2026, 8, 1)].share is None


def test_periods_still_within_their_time_do_not_count_yet():
    rows = by_month(
        monthly_compliance(
            [
                period(TODAY),  # may still be held today
                period(dt.date(2026, 11, 28)),
                period(dt.date(2026, 11, 24)),  # yesterday, not held: missed
                period(dt.date(2026, 11, 27), dt.date(2026, 11, 20)),  # held early
            ],
            TODAY,
        )
    )
    november = rows[dt.date(2026, 11, 1)]
    assert (november.due, november.on_time) == (2, 1)


def test_periods_outside_the_months_are_ignored():
    rows = monthly_compliance(
        [period(dt.date(2025, 11, 30), dt.date(2025, 11, 1)), period(dt.date(2026, 12, 2))],
        TODAY,
    )
    assert sum(row.due for row in rows) == 0


def test_chart_bars_follow_the_share():
    rows = monthly_compliance(
        [
            period(dt.date(2026, 10, 1), dt.date(2026, 10, 1)),
            period(dt.date(2026, 9, 1)),
            period(dt.date(2026, 8, 1), dt.date(2026, 8, 1)),
            period(dt.date(2026, 8, 2)),
        ],
        TODAY,
    )
    chart = compliance_chart(rows)
    bars = {bar.month: bar for bar in chart.bars}
    assert bars[dt.date(2026, 10, 1)].percent == 100
    assert bars[dt.date(2026, 10, 1)].y == TOP
    assert bars[dt.date(2026, 9, 1)].percent == 0
    assert bars[dt.date(2026, 9, 1)].height == 0
    assert bars[dt.date(2026, 8, 1)].percent == 50
    assert bars[dt.date(2026, 7, 1)].empty
    assert [tick.label for tick in chart.ticks] == [0, 25, 50, 75, 100]


dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def periods(draw):
    due_on = draw(dates)
    held = draw(st.one_of(st.none(), st.integers(min_value=-60, max_value=60)))
    return period(due_on, None if held is None else due_on + dt.timedelta(days=held))


@settings(deadline=None)
@given(st.lists(periods(), max_size=60), dates, st.integers(min_value=1, max_value=24))
def test_shares_stay_between_zero_and_one(items, today, months):
    rows = monthly_compliance(items, today, months)
    assert len(rows) == months
    for row in rows:
        assert 0 <= row.on_time <= row.due
        assert row.share is None or 0 <= row.share <= 1


@settings(deadline=None)
@given(dates, st.integers(min_value=1, max_value=24))
def test_months_are_consecutive_calendar_months_ending_with_todays(today, months):
    rows = monthly_compliance([], today, months)
    assert rows[-1].month == today.replace(day=1)
    assert all(row.month.day == 1 for row in rows)
    for earlier, later in zip(rows, rows[1:], strict=False):
        assert (later.month - earlier.month).days in (28, 29, 30, 31)


@settings(deadline=None)
@given(st.lists(periods(), max_size=60), dates)
def test_bars_stay_inside_the_plot(items, today):
    for bar in compliance_chart(monthly_compliance(items, today)).bars:
        assert TOP <= bar.y <= BOTTOM
        assert bar.y + bar.height <= BOTTOM + 0.1
