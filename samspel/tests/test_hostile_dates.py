"""Hostile dates on the forms that had no bad-input table of their own: the form is shown again
(or the page says why) with a translated message, and nothing is changed. The other forms'
tables in their apps carry the same rows (9999-12-31, 0001-01-01)."""

import datetime as dt

import pytest
import time_machine

from conftest import translated
from samspel.cases.models import CaseStatus
from samspel.families.models import Person, PersonRole
from samspel.followup.models import DueItem
from samspel.plans.models import Goal, Plan, SubGoal
from samspel.plans.versioning import create_plan

TODAY = dt.date(2026, 3, 10)
pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def swedish(client, personas):
    """The worker, reading Swedish."""
    worker = personas["worker"]
    worker.language = "sv"
    worker.save(update_fields=["language"])
    client.force_login(worker)
    return client


@pytest.fixture
def plan(active_case, personas):
    return create_plan(
        active_case,
        personas["worker"],
        kind="implementation_plan",
        title="Genomförandeplan",
        starts_on=dt.date(2026, 3, 1),
    )


def _page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("birth_date", "message"),
    [
        ("9999-12-31", "A birth date cannot be in the future."),
        ("2026-03-11", "A birth date cannot be in the future."),
        ("0001-01-01", "A birth date cannot be before 1900."),
    ],
)
def test_a_person_with_an_impossible_birth_date_is_not_added(
    swedish, active_case, birth_date, message
):
    url = f"/families/{active_case.family.public_id}/persons/new/"
    data = {"role": "child", "first_name": "Ebbe", "last_name": "Berg", "birth_date": birth_date}
    page = _page(swedish.post(url, data))
    assert translated(message, "sv") in page
    assert not Person.objects.filter(first_name="Ebbe").exists()


def test_an_impossible_birth_date_is_not_saved_on_an_edit(swedish, active_case, child):
    url = f"/families/{active_case.family.public_id}/persons/{child.public_id}/"
    data = {"role": "child", "first_name": "Elsa", "last_name": "Berg", "birth_date": "9999-12-31"}
    page = _page(swedish.post(url, data))
    assert translated("A birth date cannot be in the future.", "sv") in page
    child.refresh_from_db()
    assert child.birth_date is None


def test_a_personal_number_of_a_child_not_yet_born_is_refused(swedish, active_case):
    """20991231-0001 is a well-formed number (its check digit is right); its birth date is not."""
    url = f"/families/{active_case.family.public_id}/persons/new/"
    number = "20991231-0001"
    data = {"role": "child", "first_name": "Ebbe", "last_name": "Berg", "personal_number": number}
    page = _page(swedish.post(url, data))
    assert translated("A birth date cannot be in the future.", "sv") in page
    assert not Person.objects.filter(first_name="Ebbe").exists()


@pytest.mark.parametrize("on", ["9999-12-31", "0001-01-01"])
def test_a_status_date_out_of_bounds_changes_nothing(swedish, case, on):
    """The status form is on the case page: the refusal comes back there as a message."""
    response = swedish.post(
        f"/cases/{case.public_id}/status/", {"status": "active", "on": on}, follow=True
    )
    refused = translated("That status change is not possible. Nothing was changed.", "sv")
    assert refused in _page(response)
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRAL and case.activated_on is None


@pytest.mark.parametrize(
    ("starts_on", "message"),
    [
        ("9999-12-31", "The date cannot be more than a year from today."),
        ("0001-01-01", "The date cannot be before 1900."),
    ],
)
def test_a_plan_cannot_start_out_of_bounds(swedish, active_case, starts_on, message):
    url = f"/cases/{active_case.public_id}/plans/new/"
    data = {"kind": "care_plan", "title": "Vårdplan", "starts_on": starts_on}
    assert translated(message, "sv") in _page(swedish.post(url, data))
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("agreed_on", "message"),
    [
        ("9999-12-31", "The agreement date cannot be in the future."),
        ("0001-01-01", "The date cannot be before 1900."),
    ],
)
def test_an_agreement_out_of_bounds_changes_nothing(swedish, active_case, plan, agreed_on, message):
    url = f"/cases/{active_case.public_id}/plans/{plan.public_id}/agreement/"
    data = {"version": 1, "agreed_on": agreed_on, "agreed_by": "Lena", "agreement_text": ""}
    assert translated(message, "sv") in _page(swedish.post(url, data))
    plan.refresh_from_db()
    assert plan.agreed_on is None and plan.version == 1


@pytest.mark.parametrize("target_date", ["9999-12-31", "2031-03-11"])
def test_a_sub_goal_target_beyond_the_planning_horizon_is_refused(
    swedish, active_case, plan, target_date
):
    parent = Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")
    goal = Goal.objects.create(
        plan=plan, parent=parent, text="Kortsiktigt", responsible_party="worker"
    )
    url = f"/cases/{active_case.public_id}/plans/{plan.public_id}/sub-goals/new/"
    data = {
        "version": 1,
        "goal": str(goal.public_id),
        "what": "Morgonrutin",
        "indicator": "Dagar i skolan före 08.15",
        "target_date": target_date,
        "responsible_party": "worker",
    }
    page = _page(swedish.post(url, data))
    planned = translated("A planned time must be within %(years)d years of today.", "sv")
    assert planned % {"years": 5} in page
    assert not SubGoal.objects.exists()


def test_a_stored_birth_date_of_9999_12_31_no_longer_blocks_the_case(client, personas, active_case):
    """The reported defect: once saved, it made every later change to the family's cases fail,
    because the recompute in every write overflowed."""
    Person.objects.create(
        family=active_case.family,
        role=PersonRole.CHILD,
        first_name="Framtida",
        last_name="Berg",
        birth_date=dt.date.max,
    )
    active_case.focus_children.add(*active_case.family.persons.filter(role=PersonRole.CHILD))
    client.force_login(personas["worker"])
    response = client.post(
        f"/cases/{active_case.public_id}/status/", {"status": "closing", "on": "2026-03-10"}
    )
    assert response.status_code == 302
    active_case.refresh_from_db()
    assert active_case.status == CaseStatus.CLOSING
    assert DueItem.objects.filter(case=active_case).exists()
