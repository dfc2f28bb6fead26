"""Case list, case record, status changes, grants and emergency access.
Every case is reached through samspel.cases.access."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspel.audit.log import record, record_list
from samspel.audit.models import Action
from samspel.cases.access import (
    can_write_case,
    cases_for_user,
    emergencies_to_review,
    get_case_for_user,
    get_case_for_write,
    is_emergency_only,
    require_case_worker,
)
from samspel.cases.forms import (
    CaseFilterForm,
    CaseForm,
    EmergencyAccessForm,
    GrantForm,
    StatusForm,
)
from samspel.cases.models import Case, CaseGrant, CaseStatus, EmergencyAccess
from samspel.cases.numbering import next_case_number
from samspel.catalogues.loader import UnknownParagraph, catalogue
from samspel.families.access import get_family_for_write
from samspel.followup.case_page import followup_context
from samspel.followup.recompute import recompute_case

PAGE_SIZE = 25
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
        with transaction.atomic():
            case = form.save(commit=False)
            case.organisation = family.organisation
            case.family = family
            case.legal_basis = form.cleaned_data["legal_basis"]
            case.number = next_case_number(family.organisation, case.referred_on)
            case.save()
            form.save_m2m()
            record(request, Action.CREATE, case, legal_basis=case.legal_basis)
            recompute_case(case)
        messages.success(request, _("Case %(number)s is opened.") % {"number": case.number})
        return redirect("cases:detail", public_id=case.public_id)
    return render(request, "cases/case_form.html", {"form": form, "family": family})


def legal_basis_rows(case: Case) -> list[dict]:
    """Each paragraph with its old and new form, so either numbering can be read."""
    rows = []
    catalogue_ = catalogue(case.organisation.jurisdiction)
    for code in case.legal_basis:
        try:
            equivalents = catalogue_.equivalents(code)
            rows.append({"code": code, "paragraph": catalogue_.paragraph(code), "all": equivalents})
        except UnknownParagraph:
            rows.append({"code": code, "paragraph": None, "all": []})
    return rows


@require_GET
@login_required
def case_detail(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_user(request, public_id)
    persons = [
        {"person": person, "details_visible": person.contact_details_visible_to(request.user)}
        for person in case.family.persons.all()
    ]
    context = {
        "case": case,
        "persons": persons,
        "focus_children": case.focus_children.all(),
        "legal_basis": legal_basis_rows(case),
        "can_write": can_write_case(request.user, case),
        "emergency": is_emergency_only(request.user, case),
        "status_form": StatusForm(case=case, initial={"on": timezone.localdate()}),
        "grants": case.grants.select_related("user"),
        "grant_form": GrantForm(case=case),
    }
    context.update(followup_context(request, case, context["can_write"]))
    return render(request, "cases/case_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def case_edit(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    form = CaseForm(request.POST or None, instance=case, family=case.family, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            case = form.save(commit=False)
            case.legal_basis = form.cleaned_data["legal_basis"]
            case.save()
            form.save_m2m()
            record(request, Action.UPDATE, case, fields=sorted(form.changed_data))
            recompute_case(case)
        messages.success(request, _("The case is saved."))
        return redirect("cases:detail", public_id=case.public_id)
    return render(
        request, "cases/case_form.html", {"form": form, "family": case.family, "case": case}
    )


STATUS_DATE_FIELD = {
    CaseStatus.ACTIVE: "activated_on",
    CaseStatus.CLOSING: "closing_on",
    CaseStatus.CLOSED: "closed_on",
}


@require_POST
@login_required
def case_status(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    form = StatusForm(request.POST, case=case)
    if not form.is_valid():
        messages.error(request, _("That status change is not possible. Nothing was changed."))
        return redirect("cases:detail", public_id=case.public_id)
    new_status, on = form.cleaned_data["status"], form.cleaned_data["on"]
    if on < case.referred_on:
        messages.error(request, _("The date is before the referral. Nothing was changed."))
        return redirect("cases:detail", public_id=case.public_id)
    old_status = case.status
    case.status = new_status
    setattr(case, STATUS_DATE_FIELD[new_status], on)
    with transaction.atomic():
        case.save(update_fields=["status", STATUS_DATE_FIELD[new_status], "updated_at"])
        record(request, Action.UPDATE, case, status=[old_status, new_status], on=on.isoformat())
        recompute_case(case)
    messages.success(
        request, _("The case is now %(status)s.") % {"status": case.get_status_display()}
    )
    return redirect("cases:detail", public_id=case.public_id)


@require_POST
@login_required
def case_grant(request: HttpRequest, public_id) -> HttpResponse:
    """Give a colleague access to the case by name."""
    case = get_case_for_write(request, public_id)
    form = GrantForm(request.POST, case=case)
    if form.is_valid():
        grant, _created = CaseGrant.objects.update_or_create(
            case=case,
            user=form.cleaned_data["user"],
            defaults={"can_write": form.cleaned_data["can_write"], "granted_by": request.user},
        )
        record(
            request, Action.UPDATE, case, granted=str(grant.user.public_id), write=grant.can_write
        )
        messages.success(request, _("%(user)s now has access to the case.") % {"user": grant.user})
    else:
        messages.error(request, _("Choose an active worker of your organisation."))
    return redirect("cases:detail", public_id=case.public_id)


@require_POST
@login_required
def case_revoke(request: HttpRequest, public_id, user_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    deleted, _details = CaseGrant.objects.filter(case=case, user__public_id=user_id).delete()
    if deleted:
        record(request, Action.UPDATE, case, revoked=str(user_id))
        messages.success(request, _("The access is removed."))
    return redirect("cases:detail", public_id=case.public_id)


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
