"""What the case page shows of follow-up: the open due items, the phase panel and the family's
evaluation of the support. The case page (samspel.cases.panels) composes it with the other
apps' panels; FollowupConfig.case_panel names it."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from samspel.cases.access import leads_team
from samspel.cases.models import Case
from samspel.followup import phases
from samspel.followup.case_forms import PhaseMoveForm, SupportEvaluationForm
from samspel.followup.messages import describe
from samspel.followup.recompute import facts_for_case
from samspel.followup.worklists import due_rows
from samspel.programmes.choices import base_programme
from samspel.programmes.effective import programme_for


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
        "missing": [describe(explanation.message, explanation.params) for explanation in missing],
        "form": PhaseMoveForm(initial={"from_phase": current.key}),
        "may_override": bool(missing) and leads_team(user, case),
    }


def followup_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    """The case page's follow-up: `writable` when the reader may change the open case."""
    today = timezone.localdate()
    return {
        "due_rows": due_rows(case.due_items.all(), today),
        "phase_panel": phase_panel(case, today, request.user),
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
    found = programme_for(case.organisation_id, case.programme)
    return found is not None and any(rule.closed_by_fact == "evaluated_on" for rule in found.rules)
