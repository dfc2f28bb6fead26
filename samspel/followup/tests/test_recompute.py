import datetime as dt

import pytest
import time_machine

from conftest import set_legal_basis
from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import CaseGrant, CaseStatus
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.followup.recompute import facts_for_case, recompute_case
from samspel.followup.tests import fake_engine
from samspel.plans.models import Goal, Plan, PlanKind, ResponsibleParty, SubGoal

TODAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    fake_engine.install(monkeypatch)


@pytest.fixture
def active_case(case):
    case.status = CaseStatus.ACTIVE
    case.referred_on = dt.date(2026, 1, 2)
    case.activated_on = dt.date(2026, 1, 5)
    case.save()
    return case


def held(case, kind, on, context=""):
    return Activity.objects.create(
        case=case,
        kind=kind,
        context=context,
        status=ActivityStatus.HELD,
        held_on=on,
        created_by=case.responsible,
    )


def make_plan(case, kind=PlanKind.IMPLEMENTATION_PLAN):
    return Plan.objects.create(
        case=case,
        kind=kind,
        title="Plan",
        starts_on=dt.date(2026, 1, 10),
        created_by=case.responsible,
        updated_by=case.responsible,
    )


def make_sub_goal(plan, target):
    goal = Goal.objects.create(
        plan=plan, text="Trygg vardag", responsible_party=ResponsibleParty.FAMILY
    )
    return SubGoal.objects.create(
        goal=goal,
        what="Frukost varje dag",
        indicator="Dagbok",
        target_date=target,
        responsible_party=ResponsibleParty.FAMILY,
    )


def stored(case):
    return {item.rule: item.due_on for item in DueItem.objects.filter(case=case)}


def test_facts_carry_the_case_its_activities_plans_and_children(active_case, child, personas):
    child.birth_date = dt.date(2015, 6, 1)
    child.save()
    held(active_case, "home_visit", dt.date(2026, 2, 1), "home")
    Activity.objects.create(
        case=active_case,
        kind="home_visit",
        status=ActivityStatus.PLANNED,
        created_by=personas["worker"],
    )
    sub_goal = make_sub_goal(make_plan(active_case), dt.date(2026, 5, 1))
    CaseGrant.objects.create(
        case=active_case, user=personas["outsider"], can_write=True, granted_by=personas["worker"]
    )
    facts = facts_for_case(active_case, TODAY)
    assert facts.today == TODAY and facts.jurisdiction == "SE"
    assert facts.programme.key == "fifa" and facts.legal_basis == ("SoL 4:1",)
    assert facts.started_on == dt.date(2026, 1, 5) and facts.referred_on == dt.date(2026, 1, 2)
    assert [(h.kind, h.held_on, h.context) for h in facts.held] == [
        ("home_visit", dt.date(2026, 2, 1), "home")
    ]
    (plan,) = facts.plans
    assert plan.measurable_subgoals == 1 and plan.subgoal_targets == (sub_goal.target_date,)
    assert facts.child_birth_dates == (dt.date(2015, 6, 1),)
    assert facts.team_size == 3  # responsible, buddy and the colleague with write access


def test_recompute_stores_the_items_with_the_case_people(active_case):
    change = recompute_case(active_case, TODAY)
    item = DueItem.objects.get(case=active_case)
    assert change.added == ["fake:follow-up"] and change.changed
    assert item.due_on == dt.date(2026, 2, 4)
    assert item.explanation == "every 30 days; last held %(last)s"
    assert item.explanation_params == {"last": "2026-01-05"}
    assert (item.responsible_id, item.buddy_id, item.team_id, item.programme) == (
        active_case.responsible_id,
        active_case.buddy_id,
        active_case.team_id,
        "fifa",
    )
    assert FollowUpPeriod.objects.filter(case=active_case, held_on=None).count() == 1


def test_recompute_is_idempotent(active_case, django_assert_max_num_queries):
    held(active_case, "home_visit", dt.date(2026, 2, 1))
    recompute_case(active_case, TODAY)
    before = list(DueItem.objects.values_list("pk", "rule", "due_on"))
    periods = list(FollowUpPeriod.objects.values_list("pk", "due_on", "held_on"))
    with django_assert_max_num_queries(10):
        change = recompute_case(active_case, TODAY)
    assert not change.changed
    assert list(DueItem.objects.values_list("pk", "rule", "due_on")) == before
    assert list(FollowUpPeriod.objects.values_list("pk", "due_on", "held_on")) == periods


