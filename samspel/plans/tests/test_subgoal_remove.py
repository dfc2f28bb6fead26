import datetime as dt

from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Goal, PlanChange, Progress, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, plan_state, url


def _sub_goal(plan):
    parent = Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")
    goal = Goal.objects.create(plan=plan, parent=parent, text="Kort", responsible_party="family")
    return SubGoal.objects.create(
        goal=goal,
        what="Ta bort mig",
        indicator="-",
        target_date=dt.date(2026, 6, 1),
        responsible_party="worker",
    )


def test_removes_a_sub_goal_without_progress(client, personas, case, plan):
    sub_goal = _sub_goal(plan)
    client.force_login(personas["worker"])
    address = url("subgoal_remove", case, plan, subgoal_id=sub_goal.public_id)
    assert 'id="confirm-remove"' in client.get(address).content.decode()
    assert client.post(address, {"version": 1}).status_code == 302
    assert not SubGoal.objects.filter(pk=sub_goal.pk).exists()
    assert plan.revisions.get(version=2).change == PlanChange.SUBGOAL_REMOVED
    assert AuditEvent.objects.filter(
        action=Action.DELETE, object_id=str(sub_goal.public_id)
    ).exists()


def test_a_sub_goal_with_progress_is_kept(client, personas, case, plan):
    sub_goal = _sub_goal(plan)
    Progress.objects.create(
        sub_goal=sub_goal, on=dt.date(2026, 3, 2), value=3, recorded_by=personas["worker"]
    )
    client.force_login(personas["worker"])
    before = plan_state(plan)
    response = client.post(
        url("subgoal_remove", case, plan, subgoal_id=sub_goal.public_id), {"version": 1}
    )
    assert "Progress is recorded on this sub-goal" in response.content.decode()
    assert plan_state(plan) == before


def test_a_stale_version_removes_nothing(client, personas, case, plan):
    sub_goal = _sub_goal(plan)
    client.force_login(personas["worker"])
    response = client.post(
        url("subgoal_remove", case, plan, subgoal_id=sub_goal.public_id), {"version": 7}
    )
    assert response.status_code == 409
    assert SubGoal.objects.filter(pk=sub_goal.pk).exists()


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    address = url("subgoal_remove", case, plan, subgoal_id=_sub_goal(plan).public_id)
    assert client.put(address).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    address = url("subgoal_remove", case, plan, subgoal_id=_sub_goal(plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    sub_goal = _sub_goal(plan)
    client.force_login(reader)
    address = url("subgoal_remove", case, plan, subgoal_id=sub_goal.public_id)
    assert client.post(address, {"version": 1}).status_code == 403
    assert SubGoal.objects.filter(pk=sub_goal.pk).exists()
