"""Case list, case record, status changes, grants and emergency access.
Every case is reached through samspel.cases.access."""

import datetime as dt
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspel.audit.log import record, record_list
from samspel.audit.models import Action
from samspel.cases import services
from samspel.cases.access import (
    can_write_case,
    cases_for_user,
    emergencies_to_review,
    get_case_for_user,
    get_case_for_write,
    is_emergency_only,
    leads_team,
    may_change_case,
    refuse_closed,
    require_case_worker,
)
from samspel.cases.family_access import case_display, get_family_for_write
from samspel.cases.forms import (
    CaseFilterForm,
    CaseForm,
    EmergencyAccessForm,
    GrantForm,
    InvestigationDecisionForm,
    InvestigationForm,
    ReopenForm,
    StatusForm,
)
from samspel.cases.models import Case, CaseStatus, EmergencyAccess
from samspel.cases.panels import panel_context
from samspel.cases.posting import case_page_url, form_reason, post_case_change
from samspel.cases.refusals import Refused, refusal_response
from samspel.cases.worker_search import case_workers, suggestions
from samspel.organisations.models import Jurisdiction
from samspel.programmes.vocabulary import buddy_label

PAGE_SIZE = 25
FIELD_NAME = re.compile(r"[\w-]{1,60}")
EMERGENCY_HOURS = settings.EMERGENCY_ACCESS_HOURS


