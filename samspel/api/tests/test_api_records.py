"""REST API v1 (issue 11, item 3): families and persons under the protected-identity rule,
measures, plans, the worklist and the calendar; each through the pages' access helpers, each
request one audit event."""

import datetime as dt

import pytest
import time_machine

from samspel.api.tests.calls import get
from samspel.audit.models import Action, AuditEvent
from samspel.calendars.tests.conftest import NOW, TODAY, at, make_activity
from samspel.families.models import Person, PersonRole
from samspel.followup.models import DueItem
from samspel.plans.demo import add_demo_plan


def only_event(before: int) -> AuditEvent:
    [event] = AuditEvent.objects.filter(id__gt=before)
    assert event.action == Action.VIEW and "api_token" in event.detail
    return event


def last_id() -> int:
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.fixture
def household(case, parent, child):
    """The shared case's family with the child's contact details and the parent's personal
    number (the parent has protected identity)."""
    child.address, child.phone, child.birth_date = (
        "Lindvägen 3",
        "+46701234567",
        dt.date(2015, 4, 1),
    )
    child.save()
    parent.personal_number, parent.birth_date = "198001019802", dt.date(1980, 1, 1)
    parent.save()
    return case.family


def persons_by_role(body) -> dict:
    return {person["role"]: person for person in body["persons"]}


def test_the_family_as_the_people_on_the_case_see_it(client, household, token_of, case):
    before = last_id()
    response = get(client, f"/families/{household.public_id}", token_of("worker"))
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Familjen Berg"
    assert body["cases"] == [{"id": str(case.public_id), "number": case.number}]
    persons = persons_by_role(body)
    child = persons[PersonRole.CHILD]
    assert (child["name"], child["address"], child["phone"]) == (
        "Elsa Berg",
        "Lindvägen 3",
        "+46701234567",
    )
    parent = persons[PersonRole.PARENT]
    assert parent["name"] == "Lena Berg" and parent["personal_number"] == "198001019802"
    assert parent["protected_identity"] and not parent["initials_only"]
    # The protected address is not in the response at all, not even as a key with a value.
    assert parent["address"] is None and "Skyddade" not in response.content.decode()
    event = only_event(before)
    assert event.object_type == "families.family"


def test_a_protected_address_never_leaves_even_for_a_user_granted_it(
    client, household, parent, personas, token_of
):
    parent.authorised_users.add(personas["worker"])
    response = get(client, f"/families/{household.public_id}", token_of("worker"))
    parent_out = persons_by_role(response.json())[PersonRole.PARENT]
    assert parent_out["address"] is None and parent_out["email"] is None
    assert "Skyddade" not in response.content.decode()


def test_emergency_access_shows_a_protected_person_by_initials(
    client, household, emergency_reader, token_of
):
    response = get(client, f"/families/{household.public_id}", token_of(emergency_reader))
    assert response.status_code == 200
    parent = persons_by_role(response.json())[PersonRole.PARENT]
    assert parent == {
        "id": parent["id"],
        "role": "parent",
        "name": "LB",
        "initials_only": True,
        "protected_identity": True,
        "personal_number": None,
        "birth_date": None,
        "address": None,
        "phone": None,
        "email": None,
    }
    assert "Lena" not in response.content.decode() and "19800101" not in response.content.decode()


def test_families_list_and_outsiders(client, household, token_of, case):
    before = last_id()
    body = get(client, "/families", token_of("worker")).json()
    assert body == {
        "items": [{"id": str(household.public_id), "name": "Familjen Berg"}],
        "count": 1,
    }
    event = only_event(before)
    assert event.detail["families"] == [str(household.public_id)]
    assert list(event.case_links.values_list("case_number", flat=True)) == [case.number]
    for persona in ("outsider", "stranger"):
        assert get(client, "/families", token_of(persona)).json()["count"] == 0
        response = get(client, f"/families/{household.public_id}", token_of(persona))
        assert response.status_code == 404


def test_measures_of_a_case(client, case, token_of):
    response = get(client, f"/cases/{case.public_id}/measures", token_of("worker"))
    [measure] = response.json()
    assert measure["paragraph"] == "SoL 4:1" and measure["starts_on"] == "2026-01-02"
    assert measure["ends_on"] is None


