"""Table tests of every programme and statutory rule against the seeds' own numbers."""

import datetime as dt

import pytest

from samspel.followup import messages as M
from samspel.followup.engine import (
    DUE_SOON,
    OVERDUE,
    UPCOMING,
    AdultFact,
    CaseFacts,
    HeldActivity,
    PlanFact,
    due_items,
    follow_up_periods,
)
from samspel.programmes.effective import resolve
from samspel.programmes.loader import law, programme, programmes

START = dt.date(2025, 1, 6)


def facts(key="sammen-om-familien", jurisdiction="DK", overrides=None, **values) -> CaseFacts:
    """The facts of a case on programme `key`, with an organisation's `overrides` resolved as
    samspel.programmes.effective resolves them."""
    values.setdefault("today", START)
    values.setdefault("started_on", START)
    values.setdefault("referred_on", START)
    runs = resolve(programme(key), overrides).programme if key in programmes() else None
    return CaseFacts(programme=runs, jurisdiction=jurisdiction, law=law(jurisdiction), **values)


def item(found: CaseFacts, rule: str):
    matches = [i for i in due_items(found) if i.rule == rule]
    return matches[0] if matches else None


def held(kind: str, on: dt.date, context: str = "") -> HeldActivity:
    return HeldActivity(kind, on, context)


@pytest.mark.parametrize(
    ("basis", "due_on"),
    [
        (("SEL §41", "SEL §42"), dt.date(2025, 4, 6)),
        (("SEL §41", "SEL §44", "SEL §11"), dt.date(2025, 4, 6)),
        (("SEL §42", "SEL §52a stk. 1 nr. 1"), dt.date(2025, 4, 6)),
        (("BL §86", "BL §87"), dt.date(2025, 4, 6)),
        (("BL §90", "BL §30"), dt.date(2025, 4, 6)),
        (("SEL §41", "SEL §50"), START + dt.timedelta(weeks=6)),
        (("SEL §52",), START + dt.timedelta(weeks=6)),
        (("SEL §50", "SEL §52"), START + dt.timedelta(weeks=6)),
        (("BL §20",), START + dt.timedelta(weeks=6)),
        (("BL §86", "BL §32"), START + dt.timedelta(weeks=6)),
        (("SEL §44", "BL §20"), START + dt.timedelta(weeks=6)),
    ],
)
def test_sammen_om_familien_cadence_follows_the_legal_basis(basis, due_on):
    found = item(facts(legal_basis=basis), "sammen-om-familien:follow-up")
    assert found.due_on == due_on
    assert found.source == "programme"


def test_no_cadence_without_a_compensation_or_child_professional_paragraph():
    assert item(facts(legal_basis=("SEL §11",)), "sammen-om-familien:follow-up") is None
    assert item(facts(legal_basis=()), "sammen-om-familien:follow-up") is None


def test_follow_up_counts_from_the_last_held_and_explains_why():
    last = dt.date(2025, 3, 3)
    found = item(
        facts(
            legal_basis=("SEL §41", "SEL §50"),
            held=(held("follow_up_meeting", dt.date(2025, 2, 10)), held("follow_up_meeting", last)),
            today=dt.date(2025, 3, 10),
        ),
        "sammen-om-familien:follow-up",
    )
    assert found.counts_from == last
    assert found.due_on == last + dt.timedelta(weeks=6)
    assert found.explanation.message == M.EVERY_BY_BASIS_LAST
    assert found.explanation.params["paragraph"] == "SEL §50 (BL §20)"
    assert found.explanation.params["interval"] == "6 weeks"
    assert found.explanation.params["last"] == "2025-03-03"


def test_sms_and_calls_are_not_follow_ups():
    contacts = (held("sms", dt.date(2025, 2, 1)), held("phone_call", dt.date(2025, 2, 2)))
    found = item(facts(legal_basis=("SEL §52",), held=contacts), "sammen-om-familien:follow-up")
    assert found.counts_from == START


def test_a_locked_cadence_override_is_left_out_and_the_data_files_value_applies():
    locked = {"follow-up.cadences[0].every": {"months": 6}}
    assert due_items(facts(legal_basis=("SEL §52",), overrides=locked)) == due_items(
        facts(legal_basis=("SEL §52",))
    )


