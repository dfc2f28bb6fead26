"""Plans on the shared `case` of the root conftest: an empty plan, the demo plan, and a
colleague who may only read the case."""

import datetime as dt

import pytest
from django.utils import timezone

from samspel.plans.demo import add_demo_plan
from samspel.plans.models import PlanKind
from samspel.plans.versioning import create_plan

START = dt.date(2026, 3, 1)


@pytest.fixture
def plan(case, personas):
    """A plan without goals, starting 1 March 2026, at version 1."""
    return create_plan(
        case,
        personas["worker"],
        kind=PlanKind.IMPLEMENTATION_PLAN,
        title="Genomförandeplan för Elsa",
        starts_on=START,
    )


@pytest.fixture
def full_plan(case, personas):
    """The demo plan, started 100 days ago so that it has progress and an agreement."""
    case.activated_on = timezone.localdate() - dt.timedelta(days=100)
    case.save(update_fields=["activated_on"])
    return add_demo_plan(case, personas["worker"])


@pytest.fixture
def school_actor(case, organisation, personas):
    """Ekens skola on the case's network, without the family's consent (yet)."""
    from samspel.network.models import CaseActor, ContactPerson, ExternalOrganisation

    school = ExternalOrganisation.objects.create(
        organisation=organisation, kind="school", name="Ekens skola"
    )
    mentor = ContactPerson.objects.create(external_organisation=school, name="Anna Lind")
    return CaseActor.objects.create(
        case=case,
        external_organisation=school,
        contact_person=mentor,
        role="Mentor",
        added_by=personas["worker"],
    )


@pytest.fixture
def give_consent(family, personas):
    def give(actor, withdrawn_on=None):
        from samspel.network.models import Consent

        return Consent.objects.create(
            case_actor=actor,
            given_by=family.persons.get(protected_identity=True),
            scope="Skolgång",
            given_on=timezone.localdate() - dt.timedelta(days=10),
            withdrawn_on=withdrawn_on,
            recorded_by=personas["worker"],
        )

    return give
