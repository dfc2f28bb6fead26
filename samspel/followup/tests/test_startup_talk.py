"""Sammen om familien (seed 001): the startup talk starts the follow-up cadence, every 3 months
for a case of §41/§42/§44 only and every 6 weeks once it holds §50/§52, and the explanation names
the held activity the next follow-up counts from."""

import datetime as dt

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from samspel.followup import messages as M
from samspel.followup.engine import CaseFacts, HeldActivity, due_items
from samspel.programmes.definitions import add_months
from samspel.programmes.describe import rule_text
from samspel.programmes.loader import law, programme

FOLLOW_UP = "sammen-om-familien:follow-up"


def follow_up(basis, held=(), referred=dt.date(2026, 3, 1), today=dt.date(2026, 3, 20)):
    facts = CaseFacts(
        today=today,
        programme=programme("sammen-om-familien"),
        jurisdiction="DK",
        law=law("DK"),
        legal_basis=basis,
        started_on=referred,
        referred_on=referred,
        held=tuple(HeldActivity(kind, on) for kind, on in held),
    )
    return next(item for item in due_items(facts) if item.rule == FOLLOW_UP)


@pytest.mark.parametrize(
    ("basis", "talk", "due_on"),
    [
        # §41 only: 3 months after the startup talk, clamped to the month's end.
        (("SEL §41",), dt.date(2026, 3, 10), dt.date(2026, 6, 10)),
        (("BL §86",), dt.date(2026, 11, 30), dt.date(2027, 2, 28)),
        (("SEL §41",), dt.date(2027, 11, 30), dt.date(2028, 2, 29)),  # leap year
        (("SEL §41",), dt.date(2026, 5, 31), dt.date(2026, 8, 31)),
        # §41 + §50: 6 weeks after the startup talk.
        (("SEL §41", "SEL §50"), dt.date(2026, 3, 10), dt.date(2026, 4, 21)),
        (("SEL §41", "BL §20"), dt.date(2028, 1, 31), dt.date(2028, 3, 13)),  # over 29 February
        (("SEL §50",), dt.date(2026, 12, 31), dt.date(2027, 2, 11)),
    ],
)
def test_the_next_follow_up_counts_from_the_startup_talk(basis, talk, due_on):
    item = follow_up(basis, [("startup_talk", talk)], referred=dt.date(2026, 3, 1), today=talk)
    assert (item.counts_from, item.due_on) == (talk, due_on)
    assert item.explanation.params["held"] == "startup_talk"
    assert item.explanation.params["last"] == talk.isoformat()


def test_a_case_referred_1_march_counts_from_its_startup_talk_on_10_march():
    item = follow_up(("SEL §41", "SEL §50"), [("startup_talk", dt.date(2026, 3, 10))])
    assert item.counts_from == dt.date(2026, 3, 10)
    assert item.due_on == dt.date(2026, 4, 21)
    assert item.explanation.message == M.EVERY_BY_BASIS_LAST
    with translation.override("en"):
        text = M.describe(item.explanation.message, item.explanation.params)
    assert text == (
        "Every 6 weeks because the case holds SEL §50 (BL §20); counted from the startup talk "
        "held 10 March 2026"
    )
    with translation.override("da"):
        text = M.describe(item.explanation.message, item.explanation.params)
    assert "regnet fra opstartssamtale den 10. marts 2026" in text
    assert "ingen holdt siden" not in text


def test_before_the_startup_talk_it_counts_from_the_referral_and_says_none_was_held():
    item = follow_up(("SEL §41",), [])
    assert (item.counts_from, item.due_on) == (dt.date(2026, 3, 1), dt.date(2026, 6, 1))
    assert item.explanation.message == M.EVERY_BY_BASIS_NONE


def test_a_follow_up_after_the_talk_takes_over_and_is_named():
    held = [("startup_talk", dt.date(2026, 3, 10)), ("home_visit", dt.date(2026, 4, 14))]
    item = follow_up(("SEL §50",), held, today=dt.date(2026, 4, 15))
    assert (item.counts_from, item.due_on) == (dt.date(2026, 4, 14), dt.date(2026, 5, 26))
    assert item.explanation.params["held"] == "home_visit"
    with translation.override("sv"):
        text = M.describe(item.explanation.message, item.explanation.params)
    assert "räknat från hembesök den 14 april 2026" in text


def test_a_follow_up_meeting_before_the_startup_talk_does_not_count():
    held = [("follow_up_meeting", dt.date(2026, 3, 5)), ("startup_talk", dt.date(2026, 3, 10))]
    item = follow_up(("SEL §41",), held)
    assert (item.counts_from, item.due_on) == (dt.date(2026, 3, 10), dt.date(2026, 6, 10))
    assert item.explanation.params["held"] == "startup_talk"


def test_a_second_startup_talk_does_not_restart_the_cadence():
    held = [("startup_talk", dt.date(2026, 3, 10)), ("startup_talk", dt.date(2026, 4, 1))]
    item = follow_up(("SEL §50",), held)
    assert item.counts_from == dt.date(2026, 3, 10)


def test_adding_50_after_the_talk_moves_the_next_follow_up_to_six_weeks_after_the_talk():
    talk = [("startup_talk", dt.date(2026, 3, 10))]
    assert follow_up(("SEL §41",), talk).due_on == dt.date(2026, 6, 10)
    assert follow_up(("SEL §41", "SEL §50"), talk).due_on == dt.date(2026, 4, 21)


@settings(deadline=None, max_examples=200)
@given(
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(0, 60),
    st.booleans(),
)
def test_any_startup_talk_sets_the_next_follow_up_by_the_seeds_numbers(referred, days, child):
    talk = referred + dt.timedelta(days=days)
    basis = ("SEL §41", "SEL §50") if child else ("SEL §41",)
    item = follow_up(basis, [("startup_talk", talk)], referred=referred, today=talk)
    expected = talk + dt.timedelta(weeks=6) if child else add_months(talk, 3)
    assert (item.counts_from, item.due_on) == (talk, expected)


def test_the_programme_page_says_the_first_follow_up_counts_from_the_startup_talk():
    rule = next(r for r in programme("sammen-om-familien").rules if r.key == "follow-up")
    with translation.override("en"):
        assert rule_text(rule, "DK").endswith(", the first from the startup talk")
    with translation.override("da"):
        assert rule_text(rule, "DK").endswith(", den første fra opstartssamtale")
