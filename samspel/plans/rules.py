"""Plan rules as plain functions: goal areas from the jurisdiction's catalogue, the snapshot a
revision keeps, and progress summaries. No ORM queries and no request in here: the callers pass
objects or lists in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from samspel.catalogues.loader import GoalArea, catalogue

# The national goal-area framework of each jurisdiction (DOMAIN.md §2).
FRAMEWORKS = {"SE": "BBIC", "DK": "ICS"}
PROGRESS_MIN, PROGRESS_MAX = 0, 10


def framework(jurisdiction: str) -> str:
    return FRAMEWORKS.get(jurisdiction, "")


def goal_area_choices(jurisdiction: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The catalogue's goal areas, grouped by the side of the triangle they belong to."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for area in catalogue(jurisdiction).goal_areas.values():
        groups.setdefault(area.side, []).append((area.code, area.title))
    return list(groups.items())


def unknown_goal_areas(codes: Iterable[str], jurisdiction: str) -> list[str]:
    known = catalogue(jurisdiction).goal_areas
    return [code for code in codes if code not in known]


def goal_areas_for_display(codes: Iterable[str], jurisdiction: str) -> list[dict[str, Any]]:
    """Each stored code with its catalogue entry; a code the catalogue dropped keeps showing."""
    known: dict[str, GoalArea] = catalogue(jurisdiction).goal_areas
    return [{"code": code, "area": known.get(code)} for code in codes]


def _responsible(item: Any) -> dict[str, str]:
    return {"party": item.responsible_party, "actor": item.responsible_actor}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _sub_goal(sub_goal: Any) -> dict[str, Any]:
    return {
        "id": str(sub_goal.public_id),
        "what": sub_goal.what,
        "indicator": sub_goal.indicator,
        "target_date": _iso(sub_goal.target_date),
        "responsible": _responsible(sub_goal),
    }


def _goal(goal: Any, children: dict[Any, list[Any]], sub_goals: dict[Any, list[Any]]) -> dict:
    return {
        "id": str(goal.public_id),
        "text": goal.text,
        "goal_areas": list(goal.goal_areas),
        "responsible": _responsible(goal),
        "short_term_goals": [_goal(child, children, sub_goals) for child in children[goal.pk]],
        "sub_goals": [_sub_goal(sub_goal) for sub_goal in sub_goals[goal.pk]],
    }


def build_snapshot(
    plan: Any, goals: Sequence[Any], sub_goals: Sequence[Any], coordination: Sequence[Any]
) -> dict[str, Any]:
    """The whole plan as JSON-ready data: details, the goal tree and coordination."""
    children: dict[Any, list[Any]] = {goal.pk: [] for goal in goals}
    by_goal: dict[Any, list[Any]] = {goal.pk: [] for goal in goals}
    for goal in goals:
        if goal.parent_id is not None:
            children[goal.parent_id].append(goal)
    for sub_goal in sub_goals:
        by_goal[sub_goal.goal_id].append(sub_goal)
    long_term = [goal for goal in goals if goal.parent_id is None]
    return {
        "version": plan.version,
        "kind": plan.kind,
        "title": plan.title,
        "starts_on": _iso(plan.starts_on),
        "agreement": {
            "agreed_on": _iso(plan.agreed_on),
            "agreed_by": plan.agreed_by,
            "text": plan.agreement_text,
            "version": plan.agreed_version,
        },
        "goals": [_goal(goal, children, by_goal) for goal in long_term],
        "coordination": [
            {"actor": item.actor, "coordinator": item.coordinator, "note": item.note}
            for item in coordination
        ],
    }


def latest_progress(ratings: Sequence[Any]) -> Any | None:
    """The most recent rating (by date, then by entry), or None."""
    if not ratings:
        return None
    return max(ratings, key=lambda rating: (rating.on, rating.pk or 0))


def earliest_target_date(target_dates: Iterable[dt.date]) -> dt.date | None:
    return min(target_dates, default=None)


def goal_tree(
    goals: Sequence[Any], sub_goals: Sequence[Any], jurisdiction: str
) -> list[dict[str, Any]]:
    """Long-term goals, each with its short-term goals, each with its sub-goals, in the order
    given. Sub-goals carry `ratings` (oldest first) and `latest` when the caller attached
    `ratings` to them."""
    by_goal: dict[Any, list[Any]] = {goal.pk: [] for goal in goals}
    for sub_goal in sub_goals:
        ratings = sorted(getattr(sub_goal, "ratings", []), key=lambda r: (r.on, r.pk or 0))
        by_goal[sub_goal.goal_id].append(
            {"sub_goal": sub_goal, "ratings": ratings, "latest": latest_progress(ratings)}
        )

    def node(goal: Any) -> dict[str, Any]:
        return {
            "goal": goal,
            "areas": goal_areas_for_display(goal.goal_areas, jurisdiction),
            "sub_goals": by_goal[goal.pk],
            "short_term": [node(child) for child in goals if child.parent_id == goal.pk],
        }

    return [node(goal) for goal in goals if goal.parent_id is None]