def test_plans_of_a_case_and_one_plan_with_its_goal_tree(client, active_case, personas, token_of):
    plan = add_demo_plan(active_case, personas["worker"])
    secret = token_of("worker")
    [summary] = get(client, f"/cases/{active_case.public_id}/plans", secret).json()
    assert summary["id"] == str(plan.public_id) and summary["version"] == plan.version
    before = last_id()
    response = get(client, f"/cases/{active_case.public_id}/plans/{plan.public_id}", secret)
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == plan.title
    [long_term] = body["goals"]
    assert len(long_term["short_term_goals"]) == 2
    sub_goals = [s for goal in long_term["short_term_goals"] for s in goal["sub_goals"]]
    assert len(sub_goals) == 3 and all(s["target_date"] for s in sub_goals)
    assert len(body["coordination"]) == 2 and body["agreement"]["agreed_on"]
    event = only_event(before)
    assert (event.object_type, event.object_id) == ("plans.plan", str(plan.public_id))
    assert event.case_number == active_case.number
    other = get(client, f"/cases/{active_case.public_id}/plans/{active_case.public_id}", secret)
    assert other.status_code == 404


def due(case, rule: str, on: dt.date) -> DueItem:
    return DueItem.objects.create(
        case=case,
        rule=rule,
        title="Follow-up meeting",
        due_on=on,
        counts_from=on - dt.timedelta(days=30),
        source="programme",
        explanation="x",
        organisation_id=case.organisation_id,
        responsible_id=case.responsible_id,
        buddy_id=case.buddy_id,
        team_id=case.team_id,
        programme=case.programme,
    )


@time_machine.travel(NOW, tick=False)
def test_the_worklist_by_state(client, case, token_of):
    DueItem.objects.filter(case=case).delete()
    due(case, "a", TODAY - dt.timedelta(days=1))
    due(case, "b", TODAY)
    due(case, "c", TODAY + dt.timedelta(days=7))
    due(case, "d", TODAY + dt.timedelta(days=8))
    secret = token_of("worker")
    body = get(client, "/due-items", secret).json()
    assert [(i["rule"], i["state"]) for i in body["items"]] == [
        ("a", "overdue"),
        ("b", "due_soon"),
        ("c", "due_soon"),
        ("d", "upcoming"),
    ]
    assert body["items"][0]["case"] == {"id": str(case.public_id), "number": case.number}
    for state, rules in (("overdue", ["a"]), ("due_soon", ["b", "c"]), ("upcoming", ["d"])):
        items = get(client, "/due-items", secret, state=state).json()["items"]
        assert [item["rule"] for item in items] == rules
    assert get(client, "/due-items", secret, due_before=TODAY.isoformat()).json()["count"] == 1
    assert get(client, "/due-items", token_of("buddy")).json()["count"] == 4
    assert get(client, "/due-items", token_of("outsider")).json()["count"] == 0
    # The leader reads the case but it is not theirs: their own worklist is empty.
    assert get(client, "/due-items", token_of("leader")).json()["count"] == 0


@time_machine.travel(NOW, tick=False)
def test_the_calendar_of_the_token_user(client, active_case, token_of):
    activity = make_activity(active_case, at(TODAY, 13))
    make_activity(active_case, at(TODAY + dt.timedelta(days=30), 9))  # another month
    secret = token_of("worker")
    before = last_id()
    [entry] = get(client, "/calendar", secret).json()
    assert entry["activity"] == str(activity.public_id) and entry["day"] == TODAY.isoformat()
    assert entry["start"] == "2026-11-25T13:00:00+01:00"
    assert entry["case"]["number"] == active_case.number
    assert not {"place", "context", "who"} & set(entry)
    assert only_event(before).object_type == "api.calendar"
    month = get(client, "/calendar", secret, start="2026-11-01", days=61).json()
    assert len(month) == 2
    assert get(client, "/calendar", token_of("outsider")).json() == []


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2026-12-01", "days": 0},
        {"start": "2026-01-01", "days": 63},
        {"start": "1899-12-31"},
        {"start": "2031-11-20", "days": 10},
        {"start": "2026-13-01"},
        {"start": "1764633600"},
    ],
)
@time_machine.travel(NOW, tick=False)
def test_a_calendar_period_it_cannot_give_is_422(client, case, token_of, params):
    response = get(client, "/calendar", token_of("worker"), **params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_a_person_added_later_is_in_the_family(client, household, token_of):
    Person.objects.create(
        family=household, role=PersonRole.SIBLING, first_name="Ebba", last_name="Berg"
    )
    body = get(client, f"/families/{household.public_id}", token_of("worker")).json()
    assert "Ebba Berg" in {person["name"] for person in body["persons"]}
