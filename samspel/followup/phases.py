"""Phase transitions with exit criteria (DOMAIN.md §3.3, B'family): which phase a case is in,
which comes next, and what must exist before it may move on. Pure: facts in, decisions out.
The phases and their criteria are programme data (samspel.programmes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext_noop

from samspel.followup.engine import CaseFacts, Explanation
from samspel.programmes.definitions import Phase

PLAN_MESSAGES = {
    "care_plan": gettext_noop("a care plan (vårdplan)"),
    "implementation_plan": gettext_noop("an implementation plan (genomförandeplan)"),
    "child_plan": gettext_noop("a child's plan (barnets plan / handleplan)"),
}
SUBGOALS_MESSAGE = gettext_noop("at least %(count)s measurable sub-goal(s) in the plan")
TEAM_MESSAGE = gettext_noop(
    "a team of %(min)s–%(max)s people on the case, one of them responsible (now %(size)s)"
)


def phases_for(programme: str) -> tuple[Phase, ...]:
    """The programme's phases in order; empty for a programme without phases."""
    from samspel.programmes.loader import programmes

    found = programmes().get(programme)
    return found.phases if found else ()


def current_phase(phases: Sequence[Phase], key: str) -> Phase | None:
    """The phase with `key`; a case with no phase recorded is in the first one."""
    if not phases:
        return None
    if not key:
        return phases[0]
    return next((phase for phase in phases if phase.key == key), None)


def next_phase(phases: Sequence[Phase], key: str) -> Phase | None:
    current = current_phase(phases, key)
    if current is None:
        return None
    index = list(phases).index(current)
    return phases[index + 1] if index + 1 < len(phases) else None


def missing_exit_criteria(phase: Phase, facts: CaseFacts) -> list[Explanation]:
    """What the case lacks to leave `phase`, as messages to translate, in a stable order."""
    criteria = phase.exit
    missing = []
    kinds = set(criteria.plans)
    present = {plan.kind for plan in facts.plans}
    for kind in criteria.plans:
        if kind not in present:
            missing.append(Explanation(PLAN_MESSAGES.get(kind, kind)))
    if criteria.min_subgoals:
        counted = sum(
            plan.measurable_subgoals for plan in facts.plans if not kinds or plan.kind in kinds
        )
        if counted < criteria.min_subgoals:
            missing.append(Explanation(SUBGOALS_MESSAGE, {"count": str(criteria.min_subgoals)}))
    if criteria.team_min or criteria.team_max:
        low, high = criteria.team_min, criteria.team_max or facts.team_size
        if not low <= facts.team_size <= high:
            params = {"min": str(low), "max": str(high), "size": str(facts.team_size)}
            missing.append(Explanation(TEAM_MESSAGE, params))
    return missing


def phase_started(facts: CaseFacts) -> dt.date | None:
    """When the current phase began: its recorded start, else the case's start."""
    return facts.phase_started_on or facts.started_on
