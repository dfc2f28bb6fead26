"""A closed case is frozen: every write path of its plans refuses, through the view and in the
service, says so, and changes nothing (no row, no version, no revision, no change event)."""

import datetime as dt

import pytest

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.cases.refusals import CASE_CLOSED, CaseClosed
from samspel.plans import services
from samspel.plans.models import CoordinationResponsibility, Goal, Plan, SubGoal
from samspel.plans.tests.helpers import plan_state, url

CHANGES = (Action.CREATE, Action.UPDATE, Action.DELETE)


@pytest.fixture
def rows(plan):
    """A long-term goal with a short-term goal and a sub-goal under it, a second long-term
    goal and a second sub-goal with nothing under them (removable), one coordination."""
    long_term = Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")
    short_term = Goal.objects.create(
        plan=plan, parent=long_term, text="Kortsiktigt", responsible_party="worker"
    )
    sub_goal = SubGoal.objects.create(
        goal=short_term,
        what="Morgonrutin",
        indicator="Dagar i skolan före 08.15",
        target_date=dt.date(2026, 6, 1),
        responsible_party="family",
    )
    leaf_sub_goal = SubGoal.objects.create(
        goal=short_term,
        what="Läxor",
        indicator="Läxor gjorda",
        target_date=dt.date(2026, 6, 1),
        responsible_party="family",
    )
    return {
        "long_term": long_term,
        "short_term": short_term,
        "leaf_goal": Goal.objects.create(plan=plan, text="Fritid", responsible_party="family"),
        "sub_goal": sub_goal,
        "leaf_sub_goal": leaf_sub_goal,
        "coordination": CoordinationResponsibility.objects.create(
            plan=plan, actor="PPR", coordinator="worker", note="Inför uppföljningen"
        ),
    }


@pytest.fixture
def closed(case, rows):
    case.status = CaseStatus.CLOSED
    case.closed_on = dt.date(2026, 11, 1)
    case.save(update_fields=["status", "closed_on"])
    return case


GOAL = {"text": "Elsa trivs i skolan.", "goal_areas": ["bbic-education"]}
SUB_GOAL = {"what": "Ny", "indicator": "Syns", "target_date": "2026-12-20"}


def _posts(case, plan, rows):
    """(name, address, data) of every write path of a plan, with data the open case takes."""
    goal, leaf, sub_goal = rows["short_term"], rows["leaf_goal"], rows["sub_goal"]
    item = rows["coordination"]
    family = {"responsible_party": "family"}
    coordination = {"actor": "Ekens skola", "coordinator": "family", "note": "Skolgång"}
    return [
        (
            "plan_create",
            url("create", case),
            {"kind": "care_plan", "title": "Vårdplan", "starts_on": "2026-03-01"},
        ),
        (
            "plan_edit",
            url("edit", case, plan),
            {"kind": "care_plan", "title": "Vårdplan", "starts_on": "2026-03-02"},
        ),
        (
            "agreement",
            url("agreement", case, plan),
            {"agreed_on": "2026-03-05", "agreed_by": "Lena", "agreement_text": "Bra."},
        ),
        ("goal_create", url("goal_create", case, plan), {**GOAL, **family}),
        (
            "goal_edit",
            url("goal_edit", case, plan, goal_id=goal.public_id),
            {**GOAL, "responsible_party": "worker"},
        ),
        ("goal_remove", url("goal_remove", case, plan, goal_id=leaf.public_id), {}),
        (
            "subgoal_create",
            url("subgoal_create", case, plan),
            {**SUB_GOAL, **family, "goal": str(goal.public_id)},
        ),
        (
            "subgoal_edit",
            url("subgoal_edit", case, plan, subgoal_id=sub_goal.public_id),
            {**SUB_GOAL, **family},
        ),
        (
            "subgoal_remove",
            url("subgoal_remove", case, plan, subgoal_id=rows["leaf_sub_goal"].public_id),
            {},
        ),
        (
            "progress",
            url("progress", case, plan, subgoal_id=sub_goal.public_id),
            {"value": 7, "on": "2026-04-01", "assessed_by": "together", "note": "Bra"},
        ),
        ("coordination_create", url("coordination_create", case, plan), coordination),
        (
            "coordination_edit",
            url("coordination_edit", case, plan, coordination_id=item.public_id),
            coordination,
        ),
        (
            "coordination_remove",
            url("coordination_remove", case, plan, coordination_id=item.public_id),
            {},
        ),
    ]