@require_GET
@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    if request.user.is_auditor or request.user.organisation_id is None:
        raise Http404
    form = CaseFilterForm(request.GET or None, organisation_id=request.user.organisation_id)
    cases = form.filter(cases_for_user(request.user), request.user)
    cases = cases.select_related("family", "responsible", "buddy", "team").order_by(
        "family__name", "number"
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    if form.is_bound:
        record(request, Action.SEARCH, object_type="cases.case", terms=dict(request.GET.items()))
    record_list(request, "cases.case_list", page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "emergency_form": EmergencyAccessForm(),
    }
    return render(request, "cases/case_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def case_create(request: HttpRequest, family_id) -> HttpResponse:
    family = get_family_for_write(request, family_id)
    form = CaseForm(request.POST or None, family=family, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.open_case(
            family,
            by=request.user,
            request=request,
            focus_children=data["focus_children"],
            **{name: data[name] for name in services.EDITABLE},
        )
        if case.responsible_id is None and not cases_for_user(request.user).filter(pk=case.pk):
            messages.success(
                request,
                _("Case %(number)s is in the intake queue of %(team)s: its team leader assigns it.")
                % {"number": case.number, "team": case.team.name},
            )
            return redirect("cases:list")
        messages.success(request, _("Case %(number)s is opened.") % {"number": case.number})
        return redirect("cases:detail", public_id=case.public_id)
    return render(request, "cases/case_form.html", {"form": form, "family": family})


@require_GET
@login_required
def case_detail(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_user(request, public_id)
    shown = case_display(request.user, case)
    persons = [{"person": p, "shown": shown.of(p)} for p in case.family.persons.all()]
    context = {
        "case": case,
        "persons": persons,
        "focus_children": [shown.label(child) for child in case.focus_children.all()],
        "can_write": can_write_case(request.user, case),
        "can_change": may_change_case(request.user, case),
        "emergency": is_emergency_only(request.user, case),
        "status_form": StatusForm(case=case, initial={"on": timezone.localdate()}),
        "reopen_form": ReopenForm(initial={"on": timezone.localdate()})
        if case.status == CaseStatus.CLOSED and leads_team(request.user, case)
        else None,
        "periods": list(case.periods.all()),
        "grants": case.grants.select_related("user"),
        "grant_form": GrantForm(case=case),
        "investigation_decision_form": InvestigationDecisionForm(case=case),
        "investigation_form": InvestigationForm(case=case),
        "sweden": case.organisation.jurisdiction == Jurisdiction.SWEDEN,
        "buddy_label": buddy_label(case.organisation.jurisdiction),
    }
    context.update(panel_context(request, case, may_change_case(request.user, case)))
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def case_edit(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    if refused := refuse_closed(request, case, case_page_url(case)):
        return refused
    # The form gets its own copy: validating a model form writes into its instance, and the
    # service compares the case as stored with the changes.
    editing = Case.objects.get(pk=case.pk)
    form = CaseForm(request.POST or None, instance=editing, family=case.family, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_case(
                case,
                by=request.user,
                request=request,
                focus_children=data["focus_children"],
                **{name: data[name] for name in services.EDITABLE},
            )
        except Refused as refused:
            return refusal_response(request, refused, case_page_url(case))
        messages.success(request, _("The case is saved."))
        return redirect("cases:detail", public_id=case.public_id)
    return render(
        request, "cases/case_form.html", {"form": form, "family": case.family, "case": case}
    )


@require_POST
@login_required
def case_status(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    # A closed case offers no next status, so its form never validates: say why first.
    if refused := refuse_closed(request, case, case_page_url(case)):
        return refused
    form = StatusForm(request.POST, case=case)
    if not form.is_valid():
        messages.error(request, _("That status change is not possible. Nothing was changed."))
        return redirect(case_page_url(case))
    data = form.cleaned_data
    try:
        services.change_status(
            case,
            by=request.user,
            status=data["status"],
            on=data["on"],
            closing_reason=data.get("closing_reason", ""),
            closing_note=data.get("closing_note", ""),
            request=request,
        )
    except Refused as refused:
        return refusal_response(request, refused, case_page_url(case))
    messages.success(
        request, _("The case is now %(status)s.") % {"status": case.get_status_display()}
    )
    return redirect(case_page_url(case))


@require_POST
@login_required
def case_reopen(request: HttpRequest, public_id) -> HttpResponse:
    """The team leader reopens a closed case (services.reopen_case)."""
    case = get_case_for_write(request, public_id)
    form = ReopenForm(request.POST)
    if not form.is_valid():  # a closed case: post_case_change would refuse it
        reason = form_reason(form, {})
        messages.error(request, _("Nothing was recorded: %(reason)s") % {"reason": reason})
        return redirect(case_page_url(case))
    try:
        services.reopen_case(
            case,
            by=request.user,
            on=form.cleaned_data["on"],
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except Refused as refused:
        return refusal_response(request, refused, case_page_url(case))
    messages.success(request, _("The case is reopened from %(day)s.") % {"day": case.activated_on})
    return redirect(case_page_url(case))


@require_POST
@login_required
def investigation_decision(request: HttpRequest, public_id) -> HttpResponse:
    """Record the decision whether to open an investigation (SE, SoL 11 kap. 1 a §)."""
    case = get_case_for_write(request, public_id)
    if case.organisation.jurisdiction != Jurisdiction.SWEDEN:
        raise Http404

    def save(data) -> None:
        services.record_investigation_decision(
            case,
            by=request.user,
            decided_on=data["decided_on"],
            opened=data["opened"],
            request=request,
        )

    form = InvestigationDecisionForm(request.POST, case=case)
    saved, back = _("The decision is recorded."), case_page_url(case)
    return post_case_change(request, case, form, save, saved=saved, back=back)


@require_POST
@login_required
def investigation(request: HttpRequest, public_id) -> HttpResponse:
    """Record the investigation's start and end (SE: SoL 11 kap. 2 §; DK: Barnets lov §20)."""
    case = get_case_for_write(request, public_id)

    def save(data) -> None:
        services.record_investigation(
            case,
            by=request.user,
            started_on=data["started_on"],
            finished_on=data["finished_on"],
            request=request,
        )

    form = InvestigationForm(request.POST, case=case)
    saved, back = _("The investigation is recorded."), case_page_url(case)
    return post_case_change(request, case, form, save, saved=saved, back=back)


@require_POST
@login_required
def case_grant(request: HttpRequest, public_id) -> HttpResponse:
    """Give a colleague access to the case by name."""
    case = get_case_for_write(request, public_id)
    form = GrantForm(request.POST, case=case)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect(case_page_url(case))
    data = form.cleaned_data
    try:
        grant = services.grant_access(
            case, by=request.user, user=data["user"], can_write=data["can_write"], request=request
        )
    except Refused as refused:
        return refusal_response(request, refused, case_page_url(case))
    messages.success(request, _("%(user)s now has access to the case.") % {"user": grant.user})
    return redirect(case_page_url(case))


@require_GET
@login_required
def worker_suggestions(request: HttpRequest, public_id, for_grant: bool = False) -> HttpResponse:
    """The colleagues matching what was typed in a colleague field of the case's forms (htmx,
    samspel.cases.worker_search): at most SUGGESTED active workers of the case's organisation;
    for the grant form, not those already on the case. `field` names the typed parameter."""
    case = get_case_for_write(request, public_id)
    field = request.GET.get("field", "q")
    if not FIELD_NAME.fullmatch(field):
        raise Http404
    workers = case_workers(case)
    if for_grant:
        workers = workers.exclude(pk__in=[case.responsible_id, case.buddy_id or 0])
    found, status = suggestions(workers, request.GET.get(field, ""))
    context = {"workers": found, "status": status, "status_id": f"{field}-status"}
    return render(request, "cases/_worker_suggestions.html", context)


@require_POST
@login_required
def case_revoke(request: HttpRequest, public_id, user_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    if services.revoke_access(case, by=request.user, user_public_id=user_id, request=request):
        messages.success(request, _("The access is removed."))
    return redirect(case_page_url(case))


@require_POST
@login_required
def emergency_access(request: HttpRequest) -> HttpResponse:
    """Open a case one is not on, after typing a reason: time-limited, flagged, audited."""
    user = request.user
    require_case_worker(user)
    form = EmergencyAccessForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, error[0])
        return redirect("cases:list")
    case = Case.objects.filter(
        organisation_id=user.organisation_id, number=form.cleaned_data["number"].strip()
    ).first()
    if case is None:
        messages.error(request, _("No case in your organisation has that number."))
        return redirect("cases:list")
    access = EmergencyAccess.objects.create(
        case=case,
        user=user,
        reason=form.cleaned_data["reason"],
        expires_at=timezone.now() + dt.timedelta(hours=EMERGENCY_HOURS),
    )
    record(request, Action.EMERGENCY_ACCESS, case, reason=access.reason, hours=EMERGENCY_HOURS)
    messages.warning(
        request,
        _("Emergency access for %(hours)d hours. Your team leader is told.")
        % {"hours": EMERGENCY_HOURS},
    )
    return redirect("cases:detail", public_id=case.public_id)


@require_POST
@login_required
def emergency_review(request: HttpRequest, access_id) -> HttpResponse:
    """The case's team leader marks an emergency access as seen."""
    access = emergencies_to_review(request.user).filter(public_id=access_id).first()
    if access is None:
        raise Http404
    access.reviewed_by = request.user
    access.reviewed_at = timezone.now()
    access.save(update_fields=["reviewed_by", "reviewed_at"])
    record(request, Action.UPDATE, access.case, emergency_reviewed=str(access.public_id))
    messages.success(request, _("The emergency access is marked as reviewed."))
    return redirect("web:home")