def test_the_query_count_does_not_grow_with_activities(active_case, django_assert_max_num_queries):
    for day in range(1, 40):
        held(active_case, "home_visit", dt.date(2026, 1, 5) + dt.timedelta(days=day))
    make_sub_goal(make_plan(active_case), dt.date(2026, 5, 1))
    with django_assert_max_num_queries(16):
        recompute_case(active_case, TODAY)
    assert FollowUpPeriod.objects.filter(case=active_case).count() == 40


def test_a_held_qualifying_activity_moves_the_item(active_case):
    recompute_case(active_case, TODAY)
    held(active_case, "sms", dt.date(2026, 3, 1))
    assert not recompute_case(active_case, TODAY).moved
    held(active_case, "home_visit", dt.date(2026, 3, 2))
    change = recompute_case(active_case, TODAY)
    assert change.moved == [("fake:follow-up", dt.date(2026, 2, 4), dt.date(2026, 4, 1))]
    assert stored(active_case) == {"fake:follow-up": dt.date(2026, 4, 1)}


def test_rules_that_no_longer_apply_are_removed(active_case):
    set_legal_basis(active_case, ["SoL 11:1"])
    recompute_case(active_case, TODAY)
    assert set(stored(active_case)) == {"fake:follow-up", "fake:law"}
    set_legal_basis(active_case, ["SoL 4:1"])
    change = recompute_case(active_case, TODAY)
    assert change.removed == ["fake:law"]
    assert set(stored(active_case)) == {"fake:follow-up"}


def test_a_new_responsible_worker_is_copied(active_case, personas):
    recompute_case(active_case, TODAY)
    active_case.responsible = personas["leader"]
    active_case.buddy = None
    change = recompute_case(active_case, TODAY)
    assert not change.moved and not change.added
    item = DueItem.objects.get(case=active_case)
    assert item.responsible_id == personas["leader"].pk and item.buddy_id is None


def test_a_closed_case_has_nothing_due_and_its_history_stops(active_case):
    held(active_case, "home_visit", dt.date(2026, 2, 1))
    recompute_case(active_case, TODAY)
    active_case.status = CaseStatus.CLOSED
    active_case.closed_on = dt.date(2026, 2, 10)
    change = recompute_case(active_case, TODAY)
    assert change.removed == ["fake:follow-up"]
    assert not DueItem.objects.filter(case=active_case).exists()
    assert FollowUpPeriod.objects.filter(case=active_case).count() == 2


@time_machine.travel(NOW, tick=False)
def test_today_defaults_to_the_local_date(active_case, monkeypatch):
    seen = []
    monkeypatch.setattr(
        fake_engine.engine,
        "evaluate",
        lambda facts: seen.append(facts.today) or fake_engine.evaluate(facts),
    )
    recompute_case(active_case)
    assert seen == [TODAY]


def test_a_plan_saved_through_the_plan_service_recomputes(active_case, monkeypatch):
    from samspel.plans.versioning import create_plan

    kinds = []
    monkeypatch.setattr(
        fake_engine.engine,
        "evaluate",
        lambda facts: (
            kinds.append(tuple(p.kind for p in facts.plans)) or fake_engine.evaluate(facts)
        ),
    )
    create_plan(
        active_case,
        active_case.responsible,
        kind=PlanKind.CARE_PLAN,
        title="Vårdplan",
        starts_on=TODAY,
    )
    assert kinds == [("care_plan",)]


def test_sub_goals_count_as_measurable(active_case):
    plan = make_plan(active_case, PlanKind.IMPLEMENTATION_PLAN)
    make_plan(active_case, PlanKind.CARE_PLAN)
    for day in (2, 1):
        make_sub_goal(plan, dt.date(2026, 5, day))
    facts = {p.kind: p for p in facts_for_case(active_case, TODAY).plans}
    assert facts["implementation_plan"].measurable_subgoals == 2
    assert facts["implementation_plan"].subgoal_targets == (
        dt.date(2026, 5, 1),
        dt.date(2026, 5, 2),
    )
    assert facts["care_plan"].measurable_subgoals == 0
