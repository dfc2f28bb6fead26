"""Saving a plan: optimistic locking and a revision per save.

Every form that changes a plan carries the version it was loaded with. `plan_change` bumps the
version only if it is still that one — a single conditional UPDATE, so two saves of the same
version cannot both win — and raises StalePlan otherwise, before anything is written. The body
of the `with` block then makes the change, and a PlanRevision with the new snapshot is written
in the same transaction, and so is the recompute of the case's due items (samspel.followup)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samspel.followup.recompute import recompute_case
from samspel.plans.models import Goal, Plan, PlanChange, PlanRevision, SubGoal
from samspel.plans.rules import build_snapshot


class StalePlan(Exception):
    """Someone else saved the plan after the form was loaded."""


def write_revision(plan: Plan, user, change: str) -> PlanRevision:
    goals = list(Goal.objects.filter(plan=plan).order_by("id"))
    sub_goals = list(SubGoal.objects.filter(goal__plan=plan).order_by("target_date", "id"))
    coordination = list(plan.coordination.order_by("actor", "id"))
    return PlanRevision.objects.create(
        plan=plan,
        version=plan.version,
        change=change,
        snapshot=build_snapshot(plan, goals, sub_goals, coordination),
        saved_by=user,
    )


@contextmanager
def plan_change(plan: Plan, loaded_version: int, user, change: str) -> Iterator[Plan]:
    """Change the plan only if nobody saved it since `loaded_version` was read."""
    with transaction.atomic():
        bumped = Plan.objects.filter(pk=plan.pk, version=loaded_version).update(
            version=F("version") + 1, updated_by=user, updated_at=timezone.now()
        )
        if bumped != 1:
            raise StalePlan
        plan.version = loaded_version + 1
        plan.updated_by = user
        yield plan
        write_revision(plan, user, change)
        recompute_case(plan.case)


def create_plan(case, user, *, kind: str, title: str, starts_on) -> Plan:
    with transaction.atomic():
        plan = Plan.objects.create(
            case=case,
            kind=kind,
            title=title,
            starts_on=starts_on,
            created_by=user,
            updated_by=user,
        )
        write_revision(plan, user, PlanChange.CREATED)
        recompute_case(case)
    return plan
