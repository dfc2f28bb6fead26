"""The case list's search (samspel.cases.search): an exact case number, an exact personal
number, or part of a number, household name or person's name; always within the cases the
reader reaches."""

import pytest
from django.db import connection
from django.urls import reverse

from samspel.cases.models import Case
from samspel.families.models import Family, Person, PersonRole


def _numbers(client, user, term: str) -> set[str]:
    client.force_login(user)
    response = client.get(reverse("cases:list"), {"q": term, "status": "all"})
    assert response.status_code == 200
    return {case.number for case in response.context["page"].object_list}


@pytest.fixture
def second_case(case, team, personas):
    """Another case of the worker's, number 2026-00010 (contains 2026-0001), family Ek."""
    family = Family.objects.create(organisation=case.organisation, name="Familjen Ek")
    Person.objects.create(
        family=family,
        role=PersonRole.CHILD,
        first_name="Moa",
        last_name="Lindqvist",
        personal_number="20150101-0027",
    )
    return Case.objects.create(
        organisation=case.organisation,
        number="2026-00010",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
    )


def test_a_household_or_person_name_finds_its_cases_in_any_case(client, personas, second_case):
    worker = personas["worker"]
    assert _numbers(client, worker, "familjen berg") == {"2026-0001"}
    assert _numbers(client, worker, "elsa") == {"2026-0001"}  # the child's first name
    assert _numbers(client, worker, "LINDQ") == {"2026-00010"}  # a last name, in part
    assert _numbers(client, worker, "Familjen") == {"2026-0001", "2026-00010"}


def test_an_exact_case_number_finds_that_case_alone_and_a_part_finds_all(
    client, personas, second_case
):
    worker = personas["worker"]
    assert _numbers(client, worker, "2026-0001") == {"2026-0001"}
    assert _numbers(client, worker, "2026-00010") == {"2026-00010"}
    assert _numbers(client, worker, "2026-000") == {"2026-0001", "2026-00010"}


def test_a_personal_number_finds_the_case_of_its_persons_family(client, personas, second_case):
    assert _numbers(client, personas["worker"], "201501010027") == {"2026-00010"}
    assert _numbers(client, personas["worker"], "20150101-0028") == set()  # bad check digit


def test_the_search_finds_no_case_the_reader_does_not_reach(client, personas, second_case):
    for term in ["Familjen", "2026-0001", "20150101-0027", "Moa"]:
        assert _numbers(client, personas["outsider"], term) == set()
        assert _numbers(client, personas["stranger"], term) == set()
    assert _numbers(client, personas["leader"], "Moa") == {"2026-00010"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL")
def test_the_names_and_numbers_have_trigram_indexes_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%trgm'")
        indexes = dict(cursor.fetchall())
    ours = {
        "case_number_trgm",
        "family_name_trgm",
        "person_first_name_trgm",
        "person_last_name_trgm",
    }
    assert ours <= set(indexes)
    assert all("gin_trgm_ops" in indexes[name] for name in ours)
