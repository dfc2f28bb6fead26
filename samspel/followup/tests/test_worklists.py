"""The worklist helpers: a stored item's state is the engine's, and explanations never fail."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samspel.followup.engine import Due, Explanation
from samspel.followup.models import DueItem
from samspel.followup.worklists import due_row

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


def _stored(due_on=dt.date(2026, 3, 1), **fields) -> DueItem:
    return DueItem(due_on=due_on, **fields)


@given(dates, dates)
def test_a_stored_item_has_the_engines_state(due_on, today):
    due = Due(
        rule="r", title="t", due_on=due_on, counts_from=due_on, source="law",
        explanation=Explanation("x"),
    )  # fmt: skip
    assert due_row(_stored(due_on, explanation="x"), today)["state"] == due.state(today)


def test_a_row_says_how_many_days_to_or_since_the_date():
    assert due_row(_stored(dt.date(2026, 3, 1)), dt.date(2026, 3, 4))["days"] == 3
    assert due_row(_stored(dt.date(2026, 3, 9)), dt.date(2026, 3, 4))["days"] == 5


def test_explanations_fill_their_parameters():
    item = _stored(explanation="last held %(last)s", explanation_params={"last": "3 March"})
    assert due_row(item, dt.date(2026, 3, 4))["explanation"] == "last held 3 March"


def test_an_item_without_explanation_shows_none():
    assert due_row(_stored(explanation=""), dt.date(2026, 3, 4))["explanation"] == ""


@given(st.text(max_size=40), st.dictionaries(st.text(max_size=5), st.text(max_size=5)))
def test_any_stored_explanation_gives_text(message, params):
    item = _stored(explanation=message, explanation_params=params)
    assert isinstance(due_row(item, dt.date(2026, 3, 4))["explanation"], str)
