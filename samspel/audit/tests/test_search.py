"""The auditors' search of their organisation's audit log."""

import datetime as dt
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse

from conftest import translated
from samspel.audit import paging
from samspel.audit.log import record, record_list
from samspel.audit.models import Action, AuditEvent

URL = reverse("audit:search")


def at(day, hour=10):
    return time_machine.travel(dt.datetime(2026, 3, day, hour, 0, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def events(personas, team):
    """Worker logs in on 2 March, leader changes the team on 5 March, buddy logs in on 9 March;
    in the other organisation the stranger logs in on 5 March."""
    with at(2):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    with at(5):
        record(None, Action.UPDATE, team, user=personas["leader"])
        record(None, Action.LOGIN, personas["stranger"], user=personas["stranger"])
    with at(9):
        record(None, Action.LOGIN, personas["buddy"], user=personas["buddy"])


def found(response):
    """The events on the page, leaving out the auditor's own login and searches."""
    events = response.context["page"].object_list
    return [(e.actor_username, e.action) for e in events if e.actor_username != "auditor"]


@pytest.fixture
def auditor(client, personas, login):
    login(personas["auditor"])
    return client


def test_auditor_sees_only_their_organisations_events(auditor, events):
    response = auditor.get(URL)
    assert response.status_code == 200
    assert found(response) == [
        ("buddy", Action.LOGIN),
        ("leader", Action.UPDATE),
        ("worker", Action.LOGIN),
    ]
    assert "stranger" not in response.text


def test_filter_by_user_ignores_case(auditor, events):
    response = auditor.get(URL, {"user": "Worker"})
    assert found(response) == [("worker", Action.LOGIN)]


def test_searching_for_a_user_of_another_organisation_finds_nothing(auditor, events):
    response = auditor.get(URL, {"user": "stranger"})
    assert found(response) == []
    assert "No events match." in response.text


def test_an_unknown_user_gets_a_message(client, personas, login, events):
    personas["auditor"].language = "sv"
    personas["auditor"].save(update_fields=["language"])
    login(personas["auditor"])
    response = client.get(URL, {"user": "nobody"})
    assert response.status_code == 200
    message = translated("No user of your organisation is called “%(name)s”.", "sv")
    assert message % {"name": "nobody"} in response.text
    assert found(response) == []
    assert not AuditEvent.objects.filter(action=Action.SEARCH).exists()


def test_filter_by_user_finds_them_by_id_after_a_rename(auditor, personas, events):
    personas["worker"].username = "worker-renamed"
    personas["worker"].save(update_fields=["username"])
    response = auditor.get(URL, {"user": "WORKER-renamed"})
    assert found(response) == [("worker", Action.LOGIN)]


def test_filter_by_object(auditor, events, team):
    response = auditor.get(
        URL, {"object_type": "organisations.team", "object_id": str(team.public_id)}
    )
    assert found(response) == [("leader", Action.UPDATE)]


def test_filter_by_object_type_ignores_case(auditor, events, team):
    response = auditor.get(URL, {"object_type": "Organisations.Team"})
    assert found(response) == [("leader", Action.UPDATE)]


def test_filter_by_case_finds_its_own_events_and_the_lists_that_showed_it(
    auditor, rf, personas, case, team
):
    with at(3):
        record(None, Action.VIEW, case, user=personas["worker"])
    with at(4):
        request = rf.get("/cases/")
        request.user = personas["leader"]
        record_list(request, "cases.case_list", [case])
    with at(6):
        record(None, Action.UPDATE, team, user=personas["buddy"])  # not about the case
    response = auditor.get(URL, {"case": str(case.public_id)})
    assert found(response) == [("leader", Action.VIEW), ("worker", Action.VIEW)]
    assert [e.object_type for e in response.context["page"].object_list][:2] == [
        "cases.case_list",
        "cases.case",
    ]


def test_filter_by_case_rejects_what_is_not_a_case_number(auditor, events):
    response = auditor.get(URL, {"case": "2026 0001; drop"})
    assert response.status_code == 200
    assert response.context["form"].errors["case"]
    assert found(response) == []


def test_filter_by_action(auditor, events):
    response = auditor.get(URL, {"action": Action.UPDATE})
    assert found(response) == [("leader", Action.UPDATE)]


def test_filter_by_period_includes_both_ends(auditor, events):
    response = auditor.get(URL, {"date_from": "2026-03-02", "date_to": "2026-03-05"})
    assert found(response) == [("leader", Action.UPDATE), ("worker", Action.LOGIN)]


def test_period_is_the_local_day(auditor, personas):
    # 23:30 UTC on 5 March is 00:30 on 6 March in Stockholm.
    with at(5, hour=23):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    assert found(auditor.get(URL, {"date_from": "2026-03-06", "date_to": "2026-03-06"})) == [
        ("worker", Action.LOGIN)
    ]
    assert found(auditor.get(URL, {"date_to": "2026-03-05"})) == []


def test_filter_by_start_only(auditor, events):
    response = auditor.get(URL, {"date_from": "2026-03-06"})
    assert found(response) == [("buddy", Action.LOGIN)]


def test_end_before_start_gives_a_message_and_no_results(auditor, events):
    response = auditor.get(URL, {"date_from": "2026-03-09", "date_to": "2026-03-01"})
    assert response.status_code == 200
    assert "The end of the period is before its start." in response.text
    assert found(response) == []


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "yesterday"},
        {"date_to": "2026-13-45"},
        {"action": "drop table"},
        {"date_from": "\x00"},
        {"page": "9999"},
        {"page": "abc"},
    ],
)
def test_garbage_gives_a_message_or_an_empty_page_not_a_crash(auditor, events, query):
    response = auditor.get(URL, query)
    assert response.status_code == 200
    if "page" not in query:
        assert response.context["form"].errors
        assert 'class="error-summary"' in response.text
        assert found(response) == []


