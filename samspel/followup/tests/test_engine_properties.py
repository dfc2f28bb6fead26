"""Properties of the engine over generated cases (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samspel.followup.engine import (
    OVERDUE,
    AdultFact,
    CaseFacts,
    HeldActivity,
    due_items,
    follow_up_periods,
)
from samspel.programmes.activity_kinds import ACTIVITY_KINDS
from samspel.programmes.definitions import Duration, add_months
from samspel.programmes.loader import law, programme, programmes

DAY0 = dt.date(2020, 1, 1)
DANISH = ["SEL §11", "SEL §41", "SEL §42", "SEL §44", "SEL §52a stk. 1 nr. 1"]
DANISH += ["BL §30", "BL §86", "BL §87", "BL §90", "BL §35"]
CHILD_PROFESSIONAL = ["SEL §50", "SEL §52", "BL §20", "BL §32"]
SWEDISH = ["SoL 4:1", "SoL 6:1", "SoL 11:1", "LVU 2 §"]

dates = st.dates(min_value=DAY0, max_value=dt.date(2027, 12, 31))
optional_dates = st.none() | dates
held_activities = st.builds(HeldActivity, st.sampled_from(sorted(ACTIVITY_KINDS)), dates)


@st.composite
def case_facts(draw, programme_key=None, jurisdiction=None):
    key = programme_key or draw(st.sampled_from(sorted(programmes())))
    where = jurisdiction or programme(key).jurisdiction
    paragraphs = DANISH + CHILD_PROFESSIONAL if where == "DK" else SWEDISH
    referred = draw(dates)
    return CaseFacts(
        today=draw(dates),
        programme=programme(key),
        jurisdiction=where,
        law=law(where),
        legal_basis=tuple(draw(st.lists(st.sampled_from(paragraphs), max_size=4, unique=True))),
        started_on=referred + dt.timedelta(days=draw(st.integers(0, 60))),
        referred_on=referred,
        phase=draw(st.sampled_from(["", "uppstart", "allians", "forandring"])),
        phase_started_on=draw(optional_dates),
        held=tuple(draw(st.lists(held_activities, max_size=12))),
        placement_started_on=draw(optional_dates),
        investigation_started_on=draw(optional_dates),
        investigation_finished_on=draw(optional_dates),
        measure_started_on=draw(optional_dates),
        child_birth_dates=tuple(
            draw(st.lists(dates.map(lambda d: add_months(d, -17 * 12)), max_size=2))
        ),
        adults=tuple(
            AdultFact(number, draw(optional_dates), draw(optional_dates))
            for number in range(draw(st.integers(0, 2)))
        ),
        evaluated_on=tuple(draw(st.lists(dates, max_size=3))),
    )


@settings(deadline=None, max_examples=200)
@given(case_facts())
def test_due_items_are_deterministic_and_one_per_rule(facts):
    first = due_items(facts)
    assert first == due_items(facts)
    assert follow_up_periods(facts) == follow_up_periods(facts)
    rules = [item.rule for item in first]
    assert len(rules) == len(set(rules))
    assert first == sorted(first, key=lambda item: (item.due_on, item.rule))


@settings(deadline=None, max_examples=200)
@given(case_facts())
def test_a_due_date_is_never_before_the_event_it_counts_from(facts):
    for item in due_items(facts):
        assert item.counts_from <= item.due_on, item


FOLLOW_UP = "sammen-om-familien:follow-up"


def next_follow_up(facts) -> dt.date:
    found = [item.due_on for item in due_items(facts) if item.rule == FOLLOW_UP]
    return found[0] if found else dt.date.max


@settings(deadline=None, max_examples=200)
@given(case_facts("sammen-om-familien"), st.sampled_from(CHILD_PROFESSIONAL))
def test_adding_a_50_or_52_paragraph_never_lengthens_the_cadence(facts, paragraph):
    more = CaseFacts(**{**facts.__dict__, "legal_basis": (*facts.legal_basis, paragraph)})
    assert next_follow_up(more) <= next_follow_up(facts)
    periods = [p for p in follow_up_periods(more) if p.rule == FOLLOW_UP]
    held = [p.held_on for p in periods if p.held_on is not None]
    talks = sorted(h.held_on for h in facts.held if h.kind == "startup_talk")
    base = held[-1] if held else (talks[0] if talks else facts.started_on)
    assert periods[-1].held_on is None
    assert periods[-1].due_on == base + dt.timedelta(weeks=6)


def qualifying(rule) -> list[str]:
    return list(rule.activities)


@settings(deadline=None, max_examples=300)
@given(case_facts(), st.data())
def test_holding_a_qualifying_activity_today_never_leaves_that_rule_overdue(facts, data):
    found = facts.programme
    rules = [(f"{found.key}:", r) for r in found.rules] + [
        (f"law-{facts.jurisdiction.lower()}:", r) for r in facts.law.rules
    ]
    rules = [(prefix, rule) for prefix, rule in rules if rule.activities]
    prefix, rule = data.draw(st.sampled_from(rules))
    kind = data.draw(st.sampled_from(qualifying(rule)))
    after = CaseFacts(**{**facts.__dict__, "held": (*facts.held, HeldActivity(kind, facts.today))})
    keys = {f"{prefix}{rule.obligation_key}", f"{found.key}:{rule.obligation_key}"}
    for item in due_items(after):
        if item.rule in keys and item.title == rule.title:
            assert item.state(after.today) != OVERDUE, item


@given(st.dates(), st.integers(0, 40), st.sampled_from(["days", "weeks", "months", "years"]))
def test_durations_never_go_backwards(date, amount, unit):
    after = Duration(amount, unit).after(date) if date.year < 9900 else date
    assert after >= date
