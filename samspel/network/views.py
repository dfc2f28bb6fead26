"""The network page of a case: its actors, their contact persons and the family's consent.
Every case is reached through samspel.cases.access; every change is audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samspel.cases.access import (
    can_write_case,
    get_case_for_user,
    get_case_for_write,
    is_emergency_only,
    may_change_case,
)
from samspel.cases.family_access import case_display
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refusal_response
from samspel.network import consent as consent_rules
from samspel.network import services
from samspel.network.forms import ActorForm, ConsentForm, WithdrawForm
from samspel.network.models import Consent


def _blank_forms(case: Case) -> dict:
    today = timezone.localdate()
    return {
        "actor_form": ActorForm(case=case, prefix="actor"),
        "consent_form": ConsentForm(case=case, prefix="consent", initial={"given_on": today}),
        "withdraw_form": WithdrawForm(
            case=case, prefix="withdraw", initial={"withdrawn_on": today}
        ),
    }


def _actors(case: Case):
    consents = Consent.objects.select_related("given_by")
    return case.actors.select_related("external_organisation", "contact_person").prefetch_related(
        Prefetch("consents", queryset=consents)
    )


def _render_page(request: HttpRequest, case: Case, **bound_forms) -> HttpResponse:
    """The page, with the blank forms for writers and any form that came back with errors."""
    can_write = can_write_case(request.user, case)
    forms = {**_blank_forms(case), **bound_forms} if can_write else {}
    actors = list(_actors(case))
    shown = case_display(request.user, case)
    country = case.organisation.jurisdiction
    for actor in actors:
        actor.kind_label = actor.external_organisation.kind_label(country)
    for consent in (c for actor in actors for c in actor.consents.all()):
        consent.given_by_label = shown.label(consent.given_by)
    context = {
        "case": case,
        "actors": actors,
        "without_consent": sum(not consent_rules.has_valid_consent(a) for a in actors),
        "has_open_consents": any(
            c.withdrawn_on is None for actor in actors for c in actor.consents.all()
        ),
        "can_write": can_write,
        # A closed case takes no new actor or consent; a withdrawal is still recorded.
        "can_change": may_change_case(request.user, case),
        "emergency": is_emergency_only(request.user, case),
        **forms,
    }
    return render(request, "network/network_page.html", context)


def _page_url(case: Case) -> str:
    return reverse("network:page", kwargs={"case_id": case.public_id})


def _back(case: Case) -> HttpResponse:
    return redirect(_page_url(case))


@require_GET
@login_required
def network_page(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    return _render_page(request, case)


@require_POST
@login_required
def actor_add(request: HttpRequest, case_id) -> HttpResponse:
    """Link an external organisation (existing or new) to the case with its role."""
    case = get_case_for_write(request, case_id)
    form = ActorForm(request.POST, case=case, prefix="actor")
    if not form.is_valid():
        return _render_page(request, case, actor_form=form)
    try:
        actor = services.add_actor(case, by=request.user, request=request, **_actor(form))
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case))
    messages.success(request, _("%(actor)s is added to the network.") % {"actor": actor})
    return _back(case)


def _actor(form: ActorForm) -> dict:
    """The role, organisation and contact person the actor form gives, new ones described."""
    data = form.cleaned_data
    organisation = data["external_organisation"] or services.NewOrganisation(
        kind=data["new_organisation_kind"],
        name=data["new_organisation_name"],
        phone=data["new_organisation_phone"],
        email=data["new_organisation_email"],
    )
    contact = data["contact_person"]
    if contact is None and data["new_contact_name"]:
        contact = services.NewContact(
            name=data["new_contact_name"],
            title=data["new_contact_title"],
            phone=data["new_contact_phone"],
            email=data["new_contact_email"],
        )
    return {"role": data["role"], "organisation": organisation, "contact": contact}


@require_POST
@login_required
def consent_record(request: HttpRequest, case_id) -> HttpResponse:
    """Record the family's consent to share information with one actor."""
    case = get_case_for_write(request, case_id)
    form = ConsentForm(request.POST, case=case, prefix="consent")
    if not form.is_valid():
        return _render_page(request, case, consent_form=form)
    data = form.cleaned_data
    try:
        consent = services.record_consent(
            case,
            by=request.user,
            request=request,
            case_actor=data["case_actor"],
            given_by=data["given_by"],
            scope=data["scope"],
            given_on=data["given_on"],
        )
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case))
    messages.success(
        request, _("The consent for %(actor)s is recorded.") % {"actor": consent.case_actor}
    )
    return _back(case)


@require_POST
@login_required
def consent_withdraw(request: HttpRequest, case_id) -> HttpResponse:
    """Withdraw a consent from a date. The consent itself is kept, with both dates."""
    case = get_case_for_write(request, case_id)
    form = WithdrawForm(request.POST, case=case, prefix="withdraw")
    if not form.is_valid():
        return _render_page(request, case, withdraw_form=form)
    consent, withdrawn_on = form.cleaned_data["consent"], form.cleaned_data["withdrawn_on"]
    try:
        services.withdraw_consent(
            case, consent, by=request.user, withdrawn_on=withdrawn_on, request=request
        )
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case))
    messages.success(
        request, _("The consent for %(actor)s is withdrawn.") % {"actor": consent.case_actor}
    )
    return _back(case)
