"""What the case page shows of follow-up: the open due items, the phase panel and the forms to
record a held activity or log a contact. Called by samspel.cases.views.case_detail."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from samspel.activities.case_panel import activity_panel
from samspel.cases.access import leads_team
from samspel.cases.models import Case, CaseStatus
from samspel.followup import phases
from samspel.followup.case_forms import HeldActivityForm, PhaseMoveForm, SupportEvaluationForm
from samspel.followup.case_views import translate
from samspel.followup.recompute import facts_for_case
from samspel.followup.worklists import explain, item_state
from samspel.programmes.choices import base_programme
from samspel.programmes.loader import UnknownProgramme, programme


def due_rows(case: Case, today: dt.date) -> list[dict]:
    return [
        {
            "item": item,
            "state": item_state(item.due_on, today),
            "days": abs((item.due_on - today).days),
            "explanation": explain(item),
        }
        for item in case.due_items.all()
    ]


def phase_panel(case: Case, today: dt.date, user) -> dict | None:
    """The current phase, its start, the next phase and what is missing to move on."""
    steps = phases.phases_for(base_programme(case.organisation_id, case.programme))
    current = phases.current_phase(steps, case.phase)
    if current is None:
        return None
    facts = facts_for_case(case, today)
    following = phases.next_phase(steps, case.phase)
    missing = phases.missing_exit_criteria(current, facts) if following else []
    return {
        "current": current,
        "started_on": phases.phase_started(facts),
        "next": following,
        "missing": [translate(explanation) for explanation in missing],
        "form": PhaseMoveForm(initial={"from_phase": current.key}),
        "may_override": bool(missing) and leads_team(user, case),
    }


def followup_context(request: HttpRequest, case: Case, can_write: bool) -> dict:
    today = timezone.localdate()
    writable = can_write and case.status != CaseStatus.CLOSED
    return {
        "due_rows": due_rows(case, today),
        "phase_panel": phase_panel(case, today, request.user),
        "followup_writable": writable,
        **activity_panel(case),
        "held_form": HeldActivityForm(case=case, prefix="held", initial={"held_on": today})
        if writable
        else None,
        **evaluation_panel(case, today, writable),
    }


def evaluation_panel(case: Case, today: dt.date, writable: bool) -> dict:
    """The last recorded evaluation of the support and, for writers, the form to record one;
    shown only when the case's programme has a rule the family's evaluations close."""
    if not _evaluated_by_family(case):
        return {"evaluation_shown": False}
    last = case.support_evaluations.values_list("evaluated_on", flat=True).first()
    form = SupportEvaluationForm(case=case, prefix="evaluation", initial={"evaluated_on": today})
    return {
        "evaluation_shown": True,
        "last_evaluation": last,
        "evaluation_form": form if writable else None,
    }


def _evaluated_by_family(case: Case) -> bool:
    try:
        found = programme(base_programme(case.organisation_id, case.programme))
    except UnknownProgramme:
        return False
    return any(rule.closed_by_fact == "evaluated_on" for rule in found.rules)