def test_unlocked_override_changes_the_due_date():
    found = item(
        facts(overrides={"startup-talk.within": {"days": 7}}), "sammen-om-familien:startup-talk"
    )
    assert found.due_on == START + dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("rule", "kind", "due_on"),
    [
        ("startup-talk", "startup_talk", START + dt.timedelta(days=14)),
        ("child-conversation", "child_observation", dt.date(2025, 2, 6)),
        ("network-meeting", "network_meeting", START + dt.timedelta(weeks=6)),
    ],
)
def test_sammen_om_familien_start_items_close_when_held(rule, kind, due_on):
    assert item(facts(), f"sammen-om-familien:{rule}").due_on == due_on
    closed = facts(held=(held(kind, START + dt.timedelta(days=3)),))
    assert item(closed, f"sammen-om-familien:{rule}") is None


def test_transition_alert_when_a_child_turns_17():
    born = dt.date(2008, 5, 1)
    before = facts(child_birth_dates=(born,), today=dt.date(2025, 4, 30))
    assert item(before, "sammen-om-familien:transition") is None
    turned = facts(child_birth_dates=(born,), today=dt.date(2025, 5, 1))
    found = item(turned, "sammen-om-familien:transition")
    assert (found.counts_from, found.due_on) == (dt.date(2025, 5, 1), dt.date(2025, 8, 1))
    assert found.explanation.params == {"age": "17", "birthday": "2025-05-01"}
    handed_over = facts(
        child_birth_dates=(born,),
        today=dt.date(2025, 6, 1),
        held=(held("handover_meeting", dt.date(2025, 5, 20)),),
    )
    assert item(handed_over, "sammen-om-familien:transition") is None


def foster_home(**values):
    values.setdefault("placement_started_on", dt.date(2024, 1, 1))
    return facts("process-i-rorelse", "SE", **values)


@pytest.mark.parametrize(("days", "state"), [(1, DUE_SOON), (7, DUE_SOON), (8, OVERDUE)])
def test_foster_home_weekly_follow_up(days, state):
    last = dt.date(2025, 3, 3)
    for kind in ("home_visit", "video_call"):
        found = foster_home(held=(held(kind, last),), today=last + dt.timedelta(days=days))
        weekly = item(found, "process-i-rorelse:weekly-follow-up")
        assert weekly.due_on == last + dt.timedelta(days=7)
        assert weekly.state(found.today) == state


def test_foster_home_phone_call_is_not_a_weekly_follow_up():
    last = dt.date(2025, 3, 3)
    found = foster_home(
        held=(held("home_visit", last), held("phone_call", dt.date(2025, 3, 9))),
        today=dt.date(2025, 3, 11),
    )
    assert item(found, "process-i-rorelse:weekly-follow-up").state(found.today) == OVERDUE


def test_foster_home_consultant_evaluation_every_3_months():
    found = foster_home(evaluated_on=(dt.date(2025, 2, 1),), today=dt.date(2025, 3, 1))
    evaluation = item(found, "process-i-rorelse:consultant-evaluation")
    assert evaluation.due_on == dt.date(2025, 5, 1)
    assert evaluation.explanation.params["activities"] == M.EVALUATION


def bfamily(**values):
    return facts("bfamily", "SE", **values)


def test_bfamily_32_days_in_uppstart_is_overdue():
    found = bfamily(phase="uppstart", phase_started_on=START, today=START + dt.timedelta(32))
    phase = item(found, "bfamily:phase")
    assert phase.due_on == dt.date(2025, 2, 6)
    assert phase.state(found.today) == OVERDUE
    assert phase.explanation.params["phase"] == "Uppstart"


def test_bfamily_a_case_without_a_phase_is_in_uppstart_from_its_start():
    phase = item(bfamily(today=START + dt.timedelta(20)), "bfamily:phase")
    assert (phase.counts_from, phase.due_on) == (START, dt.date(2025, 2, 6))


@pytest.mark.parametrize(
    ("phase", "due_on"), [("allians", dt.date(2025, 3, 6)), ("forandring", None)]
)
def test_bfamily_later_phases(phase, due_on):
    found = item(bfamily(phase=phase, phase_started_on=START), "bfamily:phase")
    assert (found.due_on if found else None) == due_on


