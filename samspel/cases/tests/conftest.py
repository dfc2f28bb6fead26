import pytest

from samspel.cases.models import Case
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
    )
    case.focus_children.add(child)
    return case
