import datetime as dt

import pytest

from samspel.assessments.models import Mapping
from samspel.cases.models import Case, CaseGrant
from samspel.families.models import Family, Person, PersonRole


@pytest.fixture
def family(organisation, personas):
    family = Family.objects.create(
        organisation=organisation, name="Familjen Berg", created_by=personas["worker"]
    )
    Person.objects.create(
        family=family,
        role=PersonRole.PARENT,
        first_name="Lena",
        last_name="Berg",
        protected_identity=True,
        address="Skyddade vägen 7",
    )
    return family


@pytest.fixture
def parent(family):
    return family.persons.get(role=PersonRole.PARENT)


@pytest.fixture
def child(family):
    return Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Elsa", last_name="Berg"
    )


@pytest.fixture
def case(family, child, team, personas):
    case = Case.objects.create(
        organisation=family.organisation,
        number="2026-0001",
        family=family,
        programme=team.programme,
        legal_basis=["SoL 4:1"],
        team=team,
        responsible=personas["worker"],
        buddy=personas["buddy"],
        referred_on=dt.date(2026, 1, 5),
    )
    case.focus_children.add(child)
    return case


@pytest.fixture
def reader(case, personas):
    """A colleague granted read-only access to the case by name."""
    user = personas["outsider"]
    CaseGrant.objects.create(case=case, user=user, can_write=False, granted_by=personas["worker"])
    return user


@pytest.fixture
def mapping(case, personas):
    return Mapping.objects.create(
        case=case,
        held_on=dt.date(2026, 2, 2),
        held_by=personas["worker"],
        created_by=personas["worker"],
    )


@pytest.fixture
def other_case(organisation, team, personas):
    family = Family.objects.create(organisation=organisation, name="Familjen Ek")
    return Case.objects.create(
        organisation=organisation,
        number="2026-0002",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
    )