@pytest.mark.parametrize("fact", ["asked_about_children_on", "parenting_support_offered_on"])
def test_fifa_due_at_case_start_until_answered(fact):
    rule = {
        "asked_about_children_on": "fifa:asked-about-children",
        "parenting_support_offered_on": "fifa:parenting-support-offered",
    }[fact]
    found = item(facts("fifa", "SE"), rule)
    assert (found.counts_from, found.due_on) == (START, START + dt.timedelta(days=14))
    assert item(facts("fifa", "SE", adults=(AdultFact(1, **{fact: START}),)), rule) is None


def test_familjelotsen_has_no_deadlines_of_its_own():
    assert due_items(facts("familjelotsen", "SE")) == []


# Statutory overlay ------------------------------------------------------------------------------


def test_dk_investigation_within_4_months():
    opened = dt.date(2025, 2, 10)
    found = facts(legal_basis=("SEL §50",), investigation_started_on=opened)
    investigation = item(found, "law-dk:investigation")
    assert investigation.due_on == dt.date(2025, 6, 10)
    assert investigation.source == "law"
    assert investigation.explanation.params["law"] == "Barnets lov §20"
    done = facts(
        legal_basis=("SEL §50",),
        investigation_started_on=opened,
        investigation_finished_on=dt.date(2025, 4, 1),
    )
    assert item(done, "law-dk:investigation") is None


def test_dk_child_plan_within_3_months_of_a_32_measure_or_a_placement():
    measure = facts(legal_basis=("BL §32",), measure_started_on=dt.date(2025, 2, 1))
    assert item(measure, "law-dk:child-plan").due_on == dt.date(2025, 5, 1)
    placed = facts(legal_basis=("BL §86",), placement_started_on=dt.date(2025, 1, 20))
    assert item(placed, "law-dk:child-plan").due_on == dt.date(2025, 4, 20)
    planned = facts(
        legal_basis=("BL §32",),
        measure_started_on=dt.date(2025, 2, 1),
        plans=(PlanFact("child_plan", dt.date(2025, 3, 1)),),
    )
    assert item(planned, "law-dk:child-plan") is None


def test_dk_first_follow_up_at_the_earliest_of_investigation_end_or_3_months():
    # Compensation-only cadence (3 months from 6 Jan) against §95: the law is earlier.
    found = facts(
        legal_basis=("SEL §41", "SEL §52"),
        started_on=dt.date(2024, 12, 1),
        measure_started_on=dt.date(2025, 1, 10),
        investigation_finished_on=dt.date(2025, 1, 8),
    )
    follow_up = item(found, "sammen-om-familien:follow-up")
    assert follow_up.due_on == dt.date(2025, 1, 8)
    assert follow_up.source == "law"
    assert follow_up.explanation.message == M.LAW_AT
    assert [i.rule for i in due_items(found)].count("sammen-om-familien:follow-up") == 1


def test_dk_first_follow_up_for_another_programme_has_its_own_key():
    found = facts("fifa", "DK", legal_basis=("BL §32",), measure_started_on=dt.date(2025, 2, 1))
    assert item(found, "law-dk:follow-up").due_on == dt.date(2025, 5, 1)


def test_dk_placed_child_two_supervision_visits_a_year():
    placed = dt.date(2024, 1, 15)
    found = facts(
        placement_started_on=placed, held=(held("supervision_visit", dt.date(2024, 6, 1)),)
    )
    assert item(found, "law-dk:supervision-visit").due_on == dt.date(2024, 12, 1)


def sweden(**values):
    return facts("bfamily", "SE", **values)


def test_se_decision_whether_to_investigate_within_14_days_of_referral():
    found = sweden(legal_basis=("SoL 11:1",), referred_on=dt.date(2025, 1, 2))
    assert item(found, "law-se:investigation-decision").due_on == dt.date(2025, 1, 16)
    opened = sweden(legal_basis=("SoL 11:1",), investigation_decided_on=dt.date(2025, 1, 10))
    assert item(opened, "law-se:investigation-decision") is None


