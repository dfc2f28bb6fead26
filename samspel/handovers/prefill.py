"""The handover note as the case already tells it: the latest plan's goals with their latest
rating, its coordination responsibilities, the network with the state of each consent, and the
next due items. The old worker edits it before sending."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspel.cases.models import Case
from samspel.followup.models import DueItem
from samspel.network.consent import has_valid_consent
from samspel.plans.models import Goal, SubGoal
from samspel.plans.rules import latest_progress

NEXT_ITEMS = 5


def _day(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _goals(plan) -> str:
    lines = []
    sub_goals: dict[int, list[SubGoal]] = {}
    for sub_goal in SubGoal.objects.filter(goal__plan=plan).prefetch_related("progress"):
        sub_goals.setdefault(sub_goal.goal_id, []).append(sub_goal)
    goals = list(Goal.objects.filter(plan=plan).order_by("id"))
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        children.setdefault(goal.parent_id, []).append(goal)
    # Each long-term goal, then its short-term goals (the same order on every database).
    ordered = [goal for top in children.get(None, []) for goal in (top, *children.get(top.pk, []))]
    for goal in ordered:
        indent = "  " if goal.parent_id else ""
        lines.append(f"{indent}- {goal.text}")
        for sub_goal in sub_goals.get(goal.pk, []):
            rating = latest_progress(list(sub_goal.progress.all()))
            state = (
                _("%(value)s on %(day)s") % {"value": rating.value, "day": _day(rating.on)}
                if rating
                else _("not rated yet")
            )
            lines.append(f"{indent}  · {sub_goal.what} ({state})")
    return "\n".join(lines)


def prefill(case: Case) -> dict[str, str]:
    plan = case.plans.order_by("-starts_on", "-id").first()
    note = {"goals": "", "agreements": "", "coordination": "", "network": "", "next_steps": ""}
    if plan is not None:
        note["goals"] = _goals(plan)
        if plan.agreed_on:
            note["agreements"] = _("Plan “%(title)s” agreed on %(day)s: %(text)s") % {
                "title": plan.title,
                "day": _day(plan.agreed_on),
                "text": plan.agreement_text,
            }
        note["coordination"] = "\n".join(
            f"- {item.get_coordinator_display()} ↔ {item.actor}"
            + (f": {item.note}" if item.note else "")
            for item in plan.coordination.order_by("actor", "id")
        )
    note["network"] = "\n".join(
        f"- {actor.external_organisation} ({actor.role}): "
        + (_("consent given") if has_valid_consent(actor) else _("no valid consent"))
        for actor in case.actors.select_related("external_organisation").prefetch_related(
            "consents"
        )
    )
    due = DueItem.objects.filter(case=case).order_by("due_on")[:NEXT_ITEMS]
    note["next_steps"] = "\n".join(f"- {_day(item.due_on)}: {_(item.title)}" for item in due)
    return note
