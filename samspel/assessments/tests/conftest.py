import datetime as dt

import pytest

from samspel.assessments.models import Mapping
from samspel.cases.models import Case
from samspel.families.models import Family


@pytest.fixture
def case(case):
    """The shared case, referred on a fixed date the mapping tests count from."""
    case.referred_on = dt.date(2026, 1, 5)
    case.save(update_fields=["referred_on"])
    return case


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
