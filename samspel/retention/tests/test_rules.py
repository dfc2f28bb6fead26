"""When a closed case is due: `years` full years after closing, 29 February counted to 1 March;
the query bound (`cutoff`) says exactly the same as the rule for every day."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samspel.retention.rules import cutoff, is_due, years_after


@pytest.mark.parametrize(
    ("closed_on", "years", "today", "due"),
    [
        (dt.date(2020, 3, 15), 5, dt.date(2025, 3, 14), False),
        (dt.date(2020, 3, 15), 5, dt.date(2025, 3, 15), True),
        (dt.date(2024, 2, 29), 1, dt.date(2025, 2, 28), False),
        (dt.date(2024, 2, 29), 1, dt.date(2025, 3, 1), True),
        (dt.date(2024, 2, 29), 4, dt.date(2028, 2, 29), True),
        (dt.date(2027, 2, 28), 1, dt.date(2028, 2, 29), True),
        (dt.date(2027, 3, 1), 1, dt.date(2028, 2, 29), False),
    ],
)
def test_due_after_full_years(closed_on, years, today, due):
    assert is_due(closed_on, years, today) is due
    assert (closed_on <= cutoff(today, years)) is due


@given(
    closed_on=st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)),
    years=st.integers(1, 100),
    days_later=st.integers(0, 40_000),
)
def test_the_query_bound_is_the_rule(closed_on, years, days_later):
    today = closed_on + dt.timedelta(days=days_later)
    assert is_due(closed_on, years, today) == (closed_on <= cutoff(today, years))
    assert years_after(closed_on, years) > closed_on
