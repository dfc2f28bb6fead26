"""The auditor's tools (issue 11, item 6): find a case by its number, a user by part of a name,
a period by a preset; read rows as people and cases, not ids and model labels; follow one case's
accesses; export a search as CSV; see failed logins with unknown user names. The auditor sees no
case content."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse

from samspel.audit.forms import MAX_MATCHING_USERS, period_dates
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent
from samspel.cases.tests.url_objects import FACTORIES
from samspel.families.identity import clean_personal_number

URL = reverse("audit:search")


@pytest.fixture
def history(client, personas, case, emergency_reader):
    """The worker opens the case and its plans page and lists the cases; an emergency reader
    opens it; then the auditor logs in."""
    client.force_login(personas["worker"])
    assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 200
    assert client.get(reverse("cases:list")).status_code == 200
    plans = reverse("plans:list", kwargs={"case_id": FACTORIES["case_id"](case, "plans")})
    assert client.get(plans).status_code == 200
    client.force_login(emergency_reader)
    assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 200
    client.force_login(personas["auditor"])
    return client


def _ids(response) -> set[int]:
    return {row.event.pk for row in response.context["rows"]}


def test_a_case_is_found_by_its_number_with_the_lists_that_showed_it(history, case):
    response = history.get(URL, {"case": case.number})
    assert response.status_code == 200
    about = AuditEvent.objects.filter(case_number=case.number)
    listed = AuditEvent.objects.filter(case_links__case_number=case.number)
    assert about.count() == 3 and listed.count() == 1  # two case reads, one plans page
    assert _ids(response) == set(about.values_list("pk", flat=True)) | {listed.get().pk}


def test_rows_name_people_and_cases_not_ids_and_labels(history, case, personas):
    page = history.get(URL, {"case": case.number}).content.decode()
    assert "Worker Testsson (Worker)" in page
    assert f"Case {case.number}" in page
    assert "cases.case" not in page and str(case.public_id) not in page
    assert "Case list: 1 case" in page


def test_a_read_under_emergency_access_is_marked_on_the_read(history, case, emergency_reader):
    response = history.get(URL, {"case": case.number, "user": "emergency"})
    [row] = response.context["rows"]
    assert row.emergency and row.event.action == Action.VIEW
    assert "Emergency access" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "who"),
    [("work", {"worker"}), ("TESTSSON", None), ("Buddy Tes", {"buddy"}), ("worker", {"worker"})],
)
def test_a_user_is_found_by_part_of_a_name(history, personas, typed, who):
    for persona in ("worker", "buddy", "leader"):
        record(None, Action.LOGIN, personas[persona], user=personas[persona])
    response = history.get(URL, {"user": typed, "action": Action.LOGIN})
    found = {row.event.actor_username for row in response.context["rows"]}
    if who is None:  # every persona's family name: all who logged in
        assert {"worker", "buddy", "leader", "auditor"} <= found
    else:
        assert found == who


def test_too_many_matching_users_asks_for_more_of_the_name(history, organisation):
    from conftest import make_user

    for n in range(MAX_MATCHING_USERS + 1):
        make_user(organisation, f"temp{n}")
    response = history.get(URL, {"user": "temp"})
    assert "type more of the name" in response.context["form"].errors["user"][0]
    assert response.context["rows"] == []


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("today", dt.date(2026, 3, 10), dt.date(2026, 3, 10)),
        ("7", dt.date(2026, 3, 4), dt.date(2026, 3, 10)),
        ("this_month", dt.date(2026, 3, 1), dt.date(2026, 3, 10)),
        ("last_month", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    ],
)
def test_period_presets(period, first, last):
    assert period_dates(period, dt.date(2026, 3, 10)) == (first, last)


def test_a_preset_finds_the_events_of_its_period(client, personas):
    with time_machine.travel(dt.datetime(2026, 2, 27, 10, tzinfo=dt.UTC), tick=False):
        record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    with time_machine.travel(dt.datetime(2026, 3, 10, 10, tzinfo=dt.UTC), tick=False):
        record(None, Action.LOGIN, personas["buddy"], user=personas["buddy"])
        client.force_login(personas["auditor"])
        last_month = client.get(URL, {"period": "last_month", "action": Action.LOGIN})
        both = client.get(URL, {"period": "30", "action": Action.LOGIN})
        mixed = client.get(URL, {"period": "today", "date_from": "2026-03-01"})

    def logins(response):
        return [
            r.event.actor_username
            for r in response.context["rows"]
            if r.event.actor_username != "auditor"
        ]

    assert logins(last_month) == ["worker"]
    assert logins(both) == ["buddy", "worker"]
    assert mixed.context["form"].non_field_errors()


def test_the_case_timeline_sums_up_the_readers(history, case, emergency_reader):
    response = history.get(reverse("audit:case", args=[case.number]))
    assert response.status_code == 200
    readers = {reader.actor: reader for reader in response.context["readers"]}
    # the case page, the plans page and the case list that showed it
    assert readers["Worker Testsson (Worker)"].reads == 3
    assert readers["Emergency Testsson (Worker)"].emergency == 1
    assert AuditEvent.objects.filter(action=Action.SEARCH, detail__terms={"case": case.number})


def test_the_timeline_is_for_auditors_of_the_cases_organisation(client, personas, case):
    for persona in ("worker", "leader", "admin", "stranger"):
        client.force_login(personas[persona])
        assert client.get(reverse("audit:case", args=[case.number])).status_code == 404
    client.force_login(personas["auditor"])
    assert client.get(reverse("audit:case", args=["no number!"])).status_code == 404


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_a_search_is_exported_as_csv_and_the_export_is_audited(history, case):
    response = history.get(reverse("audit:export"), {"case": case.number})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    header, *rows = _csv(response)
    assert header[:4] == ["When", "User", "User name", "Action"]
    assert len(rows) == 4
    assert {row[6] for row in rows} == {case.number, ""}
    assert any(row[8] == "yes" for row in rows)  # the emergency read
    assert AuditEvent.objects.filter(action=Action.EXPORT, actor_username="auditor").exists()


def test_cells_that_would_be_formulas_are_written_as_text(client, personas, organisation):
    record(None, Action.LOGIN_FAILED, username="=HYPERLINK(1)", organisation_id=organisation.pk)
    client.force_login(personas["auditor"])
    _header, *rows = _csv(client.get(reverse("audit:export"), {"action": Action.LOGIN_FAILED}))
    assert rows[0][2] == "'=HYPERLINK(1)"


def test_an_invalid_export_is_refused_and_not_audited(history):
    response = history.get(reverse("audit:export"), {"date_from": "yesterday"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_failed_logins_with_unknown_user_names_are_visible(client, personas):
    client.post(reverse("accounts:login"), {"username": "mette.k", "password": "wrong"})
    client.force_login(personas["auditor"])
    response = client.get(URL, {"unknown_users": "on"})
    [row] = response.context["rows"]
    assert row.event.action == Action.LOGIN_FAILED
    assert row.actor == "mette.k (unknown user name)"
    assert "mette.k" not in client.get(URL).content.decode()  # not among the organisation's


def test_a_plan_read_is_found_by_the_plan_and_by_its_case(client, personas, case):
    plan_id = FACTORIES["plan_id"](case, "plans")
    record(None, Action.CREATE, case, user=personas["worker"])  # as cases.services does
    client.force_login(personas["worker"])
    address = reverse("plans:detail", kwargs={"case_id": case.public_id, "plan_id": plan_id})
    assert client.get(address).status_code == 200
    read = AuditEvent.objects.get(action=Action.VIEW, object_type="plans.plan")
    assert read.object_id == str(plan_id) and read.case_number == case.number
    client.force_login(personas["auditor"])
    by_plan = client.get(URL, {"object_type": "plans.plan", "object_id": str(plan_id)})
    by_number = client.get(URL, {"case": case.number})
    by_id = client.get(URL, {"case": str(case.public_id)})
    for response in (by_plan, by_number, by_id):
        assert read.pk in _ids(response)
    assert "Plan, " in by_number.content.decode()  # "Plan, Case 2026-0001"


def test_a_person_is_found_by_name_or_personal_number_with_their_cases(history, case):
    person = case.family.persons.first()
    person.personal_number, _born = clean_personal_number("19121212-1212", "SE")
    person.save()
    about = set(AuditEvent.objects.filter(case_number=case.number).values_list("pk", flat=True))
    by_name = history.get(URL, {"person": f"{person.first_name} {person.last_name}"})
    assert about and about <= _ids(by_name)
    by_number = history.get(URL, {"person": "191212121212"})
    assert _ids(by_number) == _ids(by_name)


def test_a_person_of_another_organisation_or_nobody_gives_a_message(history, personas):
    response = history.get(URL, {"person": "Nobody Anyone"})
    assert "No person of your organisation is named" in response.context["form"].errors["person"][0]
    assert response.context["rows"] == []
