"""The phase rules on their own: B'family's phases from the programme data (DOMAIN.md §3.3)."""

import datetime as dt

from samspel.followup.engine import CaseFacts, PlanFact
from samspel.followup.phases import (
    current_phase,
    missing_exit_criteria,
    next_phase,
    phase_started,
    phases_for,
)
from samspel.programmes.loader import law, programme

TODAY = dt.date(2026, 3, 10)
PHASES = phases_for("bfamily")


def facts(**values) -> CaseFacts:
    return CaseFacts(
        today=TODAY, programme=programme("bfamily"), jurisdiction="SE", law=law("SE"), **values
    )


def messages(phase_key, **values):
    phase = current_phase(PHASES, phase_key)
    return [(m.message, m.params) for m in missing_exit_criteria(phase, facts(**values))]


def test_bfamily_has_three_phases_in_order():
    assert [p.key for p in PHASES] == ["uppstart", "allians", "forandring"]
    assert phases_for("fifa") == ()


def test_a_case_without_a_phase_is_in_the_first_one():
    assert current_phase(PHASES, "").key == "uppstart"
    assert next_phase(PHASES, "").key == "allians"
    assert next_phase(PHASES, "forandring") is None
    assert current_phase(PHASES, "unknown") is None and next_phase(PHASES, "unknown") is None
    assert current_phase((), "") is None


def test_startup_needs_a_care_plan_and_a_team_of_two_or_three():
    missing = messages("uppstart", team_size=1)
    assert missing[0] == ("a care plan (vårdplan)", {})
    assert missing[1][1] == {"min": "2", "max": "3", "size": "1"}
    care_plan = PlanFact("care_plan", dt.date(2026, 2, 1))
    assert messages("uppstart", team_size=2, plans=(care_plan,)) == []
    assert len(messages("uppstart", team_size=4, plans=(care_plan,))) == 1


def test_alliance_needs_an_implementation_plan_with_a_measurable_sub_goal():
    assert [m for m, _ in messages("allians")] == [
        "an implementation plan (genomförandeplan)",
        "at least %(count)s measurable sub-goal(s) in the plan",
    ]
    empty = PlanFact("implementation_plan", dt.date(2026, 2, 1))
    assert messages("allians", plans=(empty,)) == [
        ("at least %(count)s measurable sub-goal(s) in the plan", {"count": "1"})
    ]
    # Sub-goals on another kind of plan do not count.
    care = PlanFact("care_plan", dt.date(2026, 2, 1), measurable_subgoals=3)
    assert len(messages("allians", plans=(empty, care))) == 1
    measurable = PlanFact("implementation_plan", dt.date(2026, 2, 1), measurable_subgoals=1)
    assert messages("allians", plans=(measurable,)) == []


def test_the_phase_started_on_its_recorded_date_or_the_case_start():
    assert phase_started(facts(started_on=dt.date(2026, 1, 5))) == dt.date(2026, 1, 5)
    both = facts(started_on=dt.date(2026, 1, 5), phase_started_on=dt.date(2026, 2, 1))
    assert phase_started(both) == dt.date(2026, 2, 1)
