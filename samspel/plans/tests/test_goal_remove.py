from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Goal, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, plan_state, url


def _goal(plan, parent=None):
    return Goal.objects.create(
        plan=plan, parent=parent, text="Ta bort mig", responsible_party="family"
    )


def test_asks_before_removing(client, personas, case, plan):
    goal = _goal(plan)
    client.force_login(personas["worker"])
    response = client.get(url("goal_remove", case, plan, goal_id=goal.public_id))
    assert response.status_code == 200
    assert 'id="confirm-remove"' in response.content.decode()
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_removes_a_goal_without_goals_under_it(client, personas, case, plan):
    goal = _goal(plan)
    client.force_login(personas["worker"])
    response = client.post(url("goal_remove", case, plan, goal_id=goal.public_id), {"version": 1})
    assert response.status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()
    plan.refresh_from_db()
    assert plan.revisions.get(version=2).change == PlanChange.GOAL_REMOVED
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(goal.public_id)).exists()


def test_a_goal_with_goals_under_it_is_kept(client, personas, case, plan):
    parent = _goal(plan)
    _goal(plan, parent=parent)
    client.force_login(personas["worker"])
    address = url("goal_remove", case, plan, goal_id=parent.public_id)
    assert 'id="confirm-remove"' not in client.get(address).content.decode()
    before = plan_state(plan)
    response = client.post(address, {"version": 1})
    assert "Remove the goals and sub-goals under this goal first." in response.content.decode()
    assert plan_state(plan) == before


def test_a_stale_version_removes_nothing(client, personas, case, plan):
    goal = _goal(plan)
    plan.version = 2
    plan.save()
    client.force_login(personas["worker"])
    response = client.post(url("goal_remove", case, plan, goal_id=goal.public_id), {"version": 1})
    assert response.status_code == 409
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    goal = _goal(plan)
    assert client.delete(url("goal_remove", case, plan, goal_id=goal.public_id)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    address = url("goal_remove", case, plan, goal_id=_goal(plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    goal = _goal(plan)
    client.force_login(reader)
    address = url("goal_remove", case, plan, goal_id=goal.public_id)
    assert client.post(address, {"version": 1}).status_code == 403
    assert Goal.objects.filter(pk=goal.pk).exists()
