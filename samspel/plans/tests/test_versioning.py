"""Optimistic locking and revisions (samspel.plans.versioning)."""

import pytest

from samspel.plans.models import Goal, Plan, PlanChange, PlanRevision
from samspel.plans.versioning import StalePlan, plan_change


def _add_goal(plan, text="Mål"):
    return Goal.objects.create(plan=plan, text=text, responsible_party="family")


def test_a_new_plan_is_version_1_with_its_first_revision(plan):
    assert plan.version == 1
    revision = plan.revisions.get()
    assert (revision.version, revision.change) == (1, PlanChange.CREATED)
    assert revision.snapshot["title"] == plan.title
    assert revision.snapshot["goals"] == []


def test_a_change_bumps_the_version_and_writes_a_snapshot(plan, personas):
    with plan_change(plan, 1, personas["buddy"], PlanChange.GOAL_ADDED):
        goal = _add_goal(plan, "Elsa går i skolan")
    assert plan.version == 2
    stored = Plan.objects.get(pk=plan.pk)
    assert stored.version == 2
    assert stored.updated_by == personas["buddy"]
    revision = plan.revisions.get(version=2)
    assert revision.saved_by == personas["buddy"]
    assert revision.snapshot["goals"][0]["id"] == str(goal.public_id)
    assert revision.snapshot["goals"][0]["text"] == "Elsa går i skolan"


def test_a_stale_version_raises_before_anything_is_written(plan, personas):
    with plan_change(plan, 1, personas["buddy"], PlanChange.GOAL_ADDED):
        _add_goal(plan)
    stale = Plan.objects.get(pk=plan.pk)
    ran = []
    with pytest.raises(StalePlan), plan_change(stale, 1, personas["worker"], PlanChange.EDITED):
        ran.append(True)
    assert ran == []
    assert Plan.objects.get(pk=plan.pk).version == 2
    assert PlanRevision.objects.filter(plan=plan).count() == 2


def test_two_saves_from_the_same_version_cannot_both_win(plan, personas):
    first, second = Plan.objects.get(pk=plan.pk), Plan.objects.get(pk=plan.pk)
    with plan_change(first, 1, personas["worker"], PlanChange.GOAL_ADDED):
        _add_goal(first, "Först")
    with pytest.raises(StalePlan), plan_change(second, 1, personas["buddy"], PlanChange.GOAL_ADDED):
        _add_goal(second, "Sedan")
    assert list(Goal.objects.filter(plan=plan).values_list("text", flat=True)) == ["Först"]


def test_an_error_inside_the_change_rolls_back_the_version(plan, personas):
    with pytest.raises(RuntimeError), plan_change(plan, 1, personas["worker"], PlanChange.EDITED):
        _add_goal(plan)
        raise RuntimeError("boom")
    assert Plan.objects.get(pk=plan.pk).version == 1
    assert not Goal.objects.filter(plan=plan).exists()
    assert plan.revisions.count() == 1
