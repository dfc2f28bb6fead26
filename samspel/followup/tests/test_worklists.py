"""The worklist helpers: a stored item's state is the engine's, and explanations never fail."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samspel.followup.engine import DueItem as EngineItem
from samspel.followup.engine import Explanation
from samspel.followup.models import DueItem
from samspel.followup.worklists import explain, item_state

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(dates, dates)
def test_a_stored_item_has_the_engines_state(due_on, today):
    engine_item = EngineItem(
        rule="r", title="t", due_on=due_on, counts_from=due_on, source="law",
        explanation=Explanation("x"),
    )  # fmt: skip
    assert item_state(due_on, today) == engine_item.state(today)


def test_explanations_fill_their_parameters():
    item = DueItem(explanation="last held %(last)s", explanation_params={"last": "3 March"})
    assert explain(item) == "last held 3 March"


@given(st.text(max_size=40), st.dictionaries(st.text(max_size=5), st.text(max_size=5)))
def test_any_stored_explanation_gives_text(message, params):
    assert isinstance(explain(DueItem(explanation=message, explanation_params=params)), str)
