"""The team leader's worklist: the led teams' items, filters, pagination and caseloads."""

import datetime as dt

import pytest
import time_machine

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.tests.due import NOW, TODAY, another_case, due_item

URL = "/worklist/team/"


def days(n):
    return TODAY + dt.timedelta(days=n)


def test_rejects_the_wrong_method(login, personas):
    assert login(personas["leader"]).post(URL).status_code == 405


@pytest.mark.parametrize("persona", ["worker", "buddy", "outsider", "auditor", "admin", "stranger"])
def test_only_team_leaders_get_in(login, personas, persona):
    assert login(personas[persona]).get(URL).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_the_leader_sees_every_item_of_the_team(login, personas, case):
    due_item(case, days(-3))
    outsiders = another_case(case, "2026-0002", responsible=personas["buddy"], buddy=None)
    due_item(outsiders, days(10), explanation="three-monthly stop-op meeting")
    page = login(personas["leader"]).get(URL).content.decode()
    assert case.number in page and "2026-0002" in page
    assert "three-monthly stop-op meeting" in page
    assert "Overdue by 3 days" in page
    assert page.index(case.number) < page.index("2026-0002")  # earliest due first


@time_machine.travel(NOW, tick=False)
def test_other_teams_and_organisations_stay_out(
    login, personas, case, other_team, other_organisation
):
    due_item(case, days(1))
    other = another_case(case, "2026-0003", team=other_team, responsible=personas["outsider"])
    due_item(other, days(1))
    foreign = another_case(
        case,
        "2026-0900",
        organisation=other_organisation,
        team=personas["stranger"].teams.get(),
        responsible=personas["stranger"],
        buddy=None,
    )
    due_item(foreign, days(1))
    page = login(personas["leader"]).get(URL).content.decode()
    assert case.number in page
    assert "2026-0003" not in page and "2026-0900" not in page
    assert "Outsider Testsson" not in page  # nor in the caseloads or the worker filter


@time_machine.travel(NOW, tick=False)
def test_filter_by_worker_and_programme(login, personas, case):
    due_item(case, days(1))
    buddys = another_case(
        case, "2026-0002", responsible=personas["buddy"], buddy=None, programme="bfamily"
    )
    due_item(buddys, days(2))
    client = login(personas["leader"])
    worker = client.get(URL, {"worker": personas["worker"].pk}).content.decode()
    assert case.number in worker and "2026-0002" not in worker
    buddy = client.get(URL, {"worker": personas["buddy"].pk}).content.decode()
    assert case.number in buddy and "2026-0002" in buddy  # buddy on the first case
    bfamily = client.get(URL, {"programme": "bfamily"}).content.decode()
    assert case.number not in bfamily and "2026-0002" in bfamily
    searches = AuditEvent.objects.filter(action=Action.SEARCH, object_type="followup.dueitem")
    assert searches.count() == 3


@time_machine.travel(NOW, tick=False)
def test_bad_filter_input_shows_a_message_and_filters_nothing(login, personas, case):
    due_item(case, days(1))
    response = login(personas["leader"]).get(
        URL, {"worker": personas["stranger"].pk, "programme": "nonsense"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The filter was not applied" in page
    assert case.number in page


@time_machine.travel(NOW, tick=False)
def test_pages_of_fifty(login, personas, case):
    for number in range(2, 54):
        due_item(another_case(case, f"2026-{number:04d}"), days(number))
    client = login(personas["leader"])
    first = client.get(URL).content.decode()
    assert "Page 1 of 2" in first and "2026-0051" in first and "2026-0052" not in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert "2026-0052" in second and "2026-0053" in second
    assert client.get(URL, {"page": "x"}).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_caseload_per_worker_against_the_reference(login, personas, case):
    organisation = case.organisation
    organisation.reference_caseload = 4
    organisation.save(update_fields=["reference_caseload"])
    for number in range(2, 7):  # the worker holds 6 open cases, one more closed
        another_case(case, f"2026-{number:04d}")
    another_case(case, "2026-0099", status=CaseStatus.CLOSED)
    another_case(case, "2026-0098", responsible=personas["buddy"])
    page = login(personas["leader"]).get(URL).content.decode()
    assert "6 of 4 (150%)" in page
    assert "1 of 4 (25%)" in page
    assert "0 of 4 (0%)" in page  # the leader
    assert 'max="6" high="4"' in page
    assert "above the reference" in page


@time_machine.travel(NOW, tick=False)
def test_query_count_is_pinned(login, personas, case, django_assert_max_num_queries):
    for number in range(2, 30):
        due_item(another_case(case, f"2026-{number:04d}"), days(number - 10))
    client = login(personas["leader"])
    # Seven are the middleware's; then the led teams, the count, the search's audit event, the
    # worker and programme choices (to validate the filter), the items, the audit event naming
    # the cases shown and its cases' rows (AuditEventCase), and the caseloads.
    with django_assert_max_num_queries(16) as queries:
        response = client.get(URL, {"programme": "fifa"})
    assert response.content.decode().count("Follow-up meeting") == 28
    item_queries = [
        q["sql"]
        for q in queries.captured_queries
        if "followup_dueitem" in q["sql"] and "COUNT" not in q["sql"]
    ]
    assert len(item_queries) == 1
