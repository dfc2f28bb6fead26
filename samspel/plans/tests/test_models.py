import datetime as dt

import pytest
from django.db import IntegrityError

from samspel.plans.models import Goal, Progress, ResponsibleParty, SubGoal


def test_the_responsible_party_shows_the_actor_by_name(plan):
    family = Goal(plan=plan, text="x", responsible_party=ResponsibleParty.FAMILY)
    actor = Goal(
        plan=plan, text="x", responsible_party=ResponsibleParty.ACTOR, responsible_actor="PPR"
    )
    assert family.responsible_display == "The family"
    assert actor.responsible_display == "PPR"


def test_a_plan_changed_since_the_agreement(plan):
    assert not plan.changed_since_agreement  # never agreed
    plan.agreed_version = 1
    assert not plan.changed_since_agreement
    plan.version = 2
    assert plan.changed_since_agreement


def test_the_database_keeps_progress_on_the_0_to_10_scale(plan, personas):
    long_term = Goal.objects.create(plan=plan, text="L", responsible_party="family")
    goal = Goal.objects.create(plan=plan, parent=long_term, text="S", responsible_party="family")
    sub_goal = SubGoal.objects.create(
        goal=goal,
        what="w",
        indicator="i",
        target_date=dt.date(2026, 5, 1),
        responsible_party="family",
    )
    with pytest.raises(IntegrityError):
        Progress.objects.create(
            sub_goal=sub_goal, on=dt.date(2026, 4, 1), value=11, recorded_by=personas["worker"]
        )


def test_deleting_a_case_removes_its_plans(case, full_plan):
    from samspel.plans.models import Plan

    case.grants.all().delete()
    case.delete()
    assert not Plan.objects.exists()
    assert not Progress.objects.exists()
