"""plans.services.change_part: one write path for a goal, a sub-goal and a coordination
responsibility; each kind changes only its own fields, as one versioned plan change."""

import pytest

from samspel.plans import services
from samspel.plans.models import CoordinationResponsibility, Goal, PlanChange, SubGoal


def _parts(plan):
    goal = Goal.objects.filter(plan=plan, parent__isnull=False).first()
    sub_goal = SubGoal.objects.filter(goal__plan=plan).first()
    item = CoordinationResponsibility.objects.create(
        plan=plan, actor="Skolan", coordinator="family"
    )
    return {"goal": goal, "sub_goal": sub_goal, "coordination": item}


CASES = [
    ("goal", {"text": "Elsa trivs."}, PlanChange.GOAL_CHANGED, "what"),
    ("sub_goal", {"what": "Elsa går till skolan."}, PlanChange.SUBGOAL_CHANGED, "text"),
    ("coordination", {"note": "Veckobrev"}, PlanChange.COORDINATION_CHANGED, "text"),
]


@pytest.mark.parametrize("kind, changes, change, foreign", CASES)
def test_changes_the_part_as_one_versioned_change(
    personas, full_plan, kind, changes, change, foreign
):
    part = _parts(full_plan)[kind]
    version = full_plan.version
    services.change_part(full_plan, part, version=version, by=personas["worker"], **changes)
    part.refresh_from_db()
    full_plan.refresh_from_db()
    assert all(getattr(part, name) == value for name, value in changes.items())
    assert full_plan.version == version + 1
    assert full_plan.revisions.order_by("-id").first().change == change


@pytest.mark.parametrize("kind, changes, change, foreign", CASES)
def test_a_field_of_another_kind_is_refused(personas, full_plan, kind, changes, change, foreign):
    part = _parts(full_plan)[kind]
    version = full_plan.version
    with pytest.raises(TypeError):
        services.change_part(
            full_plan, part, version=version, by=personas["worker"], **{foreign: "x"}
        )
    full_plan.refresh_from_db()
    assert full_plan.version == version