def test_se_investigation_within_4_months():
    found = sweden(investigation_started_on=dt.date(2025, 1, 31))
    assert item(found, "law-se:investigation").due_on == dt.date(2025, 5, 31)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (dt.date(2025, 6, 20), UPCOMING),
        (dt.date(2025, 6, 24), DUE_SOON),
        (dt.date(2025, 7, 1), DUE_SOON),
        (dt.date(2025, 7, 2), OVERDUE),
    ],
)
def test_se_placed_child_without_consideration_for_6_months_is_overdue(today, state):
    found = sweden(placement_started_on=dt.date(2025, 1, 1), today=today)
    consideration = item(found, "law-se:consideration")
    assert consideration.due_on == dt.date(2025, 7, 1)
    assert consideration.state(today) == state


def test_se_consideration_counts_from_the_last_one():
    found = sweden(
        placement_started_on=dt.date(2025, 1, 1),
        held=(held("consideration", dt.date(2025, 6, 15)),),
        today=dt.date(2025, 7, 2),
    )
    assert item(found, "law-se:consideration").due_on == dt.date(2025, 12, 15)


def test_se_care_plan_revised_by_two_years_of_placement():
    placed = dt.date(2023, 3, 1)
    old_plan = PlanFact("care_plan", dt.date(2023, 2, 20))
    found = sweden(placement_started_on=placed, plans=(old_plan,))
    assert item(found, "law-se:care-plan-revision").due_on == dt.date(2025, 3, 1)
    revised = PlanFact("care_plan", dt.date(2024, 11, 1))
    assert (
        item(sweden(placement_started_on=placed, plans=(revised,)), "law-se:care-plan-revision")
        is None
    )


def test_se_custody_transfer_at_two_years_then_yearly():
    placed = dt.date(2022, 3, 1)
    considerations = tuple(
        held("consideration", day)
        for day in (
            dt.date(2022, 9, 1),
            dt.date(2023, 3, 1),
            dt.date(2023, 9, 1),
            dt.date(2024, 2, 20),
        )
    )
    found = sweden(placement_started_on=placed, held=considerations, today=dt.date(2024, 6, 1))
    custody = item(found, "law-se:custody-transfer")
    # The 2-year date (1 Mar 2024) was closed by the övervägande of 20 Feb 2024.
    assert custody.due_on == dt.date(2025, 3, 1)
    periods = [p for p in follow_up_periods(found) if p.rule == "law-se:custody-transfer"]
    assert [(p.due_on, p.held_on) for p in periods] == [
        (dt.date(2024, 3, 1), dt.date(2024, 2, 20)),
        (dt.date(2025, 3, 1), None),
    ]
    late = sweden(placement_started_on=placed, today=dt.date(2024, 6, 1))
    assert item(late, "law-se:custody-transfer").state(late.today) == OVERDUE


def test_follow_up_periods_record_on_time_and_late():
    found = foster_home(
        placement_started_on=dt.date(2025, 3, 1),
        held=(held("home_visit", dt.date(2025, 3, 7)), held("video_call", dt.date(2025, 3, 20))),
        today=dt.date(2025, 3, 21),
    )
    periods = [
        p for p in follow_up_periods(found) if p.rule == "process-i-rorelse:weekly-follow-up"
    ]
    assert [(p.due_on, p.held_on, p.on_time) for p in periods] == [
        (dt.date(2025, 3, 8), dt.date(2025, 3, 7), True),
        (dt.date(2025, 3, 14), dt.date(2025, 3, 20), False),
        (dt.date(2025, 3, 27), None, False),
    ]


def test_next_sub_goal_target_is_a_plan_item():
    plan = PlanFact("implementation_plan", START, 2, (dt.date(2024, 12, 1), dt.date(2025, 2, 1)))
    found = item(bfamily(plans=(plan,), phase="forandring"), "plan:sub-goal")
    assert (found.due_on, found.source) == (dt.date(2025, 2, 1), "plan")
    assert found.state(START) == UPCOMING


def test_unknown_programme_gets_only_the_law():
    found = facts("our-own", "SE", placement_started_on=START)
    assert found.programme is None
    assert {i.source for i in due_items(found)} == {"law"}


def test_unknown_paragraphs_are_ignored_by_the_engine():
    assert item(facts(legal_basis=("SEL §999", "SEL §41")), "sammen-om-familien:follow-up")
