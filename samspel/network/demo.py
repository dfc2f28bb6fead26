"""A realistic network for a demo case: in Denmark a school and PPR, in Sweden a school and
child and adolescent psychiatry (BUP). The family has consented to sharing with the school and
not (yet) with the other, so the demo shows both states. Running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from samspel.families.models import Person, PersonRole
from samspel.network.models import (
    CaseActor,
    Consent,
    ContactPerson,
    ExternalOrganisation,
    OrganisationKind,
)
from samspel.organisations.models import Jurisdiction


@dataclass(frozen=True)
class DemoActor:
    kind: str
    organisation: str
    phone: str
    contact: str
    title: str
    email: str
    role: str
    scope: str = ""  # empty: the family has not consented (data, in the organisation's language)


NETWORKS = {
    Jurisdiction.DENMARK: [
        DemoActor(
            OrganisationKind.SCHOOL,
            "Skjoldhøjskolen",
            "87 13 92 00",
            "Anne Lauridsen",
            "Lærer",
            "anne.lauridsen@skjoldhoj.example.dk",
            "Klasselærer",
            "Fravær, trivsel i klassen og den aftalte støtte i skolen.",
        ),
        DemoActor(
            OrganisationKind.PPR,
            "PPR Aarhus Vest",
            "87 13 40 00",
            "Jesper Holm",
            "Skolepsykolog",
            "jesper.holm@ppr.example.dk",
            "PPR-psykolog",
        ),
    ],
    Jurisdiction.SWEDEN: [
        DemoActor(
            OrganisationKind.SCHOOL,
            "Ekholmsskolan",
            "013-20 60 00",
            "Karin Sjöberg",
            "Lärare",
            "karin.sjoberg@ekholm.example.se",
            "Mentor",
            "Närvaro, trivsel i klassen och det överenskomna stödet i skolan.",
        ),
        DemoActor(
            OrganisationKind.PSYCHIATRY,
            "BUP Linköping",
            "010-103 00 00",
            "Anders Nyström",
            "Kurator",
            "anders.nystrom@bup.example.se",
            "Kurator på BUP",
        ),
    ],
}


def add_demo_network(case) -> list[CaseActor]:
    """Give the case its demo network (see the module docstring) and return its actors."""
    return [_actor(case, demo) for demo in NETWORKS[case.organisation.jurisdiction]]


def _actor(case, demo: DemoActor) -> CaseActor:
    organisation, _created = ExternalOrganisation.objects.get_or_create(
        organisation=case.organisation,
        name=demo.organisation,
        defaults={"kind": demo.kind, "phone": demo.phone},
    )
    contact, _created = ContactPerson.objects.get_or_create(
        external_organisation=organisation,
        name=demo.contact,
        defaults={"title": demo.title, "email": demo.email},
    )
    actor, created = CaseActor.objects.get_or_create(
        case=case,
        external_organisation=organisation,
        contact_person=contact,
        role=demo.role,
        defaults={"added_by": case.responsible},
    )
    consenting = _consenting_adult(case)
    if created and demo.scope and consenting is not None:
        Consent.objects.create(
            case_actor=actor,
            given_by=consenting,
            scope=demo.scope,
            given_on=min(case.referred_on + dt.timedelta(days=7), timezone.localdate()),
            recorded_by=case.responsible,
        )
    return actor


def _consenting_adult(case) -> Person | None:
    persons = case.family.persons.all()
    adults = persons.filter(role__in=[PersonRole.PARENT, PersonRole.FOSTER_PARENT])
    return adults.order_by("id").first() or persons.order_by("id").first()
