"""FIFA's two rules close only when every adult on the case has answered (seed 002: "alla vuxna
som utreds eller behandlas ska tillfrågas om hur deras barn har det, men också erbjudas stöd i
sitt föräldraskap"): the engine alone, facts in, due items out."""

import datetime as dt

import pytest
from django.utils import translation

from samspel.followup import messages as M
from samspel.followup.engine import AdultFact, CaseFacts, due_items
from samspel.programmes.effective import law_for
from samspel.programmes.loader import programme

START = dt.date(2026, 3, 2)
ASKED, OFFERED = "fifa:asked-about-children", "fifa:parenting-support-offered"
DAY = dt.date(2026, 3, 5)
LATER = dt.date(2026, 3, 9)


def _open_rules(*adults: AdultFact) -> set[str]:
    facts = CaseFacts(
        today=dt.date(2026, 3, 10),
        programme=programme("fifa"),
        jurisdiction="SE",
        law=law_for("SE"),
        started_on=START,
        referred_on=START,
        adults=adults,
    )
    return {item.rule for item in due_items(facts)} & {ASKED, OFFERED}


@pytest.mark.parametrize(
    ("adults", "still_open"),
    [
        ((), {ASKED, OFFERED}),  # nobody to ask yet: both stay due
        ((AdultFact(1),), {ASKED, OFFERED}),
        ((AdultFact(1, asked_about_children_on=DAY),), {OFFERED}),
        ((AdultFact(1, parenting_support_offered_on=DAY),), {ASKED}),
        ((AdultFact(1, DAY, DAY),), set()),
        ((AdultFact(1, DAY, DAY), AdultFact(2)), {ASKED, OFFERED}),
        ((AdultFact(1, DAY, DAY), AdultFact(2, LATER, None)), {OFFERED}),
        ((AdultFact(1, DAY, None), AdultFact(2, None, LATER)), {ASKED, OFFERED}),
        ((AdultFact(1, DAY, DAY), AdultFact(2, LATER, LATER)), set()),
    ],
)
def test_each_rule_closes_when_every_adult_has_that_answer(adults, still_open):
    assert _open_rules(*adults) == still_open


def test_the_case_fact_is_the_day_the_last_adult_answered():
    both = (AdultFact(1, DAY, LATER), AdultFact(2, LATER, DAY))
    facts = CaseFacts(
        today=LATER, programme=None, jurisdiction="SE", law=law_for("SE"), adults=both
    )
    assert (facts.asked_about_children_on, facts.parenting_support_offered_on) == (LATER, LATER)
    one_missing = CaseFacts(
        today=LATER,
        programme=None,
        jurisdiction="SE",
        law=law_for("SE"),
        adults=(*both, AdultFact(3, DAY, None)),
    )
    assert one_missing.asked_about_children_on == LATER
    assert one_missing.parenting_support_offered_on is None


def _explanation(rule: str, *adults: AdultFact):
    facts = CaseFacts(
        today=dt.date(2026, 3, 10),
        programme=programme("fifa"),
        jurisdiction="SE",
        law=law_for("SE"),
        started_on=START,
        referred_on=START,
        adults=adults,
    )
    return next(item for item in due_items(facts) if item.rule == rule).explanation


def test_the_why_counts_the_adults_who_answered():
    why = _explanation(ASKED, AdultFact(1, DAY, None), AdultFact(2))
    assert why.message == M.ADULTS_WITHIN
    assert (why.params["answered"], why.params["adults"]) == ("1", "2")
    assert M.describe(why.message, why.params) == (
        "Within 14 days of the case start on 2 March 2026; 1 of 2 adults have answered"
    )
    offered = _explanation(OFFERED, AdultFact(1, DAY, None), AdultFact(2))
    assert (offered.params["answered"], offered.params["adults"]) == ("0", "2")


def test_the_why_says_when_the_family_has_no_parent():
    why = _explanation(ASKED)
    assert why.message == M.NO_ADULT_WITHIN
    assert M.describe(why.message, why.params).endswith("no parent is recorded in the family yet")


@pytest.mark.parametrize(
    ("language", "text"), [("sv", "1 av 2 vuxna har svarat"), ("da", "1 af 2 voksne har svaret")]
)
def test_the_why_reads_in_swedish_and_danish(language, text):
    why = _explanation(ASKED, AdultFact(1, DAY, None), AdultFact(2))
    with translation.override(language):
        assert M.describe(why.message, why.params).endswith(text)
