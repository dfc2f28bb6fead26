import datetime as dt

from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import PlanChange, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, loaded_version, plan_state, url

NEW = {"kind": "care_plan", "title": "Vårdplan för Elsa", "starts_on": "2026-03-02"}


def test_the_form_carries_the_plan_version(client, personas, case, plan):
    client.force_login(personas["worker"])
    response = client.get(url("edit", case, plan))
    assert response.status_code == 200
    assert loaded_version(response) == 1
    assert plan.title in response.content.decode()


def test_saves_the_details_as_a_new_version(client, personas, case, plan):
    client.force_login(personas["worker"])
    response = client.post(url("edit", case, plan), {"version": 1, **NEW})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.kind, plan.starts_on, plan.version) == (
        NEW["title"],
        "care_plan",
        dt.date(2026, 3, 2),
        2,
    )
    assert plan.revisions.get(version=2).change == PlanChange.EDITED
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(plan.public_id)).exists()


def test_two_users_editing_the_same_plan_the_second_gets_a_conflict(client, personas, case, plan):
    client.force_login(personas["worker"])
    worker_version = loaded_version(client.get(url("edit", case, plan)))
    client.force_login(personas["buddy"])
    buddy_version = loaded_version(client.get(url("edit", case, plan)))
    buddys = {"version": buddy_version, **NEW, "title": "Buddy's title"}
    assert client.post(url("edit", case, plan), buddys).status_code == 302
    saved = plan_state(plan)

    client.force_login(personas["worker"])
    workers = {"version": worker_version, **NEW, "title": "Worker's title"}
    response = client.post(url("edit", case, plan), workers)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this plan" in page
    assert 'id="reload-plan"' in page
    assert "Worker&#x27;s title" in page  # what they wrote is kept in the form
    assert plan_state(plan) == saved
    assert plan.title == "Buddy's title"


def test_a_start_date_after_a_sub_goal_target_date_is_refused(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    before = plan_state(full_plan)
    # The day after the latest target (a start date more than a year ahead is refused anyway).
    latest = max(SubGoal.objects.filter(goal__plan=full_plan).values_list("target_date", flat=True))
    after = (latest + dt.timedelta(days=1)).isoformat()
    late = {"version": full_plan.version, **NEW, "starts_on": after}
    response = client.post(url("edit", case, full_plan), late)
    assert response.status_code == 200
    assert "before this start date" in response.content.decode()
    assert plan_state(full_plan) == before


def test_a_missing_or_broken_version_is_refused(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    for version in ["", "one", "0"]:
        response = client.post(url("edit", case, plan), {"version": version, **NEW})
        assert "This form is out of date" in response.content.decode()
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.delete(url("edit", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("edit", case, plan))
    assert_outsiders_get_404(client, personas, url("edit", case, plan), method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    client.force_login(reader)
    before = plan_state(plan)
    assert client.get(url("edit", case, plan)).status_code == 403
    assert client.post(url("edit", case, plan), {"version": 1, **NEW}).status_code == 403
    assert plan_state(plan) == before
