"""Turning a stored revision snapshot (see rules.build_snapshot) into what the history page
shows: labels in the reader's language, goal-area titles and dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from samspel.catalogues.loader import catalogue
from samspel.plans.models import Coordinator, PlanKind, ResponsibleParty


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _responsible(data: dict[str, str]) -> str:
    if data.get("party") == ResponsibleParty.ACTOR:
        return data.get("actor", "")
    return _label(ResponsibleParty, data.get("party", ""))


def _sub_goal(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **data,
        "target_date": _date(data.get("target_date")),
        "responsible": _responsible(data.get("responsible", {})),
    }


def _goal(data: dict[str, Any], areas: dict[str, str]) -> dict[str, Any]:
    return {
        "text": data.get("text", ""),
        "areas": [areas.get(code, code) for code in data.get("goal_areas", [])],
        "responsible": _responsible(data.get("responsible", {})),
        "short_term_goals": [_goal(goal, areas) for goal in data.get("short_term_goals", [])],
        "sub_goals": [_sub_goal(sub_goal) for sub_goal in data.get("sub_goals", [])],
    }


def snapshot_for_display(snapshot: dict[str, Any], jurisdiction: str) -> dict[str, Any]:
    areas = {code: area.title for code, area in catalogue(jurisdiction).goal_areas.items()}
    agreement = snapshot.get("agreement", {})
    return {
        "kind": _label(PlanKind, snapshot.get("kind", "")),
        "title": snapshot.get("title", ""),
        "starts_on": _date(snapshot.get("starts_on")),
        "agreement": {**agreement, "agreed_on": _date(agreement.get("agreed_on"))},
        "goals": [_goal(goal, areas) for goal in snapshot.get("goals", [])],
        "coordination": [
            {**item, "coordinator": _label(Coordinator, item.get("coordinator", ""))}
            for item in snapshot.get("coordination", [])
        ],
    }
