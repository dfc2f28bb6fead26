"""The case page composes every app's panel (due items, investigation, FIFA answers, placements,
activities); its query count is pinned and does not grow with the case's records."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samspel.cases import services
from samspel.families.models import Person, PersonRole
from samspel.followup.recompute import recompute_case
from samspel.network.models import ExternalOrganisation

# Middleware, the case and its relation, the panels' batched reads: 32 on 2026-12-02 (a FIFA case
# with placements and measures: the measures panel reads its rows in one query, the placement
# form lists the network's homes in one).
MAX_QUERIES = 32


def _count(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:detail", args=[case.public_id]))
    assert response.status_code == 200
    return len(queries)


def _add_children_and_placements(case, worker, how_many: int) -> None:
    for number in range(how_many):
        child = Person.objects.create(
            family=case.family,
            role=PersonRole.CHILD,
            first_name=f"Barn{number}",
            last_name="Berg",
            birth_date=dt.date(2014, 1, 1),
        )
        case.focus_children.add(child)
        services.record_placement(
            case,
            child,
            by=worker,
            started_on=dt.date(2026, 2, 1),
            form="familjehem",
            legal_ground="SoL 6:1",
            home=ExternalOrganisation.objects.get_or_create(
                organisation=case.organisation, kind="foster_home", name=f"Hem {number}"
            )[0],
        )


def test_the_case_page_reads_a_fixed_number_of_queries(client, personas, active_case):
    worker = personas["worker"]
    client.force_login(worker)
    _add_children_and_placements(active_case, worker, 1)
    _count(client, active_case)  # the session's first request also writes its last-seen time
    few = _count(client, active_case)
    _add_children_and_placements(active_case, worker, 4)
    for number in range(4):
        Person.objects.create(
            family=active_case.family,
            role=PersonRole.PARENT,
            first_name=f"Vuxen{number}",
            last_name="Berg",
        )
    for code in ["SoL 6:1", "SoL 11:1"]:
        services.add_measure(
            active_case,
            by=worker,
            paragraph=code,
            decided_on=dt.date(2026, 2, 1),
            starts_on=dt.date(2026, 2, 1),
        )
    recompute_case(active_case)
    many = _count(client, active_case)
    assert many == few  # no query per child, placement, adult or measure
    assert few <= MAX_QUERIES
