"""The handover pages of a case: start one (with the note prefilled from the case), read it,
accept it (the new worker), cancel it, and record when the family was told and met the new
worker. Scoped through cases.access like every case page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import get_case_for_user, get_case_for_write, may_change_case
from samspel.cases.posting import post_case_change
from samspel.cases.refusals import Refused, refusal_response
from samspel.handovers import services
from samspel.handovers.forms import FamilyForm, StartForm
from samspel.handovers.models import NOTE_FIELDS, Handover, Kind, State
from samspel.handovers.prefill import prefill
from samspel.plans.pdf import render_pdf


def _handover(case, handover_id) -> Handover:
    found = case.handovers.filter(public_id=handover_id).select_related(
        "from_user", "to_user", "to_team"
    )
    handover = found.first()
    if handover is None:
        raise Http404
    handover.case = case
    return handover


@require_http_methods(["GET", "POST"])
@login_required
def start(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    kinds = [kind for kind in Kind.values if services.holder(case, kind) is not None]
    kinds = [kind for kind in kinds if services.may_start(request.user, case, kind)]
    if not kinds or not may_change_case(request.user, case):
        raise PermissionDenied
    initial = {"kind": kinds[0], **prefill(case)}
    form = StartForm(request.POST or None, case=case, kinds=kinds, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        note = {name: data[name] for name in NOTE_FIELDS}
        back = request.path
        try:
            handover = services.start(
                case,
                by=request.user,
                kind=data["kind"],
                to_user=data["to_user"],
                to_team=data.get("to_team"),
                note=note,
                request=request,
            )
        except Refused as refused:
            return refusal_response(request, refused, back)
        messages.success(
            request,
            _("The handover is sent to %(user)s. The case stays yours until they accept it.")
            % {"user": handover.to_user},
        )
        return redirect("handovers:detail", case_id=case.public_id, handover_id=handover.public_id)
    response = render(request, "handovers/start.html", {"case": case, "form": form})
    response.status_code = 400 if form.errors else 200
    return response


@require_GET
@login_required
def detail(request: HttpRequest, case_id, handover_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    handover = _handover(case, handover_id)
    user = request.user
    leads = services.leads_team(user, case)
    context = {
        "case": case,
        "handover": handover,
        "note": _note(handover),
        "may_accept": handover.state == State.WAITING and user.pk == handover.to_user_id,
        "may_cancel": handover.state == State.WAITING
        and (user.pk == handover.from_user_id or leads),
        "may_record_family": handover.state != State.CANCELLED
        and (user.pk in (handover.from_user_id, handover.to_user_id) or leads),
        "family_form": FamilyForm(
            initial={"told_on": handover.family_told_on, "met_on": handover.family_met_on}
        ),
    }
    return render(request, "handovers/detail.html", context)


@require_POST
@login_required
def accept(request: HttpRequest, case_id, handover_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    handover = _handover(case, handover_id)
    if request.user.pk != handover.to_user_id:
        raise PermissionDenied
    try:
        services.accept(handover, by=request.user, request=request)
    except Refused as refused:
        return refusal_response(request, refused, _detail_url(handover))
    messages.success(request, _("You now have case %(number)s.") % {"number": case.number})
    return redirect("cases:detail", public_id=case.public_id)


@require_POST
@login_required
def cancel(request: HttpRequest, case_id, handover_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    handover = _handover(case, handover_id)
    if request.user.pk != handover.from_user_id and not services.leads_team(request.user, case):
        raise PermissionDenied
    try:
        services.cancel(handover, by=request.user, request=request)
    except Refused as refused:
        return refusal_response(request, refused, _detail_url(handover))
    messages.success(request, _("The handover is cancelled; the case stays as it was."))
    return redirect("cases:detail", public_id=case.public_id)


@require_POST
@login_required
def family(request: HttpRequest, case_id, handover_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    handover = _handover(case, handover_id)
    involved = request.user.pk in (handover.from_user_id, handover.to_user_id)
    if not involved and not services.leads_team(request.user, case):
        raise PermissionDenied
    return post_case_change(
        request,
        case,
        FamilyForm(request.POST),
        lambda data: services.record_family(
            handover,
            by=request.user,
            told_on=data["told_on"],
            met_on=data["met_on"],
            request=request,
        ),
        saved=_("The family's dates are saved."),
        back=_detail_url(handover),
    )


def _detail_url(handover: Handover) -> str:
    return reverse(
        "handovers:detail",
        kwargs={"case_id": handover.case.public_id, "handover_id": handover.public_id},
    )


@require_GET
@login_required
def pdf(request: HttpRequest, case_id, handover_id) -> HttpResponse:
    """The handover note as a PDF, for the handover meeting: the case by number, the household
    by name, the two workers and the note; no person's details."""
    case = get_case_for_user(request, case_id)
    handover = _handover(case, handover_id)
    context = {
        "case": case,
        "handover": handover,
        "note": _note(handover),
        "language": translation.get_language(),
    }
    html = render_to_string("handovers/handover_pdf.html", context, request=request)
    record(request, Action.EXPORT, handover, cases=[case], format="pdf")
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    filename = get_valid_filename(f"handover-{case.number}.pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _note(handover: Handover) -> list[tuple[str, str]]:
    return [
        (Handover._meta.get_field(name).verbose_name, getattr(handover, name))
        for name in NOTE_FIELDS
    ]
