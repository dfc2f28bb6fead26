"""Adding an actor to a case's network and recording or withdrawing the family's consent: the
one way code changes a CaseActor or a Consent (and registers the organisation or contact person
an actor brings along).

Each function runs in one transaction with explicit fields and one audit record per row written.
A closed case takes no new actor and no new consent (CaseClosed, samspel.cases.refusals). A
withdrawal is still recorded on a closed case: it only narrows what may be shared, and a consent
that looks valid after the family withdrew it would be wrong for as long as the case is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import User
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refuse_if_closed
from samspel.families.models import Person
from samspel.network.models import CaseActor, Consent, ContactPerson, ExternalOrganisation

ALREADY_REGISTERED = _("%(name)s is already registered: choose it from the list.")


@dataclass(frozen=True)
class NewOrganisation:
    """An external organisation typed in while adding the actor."""

    kind: str
    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class NewContact:
    """A contact person at the actor's organisation, typed in while adding the actor."""

    name: str
    title: str = ""
    phone: str = ""
    email: str = ""


def register_organisation(
    request: HttpRequest | None, case: Case, by: User, new: NewOrganisation
) -> ExternalOrganisation:
    """Enter `new` in the register of the case's organisation (audited); the caller holds the
    transaction and has refused a closed case. A name registered meanwhile (the forms check
    it, a colleague may have entered it since) is refused, not a crash."""
    try:
        with transaction.atomic():
            organisation = ExternalOrganisation.objects.create(
                organisation_id=case.organisation_id,
                kind=new.kind,
                name=new.name,
                phone=new.phone,
                email=new.email,
            )
    except IntegrityError:
        raise Refused(ALREADY_REGISTERED % {"name": new.name}) from None
    record(request, Action.CREATE, organisation, user=by, kind=organisation.kind)
    return organisation


def _register_contact(
    request: HttpRequest | None, organisation: ExternalOrganisation, by: User, new: NewContact
) -> ContactPerson:
    contact = ContactPerson.objects.create(
        external_organisation=organisation,
        name=new.name,
        title=new.title,
        phone=new.phone,
        email=new.email,
    )
    record(
        request,
        Action.CREATE,
        contact,
        user=by,
        external_organisation=str(organisation.public_id),
    )
    return contact


def add_actor(
    case: Case,
    *,
    by: User,
    role: str,
    organisation: ExternalOrganisation | NewOrganisation,
    contact: ContactPerson | NewContact | None = None,
    request: HttpRequest | None = None,
) -> CaseActor:
    """Link an external organisation (registered, or new) to the case with its role there,
    optionally with a contact person (registered at that organisation, or new)."""
    refuse_if_closed(case)
    if isinstance(organisation, ExternalOrganisation) and (
        organisation.organisation_id != case.organisation_id
    ):
        raise Refused(_("Choose an organisation from the list."))
    with transaction.atomic():
        if isinstance(organisation, NewOrganisation):
            organisation = register_organisation(request, case, by, organisation)
        if isinstance(contact, NewContact):
            contact = _register_contact(request, organisation, by, contact)
        actor = CaseActor.objects.create(
            case=case,
            external_organisation=organisation,
            contact_person=contact,
            role=role,
            added_by=by,
        )
        record(
            request,
            Action.CREATE,
            actor,
            user=by,
            case=str(case.public_id),
            external_organisation=str(organisation.public_id),
            contact_person=str(contact.public_id) if contact else None,
        )
    return actor


def record_consent(
    case: Case,
    *,
    by: User,
    case_actor: CaseActor,
    given_by: Person,
    scope: str,
    given_on: dt.date,
    request: HttpRequest | None = None,
) -> Consent:
    """The family's consent, given by one of its members, to share `scope` with the actor."""
    refuse_if_closed(case)
    if case_actor.case_id != case.pk or given_by.family_id != case.family_id:
        raise Refused(_("The consent must be given by the family to an actor on this case."))
    with transaction.atomic():
        consent = Consent.objects.create(
            case_actor=case_actor,
            given_by=given_by,
            scope=scope,
            given_on=given_on,
            recorded_by=by,
        )
        record(
            request,
            Action.CREATE,
            consent,
            user=by,
            case=str(case.public_id),
            case_actor=str(case_actor.public_id),
            given_by=str(given_by.public_id),
            given_on=given_on.isoformat(),
        )
    return consent


def withdraw_consent(
    case: Case,
    consent: Consent,
    *,
    by: User,
    withdrawn_on: dt.date,
    request: HttpRequest | None = None,
) -> Consent:
    """Withdraw a consent from `withdrawn_on`. The consent is kept, with both dates."""
    if consent.case_actor.case_id != case.pk:
        raise Refused(_("The consent must be given by the family to an actor on this case."))
    with transaction.atomic():
        # Conditional update: of two simultaneous withdrawals, the second changes nothing.
        now = timezone.now()
        changed = Consent.objects.filter(pk=consent.pk, withdrawn_on__isnull=True).update(
            withdrawn_on=withdrawn_on, withdrawal_recorded_by=by, withdrawal_recorded_at=now
        )
        if not changed:
            raise Refused(_("The consent was already withdrawn. Nothing was changed."))
        record(
            request,
            Action.UPDATE,
            consent,
            user=by,
            case=str(case.public_id),
            withdrawn_on=withdrawn_on.isoformat(),
        )
    consent.withdrawn_on, consent.withdrawal_recorded_by = withdrawn_on, by
    consent.withdrawal_recorded_at = now
    return consent