def test_searching_leaves_a_search_event(auditor, personas, events):
    auditor.get(URL, {"user": "worker", "action": Action.LOGIN})
    event = AuditEvent.objects.get(action=Action.SEARCH)
    assert event.actor_id == personas["auditor"].pk
    assert event.organisation_id == personas["auditor"].organisation_id
    assert event.detail == {"terms": {"user": "worker", "action": "login"}}
    assert event.request_id


def test_earlier_searches_are_findable(auditor, events):
    auditor.get(URL, {"user": "worker"})
    response = auditor.get(URL, {"user": "auditor", "action": Action.SEARCH})
    terms = [e.detail["terms"] for e in response.context["page"].object_list]
    assert {"user": "worker"} in terms


def test_invalid_search_is_not_recorded_as_a_search(auditor, events):
    auditor.get(URL, {"date_from": "garbage"})
    assert not AuditEvent.objects.filter(action=Action.SEARCH).exists()


@pytest.mark.parametrize("persona", ["worker", "leader", "admin", "stranger", "outsider"])
def test_everyone_but_auditors_gets_404(client, personas, login, events, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.SEARCH).exists()


def test_auditor_without_organisation_gets_404(client, personas, login):
    auditor = personas["auditor"]
    auditor.organisation = None
    auditor.save(update_fields=["organisation"])
    login(auditor)
    assert client.get(URL).status_code == 404


def test_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_rejects_post(auditor, events):
    assert auditor.post(URL, {"user": "worker"}).status_code == 405


def test_pages_of_fifty_keep_the_filter(auditor, personas):
    for _ in range(60):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    first = auditor.get(URL, {"user": "worker"})
    page = first.context["page"]
    assert len(page.object_list) == 50
    assert not page.previous_cursor
    assert f"user=worker&amp;after={quote(page.next_cursor)}" in first.text
    second = auditor.get(URL, {"user": "worker", "after": page.next_cursor})
    older = second.context["page"]
    assert len(older.object_list) == 10
    assert not older.next_cursor
    assert {e.pk for e in page.object_list}.isdisjoint(e.pk for e in older.object_list)
    back = auditor.get(URL, {"user": "worker", "before": older.previous_cursor})
    assert [e.pk for e in back.context["page"].object_list] == [e.pk for e in page.object_list]


def test_events_of_the_same_instant_are_paged_by_id(auditor, personas):
    with at(4):
        for _ in range(55):
            record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    first = auditor.get(URL, {"user": "worker"}).context["page"]
    second = auditor.get(URL, {"user": "worker", "after": first.next_cursor}).context["page"]
    shown = [e.pk for e in first.object_list] + [e.pk for e in second.object_list]
    assert shown == sorted(shown, reverse=True)
    assert len(set(shown)) == 55


@pytest.mark.parametrize("cursor", ["garbage", "", "1", "W10:1abc:def"])
def test_a_forged_cursor_shows_the_first_page(auditor, events, cursor):
    response = auditor.get(URL, {"after": cursor})
    assert response.status_code == 200
    assert found(response) == [
        ("buddy", Action.LOGIN),
        ("leader", Action.UPDATE),
        ("worker", Action.LOGIN),
    ]


def test_the_count_stops_at_the_limit(auditor, personas, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_LIMIT", 5)
    for _ in range(7):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    response = auditor.get(URL, {"user": "worker"})
    assert response.context["page"].more_than_limit
    assert response.context["page"].count == 5
    assert "More than 5 events: narrow the search" in response.text
    exact = auditor.get(URL, {"user": "auditor", "action": Action.SEARCH})
    assert not exact.context["page"].more_than_limit
    assert exact.context["page"].count == 2  # the search before and this one
    assert "2 events" in exact.text


def test_query_count_does_not_grow_with_events(auditor, personas, django_assert_max_num_queries):
    for _ in range(60):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    # session, user, organisation, second-factor devices, the typed user's id, the search
    # event, the bounded count, the page, its users' names, and the session update (in a
    # savepoint)
    with django_assert_max_num_queries(12):
        response = auditor.get(URL, {"user": "worker"})
    assert len(response.context["page"].object_list) == 50


def test_period_message_is_in_the_auditors_language(client, personas, login):
    personas["auditor"].language = "sv"
    personas["auditor"].save(update_fields=["language"])
    login(personas["auditor"])
    response = client.get(URL, {"date_from": "2026-03-09", "date_to": "2026-03-01"})
    assert translated("The end of the period is before its start.", "sv") in response.text
