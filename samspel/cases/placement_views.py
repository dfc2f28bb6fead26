"""Placements on the case page (ISSUE10 item 3): record a focus child's placement, end a current
one. The writes are samspel.cases.services.record_placement and end_placement (closed-case
refusal, bounds, audit, recompute); the panel is samspel.cases.case_panel.placements_panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write, refuse_closed
from samspel.cases.models import Placement
from samspel.cases.placement_forms import PlacementEndForm, PlacementRecordForm
from samspel.cases.refusals import Refused, refusal_response
from samspel.cases.services import (
    NOT_A_FOCUS_CHILD,
    NOT_THIS_COUNTRY,
    end_placement,
    record_placement,
)
from samspel.families.models import Person


def _back(case) -> str:
    return reverse("cases:detail", args=[case.public_id]) + "#placements-heading"


def _refuse_form(request: HttpRequest, form: Form, back: str) -> HttpResponse:
    if "child" in form.errors:
        reason = str(NOT_A_FOCUS_CHILD)
    elif "form" in form.errors or "legal_ground" in form.errors:
        reason = str(NOT_THIS_COUNTRY)
    else:
        reason = " ".join(str(error) for errors in form.errors.values() for error in errors)
    messages.error(request, _("Nothing was recorded: %(reason)s") % {"reason": reason})
    return redirect(back)


@require_POST
@login_required
def placement_add(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    back = _back(case)
    if refused := refuse_closed(request, case, back):
        return refused
    form = PlacementRecordForm(request.POST, case=case)
    if not form.is_valid():
        return _refuse_form(request, form, back)
    data = form.cleaned_data
    child = Person.objects.filter(public_id=data["child"], family=case.family).first()
    try:
        record_placement(
            case,
            child,
            by=request.user,
            request=request,
            started_on=data["started_on"],
            form=data["form"],
            legal_ground=data["legal_ground"],
            home=data["home"],
        )
    except Refused as refused:
        return refusal_response(request, refused, back)
    messages.success(request, _("The placement is recorded."))
    return redirect(back)


@require_POST
@login_required
def placement_end(request: HttpRequest, public_id, placement_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    back = _back(case)
    if refused := refuse_closed(request, case, back):
        return refused
    placement = Placement.objects.filter(case=case, public_id=placement_id).first()
    if placement is None:
        raise Http404
    placement.case = case
    form = PlacementEndForm(request.POST)
    if not form.is_valid():
        return _refuse_form(request, form, back)
    data = form.cleaned_data
    try:
        end_placement(
            placement,
            by=request.user,
            request=request,
            ended_on=data["ended_on"],
            end_kind=data["end_kind"],
            end_reason=data["end_reason"],
        )
    except Refused as refused:
        return refusal_response(request, refused, back)
    messages.success(request, _("The placement is ended."))
    return redirect(back)