WRITE_PATHS = [
    "plan_create",
    "plan_edit",
    "agreement",
    "goal_create",
    "goal_edit",
    "goal_remove",
    "subgoal_create",
    "subgoal_edit",
    "subgoal_remove",
    "progress",
    "coordination_create",
    "coordination_edit",
    "coordination_remove",
]


def _post_for(name, case, plan, rows):
    return next((address, data) for key, address, data in _posts(case, plan, rows) if key == name)


def test_every_write_path_is_listed(case, plan, rows):
    assert [name for name, _address, _data in _posts(case, plan, rows)] == WRITE_PATHS


@pytest.mark.parametrize("name", WRITE_PATHS)
def test_the_open_case_takes_the_change(client, personas, case, plan, rows, name):
    """The data below is what an open case takes, so the refusal below is the closed case's."""
    address, data = _post_for(name, case, plan, rows)
    client.force_login(personas["worker"])
    response = client.post(address, {"version": plan.version, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEvent.objects.filter(action__in=CHANGES).exists()


@pytest.mark.parametrize("name", WRITE_PATHS)
def test_a_closed_case_refuses_and_changes_nothing(client, personas, plan, closed, rows, name):
    address, data = _post_for(name, closed, plan, rows)
    before = (plan_state(plan), Plan.objects.count())
    client.force_login(personas["worker"])
    response = client.post(address, {"version": plan.version, **data}, follow=True)
    assert response.redirect_chain, "the refusal redirects"
    assert str(CASE_CLOSED) in response.content.decode()
    assert (plan_state(plan), Plan.objects.count()) == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()


@pytest.mark.parametrize("name", [n for n in WRITE_PATHS if n != "progress"])
def test_a_closed_case_offers_no_plan_form(client, personas, plan, closed, rows, name):
    address, _data = _post_for(name, closed, plan, rows)
    client.force_login(personas["worker"])
    response = client.get(address, follow=True)
    assert str(CASE_CLOSED) in response.content.decode()
    assert 'name="version"' not in response.content.decode()


def test_the_plan_pages_of_a_closed_case_offer_no_changes(client, personas, plan, closed, rows):
    client.force_login(personas["worker"])
    detail = client.get(url("detail", closed, plan)).content.decode()
    assert 'id="edit-plan"' not in detail and 'id="add-coordination"' not in detail
    assert 'id="new-plan"' not in client.get(url("list", closed)).content.decode()
    progress = url("progress", closed, plan, subgoal_id=rows["sub_goal"].public_id)
    assert 'id="save-progress"' not in client.get(progress).content.decode()


def test_the_services_raise_case_closed(personas, plan, closed, rows):
    worker, version = personas["worker"], plan.version
    plan.case = closed
    goal, sub_goal, item = rows["short_term"], rows["sub_goal"], rows["coordination"]
    calls = [
        lambda: services.create_plan(
            closed, by=worker, kind="care_plan", title="x", starts_on=dt.date(2026, 3, 1)
        ),
        lambda: services.change_plan(plan, version=version, by=worker, title="x"),
        lambda: services.record_agreement(
            plan,
            version=version,
            by=worker,
            agreed_on=dt.date(2026, 3, 5),
            agreed_by="Lena",
            agreement_text="",
        ),
        lambda: services.add_goal(
            plan, version=version, by=worker, parent=None, text="x", responsible_party="family"
        ),
        lambda: services.change_part(plan, goal, version=version, by=worker, text="x"),
        lambda: services.remove_goal(plan, rows["leaf_goal"], version=version, by=worker),
        lambda: services.add_sub_goal(
            plan,
            version=version,
            by=worker,
            goal=goal,
            what="x",
            indicator="y",
            target_date=dt.date(2026, 6, 1),
            responsible_party="family",
        ),
        lambda: services.change_part(plan, sub_goal, version=version, by=worker, what="x"),
        lambda: services.remove_sub_goal(plan, rows["leaf_sub_goal"], version=version, by=worker),
        lambda: services.record_progress(
            plan,
            sub_goal,
            by=worker,
            on=dt.date(2026, 4, 1),
            value=5,
            assessed_by="together",
        ),
        lambda: services.add_coordination(
            plan, version=version, by=worker, actor="PPR", coordinator="family", note=""
        ),
        lambda: services.change_part(plan, item, version=version, by=worker, note="x"),
        lambda: services.remove_coordination(plan, item, version=version, by=worker),
    ]
    before = plan_state(plan)
    for call in calls:
        with pytest.raises(CaseClosed):
            call()
    assert plan_state(plan) == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()
