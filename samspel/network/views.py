"""The network page of a case: its actors, their contact persons and the family's consent.
Every case is reached through samspel.cases.access; every change is audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import (
    can_write_case,
    get_case_for_user,
    get_case_for_write,
    is_emergency_only,
)
from samspel.cases.models import Case
from samspel.families.visibility import case_display
from samspel.network import consent as consent_rules
from samspel.network.forms import ActorForm, ConsentForm, WithdrawForm
from samspel.network.models import CaseActor, Consent, ContactPerson, ExternalOrganisation


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
        "emergency": is_emergency_only(request.user, case),
        **forms,
    }
    return render(request, "network/network_page.html", context)


def _back(case: Case) -> HttpResponse:
    return redirect("network:page", case_id=case.public_id)


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
    with transaction.atomic():
        actor = _save_actor(request, case, form.cleaned_data)
    messages.success(request, _("%(actor)s is added to the network.") % {"actor": actor})
    return _back(case)


def _save_actor(request: HttpRequest, case: Case, data: dict) -> CaseActor:
    organisation = data["external_organisation"] or _new_organisation(request, case, data)
    contact = data["contact_person"] or _new_contact(request, organisation, data)
    actor = CaseActor.objects.create(
        case=case,
        external_organisation=organisation,
        contact_person=contact,
        role=data["role"],
        added_by=request.user,
    )
    record(
        request,
        Action.CREATE,
        actor,
        case=str(case.public_id),
        external_organisation=str(organisation.public_id),
        contact_person=str(contact.public_id) if contact else None,
    )
    return actor


def _new_organisation(request: HttpRequest, case: Case, data: dict) -> ExternalOrganisation:
    organisation = ExternalOrganisation.objects.create(
        organisation_id=case.organisation_id,
        kind=data["new_organisation_kind"],
        name=data["new_organisation_name"],
        phone=data["new_organisation_phone"],
        email=data["new_organisation_email"],
    )
    record(request, Action.CREATE, organisation, kind=organisation.kind)
    return organisation


def _new_contact(request: HttpRequest, organisation, data: dict) -> ContactPerson | None:
    if not data["new_contact_name"]:
        return None
    contact = ContactPerson.objects.create(
        external_organisation=organisation,
        name=data["new_contact_name"],
        title=data["new_contact_title"],
        phone=data["new_contact_phone"],
        email=data["new_contact_email"],
    )
    record(request, Action.CREATE, contact, external_organisation=str(organisation.public_id))
    return contact


@require_POST
@login_required
def consent_record(request: HttpRequest, case_id) -> HttpResponse:
    """Record the family's consent to share information with one actor."""
    case = get_case_for_write(request, case_id)
    form = ConsentForm(request.POST, case=case, prefix="consent")
    if not form.is_valid():
        return _render_page(request, case, consent_form=form)
    data = form.cleaned_data
    with transaction.atomic():
        consent = Consent.objects.create(
            case_actor=data["case_actor"],
            given_by=data["given_by"],
            scope=data["scope"],
            given_on=data["given_on"],
            recorded_by=request.user,
        )
        record(
            request,
            Action.CREATE,
            consent,
            case=str(case.public_id),
            case_actor=str(consent.case_actor.public_id),
            given_by=str(consent.given_by.public_id),
            given_on=consent.given_on.isoformat(),
        )
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
    with transaction.atomic():
        # Conditional update: of two simultaneous withdrawals, the second changes nothing.
        changed = Consent.objects.filter(pk=consent.pk, withdrawn_on__isnull=True).update(
            withdrawn_on=withdrawn_on,
            withdrawal_recorded_by=request.user,
            withdrawal_recorded_at=timezone.now(),
        )
        if changed:
            record(
                request,
                Action.UPDATE,
                consent,
                case=str(case.public_id),
                withdrawn_on=withdrawn_on.isoformat(),
            )
    if not changed:
        messages.error(request, _("The consent was already withdrawn. Nothing was changed."))
    else:
        messages.success(
            request, _("The consent for %(actor)s is withdrawn.") % {"actor": consent.case_actor}
        )
    return _back(case)
