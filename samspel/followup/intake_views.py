"""The team leader's intake queue (issue 12, item 1): the led teams' referrals that have no
responsible worker yet, each with a choice of responsible worker and buddy from the case's team,
every worker shown with their caseload (responsible and buddy cases against the organisation's
reference figure)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samspel.audit.log import record_list
from samspel.cases import services
from samspel.cases.access import cases_for_user, led_teams
from samspel.cases.models import Case
from samspel.cases.refusals import Refused
from samspel.followup.worklists import Caseload, caseloads_of, intake_cases
from samspel.programmes.vocabulary import buddy_label


def _label(load: Caseload) -> str:
    return _("%(name)s — %(cases)d responsible, %(buddy)d buddy (reference %(reference)d)") % {
        "name": load.worker.get_full_name() or load.worker.username,
        "cases": load.cases,
        "buddy": load.buddy_cases,
        "reference": load.reference,
    }


class AssignForm(forms.Form):
    responsible = forms.TypedChoiceField(
        label=gettext_lazy("Responsible worker"),
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose the responsible worker."),
            "invalid_choice": gettext_lazy("Choose one of the team's workers."),
        },
    )
    buddy = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": gettext_lazy("Choose one of the team's workers.")},
    )

    def __init__(self, *args, case: Case, loads: list[Caseload], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        self.workers = {load.worker.pk: load.worker for load in loads}
        choices = [(load.worker.pk, _label(load)) for load in loads]
        self.fields["responsible"].choices = [("", "—"), *choices]
        self.fields["buddy"].choices = [("", _("No buddy yet")), *choices]
        self.fields["buddy"].label = buddy_label(case.organisation.jurisdiction)
        self.prefix = f"case-{case.public_id}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("buddy") and cleaned.get("buddy") == cleaned.get("responsible"):
            self.add_error("buddy", _("The buddy must be someone other than the responsible."))
        return cleaned


def _loads_by_team(user, teams) -> dict[int, list[Caseload]]:
    reference = user.organisation.reference_caseload
    return {
        team.pk: caseloads_of(
            team.members.filter(is_active=True, organisation_id=user.organisation_id), reference
        )
        for team in teams
    }


def _page(request: HttpRequest, bound: AssignForm | None = None, status: int = 200):
    teams = list(led_teams(request.user))
    if not teams:
        raise Http404
    cases = list(intake_cases(request.user))
    record_list(request, "followup.intake", cases)
    loads = _loads_by_team(request.user, teams)
    rows = [
        {
            "case": case,
            "form": bound
            if bound is not None and bound.case.pk == case.pk
            else AssignForm(case=case, loads=loads[case.team_id]),
        }
        for case in cases
    ]
    context = {"rows": rows, "teams": teams, "loads": loads}
    response = render(request, "followup/intake.html", context)
    response.status_code = status
    return response


@require_GET
@login_required
def intake(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@login_required
def assign(request: HttpRequest, case_id) -> HttpResponse:
    case = intake_cases(request.user).filter(public_id=case_id).first()
    if case is None:
        # Those who read the case but do not take it in (not its leader, or it is assigned)
        # are refused; for everyone else it does not exist.
        if cases_for_user(request.user).filter(public_id=case_id).exists():
            raise PermissionDenied
        raise Http404
    loads = _loads_by_team(request.user, [case.team])[case.team_id]
    form = AssignForm(request.POST, case=case, loads=loads)
    if not form.is_valid():
        return _page(request, bound=form, status=400)
    workers = form.workers
    try:
        services.assign_case(
            case,
            by=request.user,
            responsible=workers[form.cleaned_data["responsible"]],
            buddy=workers.get(form.cleaned_data["buddy"]),
            request=request,
        )
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect("worklists:intake")
    messages.success(
        request,
        _("Case %(number)s is assigned to %(worker)s.")
        % {"number": case.number, "worker": case.responsible.get_full_name()},
    )
    return redirect("worklists:intake")
