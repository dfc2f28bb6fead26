"""Writing a plan, changing it, its goals, sub-goals, coordination and the family's agreement,
and rating progress: the one way code changes a plan and what hangs off it.

Each function refuses a closed case first (samspel.cases.refusals: a closed case is frozen), then
runs in one transaction with explicit fields and one audit record. Changes of the plan itself are
versioned (samspel.plans.versioning.plan_change: the optimistic lock, a revision, the recompute
of the case's due items) and raise StalePlan when someone else saved since `version` was read.
Progress ratings are added over time and change nothing already written, so they are not
versioned and do not touch the plan's lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import models, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samspel.accounts.models import User
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case
from samspel.cases.refusals import refuse_if_closed
from samspel.plans import versioning
from samspel.plans.models import (
    CoordinationResponsibility,
    Goal,
    Plan,
    PlanChange,
    Progress,
    SubGoal,
)
from samspel.plans.versioning import StalePlan

PLAN_FIELDS = ("kind", "title", "starts_on")
GOAL_FIELDS = ("text", "goal_areas", "responsible_party", "responsible_actor")
SUB_GOAL_FIELDS = ("what", "indicator", "target_date", "responsible_party", "responsible_actor")
COORDINATION_FIELDS = ("actor", "coordinator", "note")
# The plan change recorded and the fields allowed, by the kind of part changed.
_CHANGES: dict[type, tuple[str, tuple[str, ...]]] = {
    Goal: (PlanChange.GOAL_CHANGED, GOAL_FIELDS),
    SubGoal: (PlanChange.SUBGOAL_CHANGED, SUB_GOAL_FIELDS),
    CoordinationResponsibility: (PlanChange.COORDINATION_CHANGED, COORDINATION_FIELDS),
}


@contextmanager
def _versioned(plan: Plan, version: int, by: User, change: str) -> Iterator[Plan]:
    """One versioned change of an open case's plan (see samspel.plans.versioning)."""
    refuse_if_closed(plan.case)
    with versioning.plan_change(plan, version, by, change):
        yield plan


_Part = TypeVar("_Part", Goal, SubGoal, CoordinationResponsibility)


def _only(allowed: tuple[str, ...], changes: dict[str, Any], what: str) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"{what} cannot change {sorted(unknown)}")


def _apply(row: models.Model, changes: dict[str, Any]) -> list[str]:
    """Set the values that differ on `row`; the names of the fields changed, sorted."""
    changed = sorted(name for name, value in changes.items() if getattr(row, name) != value)
    for name in changed:
        setattr(row, name, changes[name])
    return changed


def create_plan(
    case: Case,
    *,
    by: User,
    kind: str,
    title: str,
    starts_on: dt.date,
    request: HttpRequest | None = None,
) -> Plan:
    """A new plan of the case, at version 1."""
    refuse_if_closed(case)
    with transaction.atomic():
        plan = versioning.create_plan(case, by, kind=kind, title=title, starts_on=starts_on)
        plan.case = case
        record(
            request, Action.CREATE, plan, user=by, case=str(case.public_id), version=plan.version
        )
    return plan


def change_plan(
    plan: Plan, *, version: int, by: User, request: HttpRequest | None = None, **changes: Any
) -> Plan:
    """Change the plan's kind, title or start date."""
    _only(PLAN_FIELDS, changes, "change_plan")
    with _versioned(plan, version, by, PlanChange.EDITED):
        changed = _apply(plan, changes)
        plan.save(update_fields=[*changed, "updated_at"])
        record(request, Action.UPDATE, plan, user=by, fields=changed)
    return plan


def record_agreement(
    plan: Plan,
    *,
    version: int,
    by: User,
    agreed_on: dt.date,
    agreed_by: str,
    agreement_text: str,
    request: HttpRequest | None = None,
) -> Plan:
    """The family agreed to this version of the plan on `agreed_on`."""
    with _versioned(plan, version, by, PlanChange.AGREED):
        plan.agreed_on, plan.agreed_by = agreed_on, agreed_by
        plan.agreement_text, plan.agreed_version = agreement_text, plan.version
        fields = ["agreed_on", "agreed_by", "agreement_text", "agreed_version", "updated_at"]
        plan.save(update_fields=fields)
        record(request, Action.UPDATE, plan, user=by, agreed_on=agreed_on.isoformat())
    return plan


def _add_part(
    plan: Plan,
    create: Callable[[], _Part],
    change: str,
    *,
    version: int,
    by: User,
    request: HttpRequest | None,
) -> _Part:
    """One part added to the plan as a versioned change, audited once."""
    with _versioned(plan, version, by, change):
        part = create()
        record(
            request, Action.CREATE, part, user=by, plan=str(plan.public_id), version=plan.version
        )
    return part


