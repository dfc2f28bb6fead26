"""The engine is total (samspel/followup/engine.py, "Dates"): no stored date and no stored
setting makes `due_items` or `follow_up_periods` raise, so no stored value can make a recompute
fail. The dates range over everything Python can represent, 1 January of year 1 to 31 December
9999; the settings over amounts far beyond what a form accepts."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samspel.followup.engine import (
    AdultFact,
    CaseFacts,
    HeldActivity,
    PlanFact,
    due_items,
    follow_up_periods,
)
from samspel.programmes.definitions import Duration
from samspel.programmes.describe import DURATION, HOURS, all_settings
from samspel.programmes.effective import law_for, resolve
from samspel.programmes.loader import ACTIVITY_KINDS, ProgrammeError, programme, programmes
from samspel.programmes.overrides import apply_overrides

ANY_DATE = st.dates(min_value=dt.date.min, max_value=dt.date.max)
# The far ends and their neighbours, where the arithmetic overflows, drawn often.
EDGES = st.sampled_from(
    [dt.date.min, dt.date(1, 1, 31), dt.date(9999, 1, 1), dt.date(9999, 12, 1), dt.date.max]
)
DATES = ANY_DATE | EDGES
OPTIONAL = st.none() | DATES
PARAGRAPHS = {
    "SE": ["SoL 4:1", "SoL 6:1", "SoL 11:1", "LVU 2 §"],
    "DK": ["SEL §50", "SEL §52", "BL §20", "BL §32", "BL §86", "BL §90", "SEL §11"],
}
HUGE = st.integers(0, 10**20)
PLAN_KINDS = ["care_plan", "implementation_plan", "child_plan"]


@st.composite
def overrides(draw, key: str) -> dict:
    """Stored values of the unlocked settings, up to amounts no form accepts."""
    chosen: dict = {}
    for setting in all_settings(programme(key)):
        if setting.locked or not draw(st.booleans()):
            continue
        if setting.kind == DURATION:
            unit = draw(st.sampled_from(["days", "weeks", "months", "years"]))
            value: object = {unit: draw(st.integers(1, 10**20))}
        elif setting.kind == HOURS:
            value = draw(HUGE)
        else:
            continue
        chosen.update({path: value for path in setting.paths})
    try:
        apply_overrides(programme(key), chosen)
    except ProgrammeError:
        chosen = {}  # a refused combination (e.g. fewest hours above the most) is never stored
    return chosen


@st.composite
def facts(draw) -> CaseFacts:
    key = draw(st.sampled_from(sorted(programmes())))
    where = programme(key).jurisdiction
    plans = st.builds(
        PlanFact,
        st.sampled_from(PLAN_KINDS),
        DATES,
        st.integers(0, 5),
        st.lists(DATES, max_size=3).map(tuple),
    )
    held = st.builds(HeldActivity, st.sampled_from(sorted(ACTIVITY_KINDS)), DATES)
    return CaseFacts(
        today=draw(DATES),
        programme=resolve(programme(key), draw(overrides(key))).programme,
        law=law_for(where),
        jurisdiction=where,
        legal_basis=tuple(draw(st.lists(st.sampled_from(PARAGRAPHS[where]), max_size=3))),
        started_on=draw(OPTIONAL),
        referred_on=draw(OPTIONAL),
        phase=draw(st.sampled_from(["", "uppstart", "allians", "forandring"])),
        phase_started_on=draw(OPTIONAL),
        held=tuple(draw(st.lists(held, max_size=8))),
        plans=tuple(draw(st.lists(plans, max_size=3))),
        placement_started_on=draw(OPTIONAL),
        investigation_decided_on=draw(OPTIONAL),
        investigation_started_on=draw(OPTIONAL),
        investigation_finished_on=draw(OPTIONAL),
        measure_started_on=draw(OPTIONAL),
        child_birth_dates=tuple(draw(st.lists(DATES, max_size=3))),
        adults=tuple(
            AdultFact(number, draw(OPTIONAL), draw(OPTIONAL))
            for number in range(draw(st.integers(0, 3)))
        ),
        evaluated_on=tuple(draw(st.lists(DATES, max_size=3))),
    )


@settings(deadline=None, max_examples=400)
@given(facts())
def test_no_stored_date_or_setting_makes_the_engine_raise(case_facts):
    items = due_items(case_facts)
    periods = follow_up_periods(case_facts)
    assert all(dt.date.min <= item.due_on <= dt.date.max for item in items)
    assert all(item.counts_from <= item.due_on for item in items)
    assert periods == sorted(periods, key=lambda period: (period.due_on, period.rule))


def test_a_birth_date_of_9999_12_31_gives_no_age_item_and_no_error():
    """The reported defect: the age rule added years to the birth date and overflowed."""
    base = dict(
        today=dt.date(2026, 12, 2),
        programme=programme("fifa"),
        law=law_for("SE"),
        jurisdiction="SE",
    )
    child_now = dt.date(2014, 6, 1)
    far = CaseFacts(**base, referred_on=dt.date(2026, 1, 2), child_birth_dates=(dt.date.max,))
    usual = CaseFacts(**base, referred_on=dt.date(2026, 1, 2), child_birth_dates=(child_now,))
    far_rules = {item.rule for item in due_items(far)}
    usual_rules = {item.rule for item in due_items(usual)}
    assert far_rules <= usual_rules


def test_an_interval_beyond_the_calendar_is_due_on_its_last_day():
    """ "Weekly follow-up every 10^20 months", stored before the bounds existed."""
    facts_ = CaseFacts(
        today=dt.date(2026, 12, 2),
        programme=resolve(
            programme("process-i-rorelse"), {"weekly-follow-up.every": {"months": 10**20}}
        ).programme,
        law=law_for("SE"),
        jurisdiction="SE",
        referred_on=dt.date(2026, 1, 2),
        started_on=dt.date(2026, 1, 2),
        placement_started_on=dt.date(2026, 1, 2),
        held=(HeldActivity("home_visit", dt.date(2026, 2, 2)),),
    )
    follow_up = [i for i in due_items(facts_) if i.rule == "process-i-rorelse:weekly-follow-up"]
    assert [item.due_on for item in follow_up] == [dt.date.max]


def test_saturated_arithmetic_keeps_ordinary_dates():
    """Normal dates are computed exactly as before (31 Jan + 1 month = 28 Feb)."""
    from samspel.followup.engine import _after, _before

    assert _after(Duration(1, "months"), dt.date(2026, 1, 31)) == dt.date(2026, 2, 28)
    assert _before(Duration(2, "weeks"), dt.date(2026, 1, 15)) == dt.date(2026, 1, 1)
    assert _after(Duration(1, "days"), dt.date.max) == dt.date.max
    assert _before(Duration(1, "days"), dt.date.min) == dt.date.min
    assert _after(Duration(10**20, "days"), dt.date(2026, 1, 1)) == dt.date.max
