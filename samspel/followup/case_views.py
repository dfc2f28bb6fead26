"""Follow-up on the case page: move the phase on, record the family's evaluation of the support.
Each change is audited and the case's due items are recomputed in the same transaction.
Recording a held activity or logging a contact is samspel.activities.record_views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import get_case_for_write, leads_team, refuse_closed
from samspel.cases.models import Case
from samspel.followup import phases
from samspel.followup.case_forms import PhaseMoveForm, SupportEvaluationForm
from samspel.followup.engine import Explanation
from samspel.followup.messages import describe
from samspel.followup.models import SupportEvaluation
from samspel.followup.recompute import facts_for_case, recompute_case
from samspel.programmes.choices import base_programme
from samspel.programmes.definitions import Phase


def _back(case: Case) -> HttpResponse:
    return redirect("cases:detail", public_id=case.public_id)


def _refuse_closed(request: HttpRequest, case: Case) -> HttpResponse | None:
    return refuse_closed(request, case, reverse("cases:detail", args=[case.public_id]))


@require_POST
@login_required
def record_evaluation(request: HttpRequest, case_id) -> HttpResponse:
    """The family evaluated the worker's support on a given day: closes the programme's
    evaluation rule (seed 000: the foster home evaluates the consultant every 3 months)."""
    case = get_case_for_write(request, case_id)
    if refused := _refuse_closed(request, case):
        return refused
    form = SupportEvaluationForm(request.POST, case=case, prefix="evaluation")
    if not form.is_valid():
        messages.error(
            request,
            _("The evaluation was not recorded: %(errors)s")
            % {"errors": " ".join(form.errors.get("evaluated_on", []))},
        )
        return _back(case)
    evaluated_on = form.cleaned_data["evaluated_on"]
    with transaction.atomic():
        evaluation = SupportEvaluation.objects.create(
            case=case, evaluated_on=evaluated_on, recorded_by=request.user
        )
        record(
            request,
            Action.CREATE,
            evaluation,
            case=str(case.public_id),
            evaluated_on=evaluated_on.isoformat(),
        )
        recompute_case(case)
    messages.success(
        request,
        _("The family's evaluation of %(date)s is recorded.") % {"date": date_format(evaluated_on)},
    )
    return _back(case)


@require_POST
@login_required
def move_phase(request: HttpRequest, case_id) -> HttpResponse:
    """Move the case to its programme's next phase, if the current one's exit criteria are met;
    the team leader may move on without them, giving a reason."""
    case = get_case_for_write(request, case_id)
    if refused := _refuse_closed(request, case):
        return refused
    steps = phases.phases_for(base_programme(case.organisation_id, case.programme))
    current = phases.current_phase(steps, case.phase)
    following = phases.next_phase(steps, case.phase)
    form = PhaseMoveForm(request.POST)
    if current is None or following is None:
        messages.error(request, _("The case has no next phase. Nothing was changed."))
        return _back(case)
    if not form.is_valid() or form.cleaned_data["from_phase"] != current.key:
        messages.error(
            request, _("The phase changed since the page was loaded. Nothing was changed.")
        )
        return _back(case)
    missing = phases.missing_exit_criteria(current, facts_for_case(case))
    reason = form.cleaned_data["reason"].strip()
    if missing and not (reason and leads_team(request.user, case)):
        messages.error(request, _refusal(current, missing, bool(reason)))
        return _back(case)
    _move(request, case, current, following, missing, reason)
    messages.success(
        request, _("The case is now in the phase %(phase)s.") % {"phase": following.name}
    )
    return _back(case)


def _refusal(current: Phase, missing: list[Explanation], gave_reason: bool) -> str:
    text = _("The case cannot leave %(phase)s yet. Missing: %(missing)s.") % {
        "phase": current.name,
        "missing": "; ".join(describe(message.message, message.params) for message in missing),
    }
    if gave_reason:
        text += " " + _("Only the team leader can move on without them.")
    return text


def _move(request, case: Case, current: Phase, following: Phase, missing, reason: str) -> None:
    with transaction.atomic():
        case.phase = following.key
        case.phase_started_on = timezone.localdate()
        case.save(update_fields=["phase", "phase_started_on", "updated_at"])
        detail: dict = {"phase": [current.key, following.key]}
        if missing:
            detail.update(override=True, reason=reason, missing=[m.message for m in missing])
        record(request, Action.UPDATE, case, **detail)
        recompute_case(case)