def change_part(
    plan: Plan,
    part: _Part,
    *,
    version: int,
    by: User,
    request: HttpRequest | None = None,
    **changes: Any,
) -> _Part:
    """The explicit `changes` to a goal, a sub-goal or a coordination responsibility of the plan
    (only the fields its kind allows), as a versioned change of the plan, audited with the
    fields that really changed."""
    change, allowed = _CHANGES[type(part)]
    _only(allowed, changes, f"change_part({type(part).__name__})")
    with _versioned(plan, version, by, change):
        changed = _apply(part, changes)
        part.save(update_fields=changed)
        record(request, Action.UPDATE, part, user=by, fields=changed)
    return part


def add_goal(
    plan: Plan,
    *,
    version: int,
    by: User,
    parent: Goal | None,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Goal:
    """A long-term goal, or with `parent` a short-term goal under it."""
    _only(GOAL_FIELDS, fields, "add_goal")
    return _add_part(
        plan,
        lambda: Goal.objects.create(plan=plan, parent=parent, **fields),
        PlanChange.GOAL_ADDED,
        version=version,
        by=by,
        request=request,
    )


def goal_blocker(goal: Goal) -> str:
    """Why the goal cannot be removed, or "" when it can."""
    if goal.short_term_goals.exists() or goal.sub_goals.exists():
        return _("Remove the goals and sub-goals under this goal first.")
    return ""


def sub_goal_blocker(sub_goal: SubGoal) -> str:
    """Why the sub-goal cannot be removed, or "" when it can."""
    if sub_goal.progress.exists():
        return _("Progress is recorded on this sub-goal, so it is kept. Edit it instead.")
    return ""


def _remove(
    plan: Plan,
    row: Goal | SubGoal | CoordinationResponsibility,
    change: str,
    blocker: Callable[[], str],
    *,
    version: int,
    by: User,
    request: HttpRequest | None,
    **detail: Any,
) -> None:
    with _versioned(plan, version, by, change):
        if blocker():  # something was added under it since the form was loaded
            raise StalePlan
        record(request, Action.DELETE, row, user=by, plan=str(plan.public_id), **detail)
        row.delete()


def remove_goal(
    plan: Plan, goal: Goal, *, version: int, by: User, request: HttpRequest | None = None
) -> None:
    """Remove a goal that has nothing under it."""
    _remove(
        plan,
        goal,
        PlanChange.GOAL_REMOVED,
        lambda: goal_blocker(goal),
        version=version,
        by=by,
        request=request,
        text=goal.text[:200],
    )


def add_sub_goal(
    plan: Plan,
    *,
    version: int,
    by: User,
    goal: Goal,
    request: HttpRequest | None = None,
    **fields: Any,
) -> SubGoal:
    """A measurable sub-goal under a short-term goal of the plan."""
    _only(SUB_GOAL_FIELDS, fields, "add_sub_goal")
    return _add_part(
        plan,
        lambda: SubGoal.objects.create(goal=goal, **fields),
        PlanChange.SUBGOAL_ADDED,
        version=version,
        by=by,
        request=request,
    )


def remove_sub_goal(
    plan: Plan, sub_goal: SubGoal, *, version: int, by: User, request: HttpRequest | None = None
) -> None:
    """Remove a sub-goal on which no progress is recorded."""
    _remove(
        plan,
        sub_goal,
        PlanChange.SUBGOAL_REMOVED,
        lambda: sub_goal_blocker(sub_goal),
        version=version,
        by=by,
        request=request,
        what=sub_goal.what[:200],
    )


def record_progress(
    plan: Plan,
    sub_goal: SubGoal,
    *,
    by: User,
    on: dt.date,
    value: int,
    assessed_by: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Progress:
    """A rating of the sub-goal on the 0–10 scale on `on`."""
    refuse_if_closed(plan.case)
    with transaction.atomic():
        rating = Progress.objects.create(
            sub_goal=sub_goal,
            recorded_by=by,
            on=on,
            value=value,
            assessed_by=assessed_by,
            note=note,
        )
        record(
            request,
            Action.CREATE,
            rating,
            user=by,
            sub_goal=str(sub_goal.public_id),
            value=rating.value,
        )
    return rating


def add_coordination(
    plan: Plan, *, version: int, by: User, request: HttpRequest | None = None, **fields: Any
) -> CoordinationResponsibility:
    """Who coordinates with one external actor."""
    _only(COORDINATION_FIELDS, fields, "add_coordination")
    return _add_part(
        plan,
        lambda: CoordinationResponsibility.objects.create(plan=plan, **fields),
        PlanChange.COORDINATION_ADDED,
        version=version,
        by=by,
        request=request,
    )


def remove_coordination(
    plan: Plan,
    item: CoordinationResponsibility,
    *,
    version: int,
    by: User,
    request: HttpRequest | None = None,
) -> None:
    _remove(
        plan,
        item,
        PlanChange.COORDINATION_REMOVED,
        lambda: "",
        version=version,
        by=by,
        request=request,
        actor=item.actor,
    )
