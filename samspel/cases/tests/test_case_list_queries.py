"""The case list and its searches read a fixed number of queries: the count, the page and the
audit do not grow with the cases the reader reaches, nor with the cases of the organisation."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samspel.cases.models import Case, CaseGrant, EmergencyAccess
from samspel.families.models import Family, Person, PersonRole

# Middleware, the organisation's programmes, count, page, the search's exact-number probe and the
# audit of the search and the shown cases: 14 on 2026-12-02 for a search, 12 for the plain list.
MAX_QUERIES = 14

SEARCHES = [
    {},
    {"q": "Familjen Berg"},  # household name
    {"q": "Elsa"},  # a person's first name
    {"q": "2026-0001"},  # an exact case number
    {"q": "0001"},  # part of a case number
    {"q": "20150101-0027"},  # an exact personal number
    {"q": "Berg", "status": "all", "mine": "on"},
]


def _add_cases(organisation, team, other_team, personas, how_many: int, start: int) -> None:
    """Cases reached every way (responsible, buddy, granted, emergency) and cases out of reach."""
    worker, leader = personas["worker"], personas["leader"]
    for number in range(start, start + how_many):
        family = Family.objects.create(organisation=organisation, name=f"Familjen Berg {number}")
        Person.objects.create(
            family=family, role=PersonRole.CHILD, first_name="Elsa", last_name=f"Berg{number}"
        )
        way = number % 5
        case = Case.objects.create(
            organisation=organisation,
            number=f"2026-{number:04d}",
            family=family,
            programme=team.programme,
            team=other_team if way in (2, 3, 4) else team,
            responsible=worker if way == 0 else personas["outsider"],
            buddy=worker if way == 1 else None,
        )
        if way == 2:
            CaseGrant.objects.create(case=case, user=worker, granted_by=leader)
        if way == 3:
            EmergencyAccess.objects.create(
                case=case,
                user=worker,
                reason="The family called",
                expires_at=timezone.now() + dt.timedelta(hours=4),
            )


def _counts(client, user) -> tuple[list[int], int]:
    """The query count of each search, and how many cases the plain list counted."""
    client.force_login(user)
    client.get(reverse("cases:list"))  # a new session's first request writes its last-seen time
    counts, listed = [], 0
    for params in SEARCHES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("cases:list"), params)
        assert response.status_code == 200
        counts.append(len(queries))
        listed = listed or response.context["page"].paginator.count
    return counts, listed


@pytest.mark.parametrize("persona", ["worker", "leader"])
def test_the_case_list_and_its_searches_read_a_fixed_number_of_queries(
    client, personas, case, child, team, other_team, persona
):
    child.personal_number = "20150101-0027"
    child.save()
    organisation = case.organisation
    _add_cases(organisation, team, other_team, personas, 3, start=2)
    few, listed_few = _counts(client, personas[persona])
    _add_cases(organisation, team, other_team, personas, 30, start=5)
    many, listed_many = _counts(client, personas[persona])
    assert listed_many > listed_few > 0
    assert many == few  # no query per case shown, reached or searched
    assert max(few) <= MAX_QUERIES
