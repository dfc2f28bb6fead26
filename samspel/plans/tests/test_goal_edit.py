from samspel.plans.models import Goal, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, loaded_version, plan_state, url


def _data(version, **changes):
    return {
        "version": version,
        "text": "Elsa trivs i skolan.",
        "goal_areas": ["bbic-education"],
        "responsible_party": "worker",
        **changes,
    }


def _goal(full_plan):
    return Goal.objects.filter(plan=full_plan, parent__isnull=False).first()


def test_shows_the_goal_in_the_form(client, personas, case, full_plan):
    goal = _goal(full_plan)
    client.force_login(personas["worker"])
    response = client.get(url("goal_edit", case, full_plan, goal_id=goal.public_id))
    assert response.status_code == 200
    assert goal.text in response.content.decode()
    assert loaded_version(response) == full_plan.version


def test_saves_the_goal_as_a_new_version(client, personas, case, full_plan):
    goal = _goal(full_plan)
    client.force_login(personas["worker"])
    address = url("goal_edit", case, full_plan, goal_id=goal.public_id)
    assert client.post(address, _data(full_plan.version)).status_code == 302
    goal.refresh_from_db()
    assert (goal.text, goal.goal_areas, goal.responsible_party) == (
        "Elsa trivs i skolan.",
        ["bbic-education"],
        "worker",
    )
    assert goal.parent is not None  # a goal keeps its level
    revision = full_plan.revisions.get(version=full_plan.version + 1)
    assert revision.change == PlanChange.GOAL_CHANGED


def test_bad_input_changes_nothing(client, personas, case, full_plan):
    goal = _goal(full_plan)
    client.force_login(personas["worker"])
    address = url("goal_edit", case, full_plan, goal_id=goal.public_id)
    before = plan_state(full_plan)
    page = client.post(address, _data(full_plan.version, text="", goal_areas=["nope"])).content
    assert "Write the goal." in page.decode()
    assert "“nope” is not a goal area" in page.decode()
    stale = client.post(address, _data(full_plan.version - 1))
    assert stale.status_code == 409
    assert plan_state(full_plan) == before


def test_a_goal_of_another_plan_is_not_found(client, personas, case, plan, full_plan):
    client.force_login(personas["worker"])
    goal = _goal(full_plan)
    assert client.get(url("goal_edit", case, plan, goal_id=goal.public_id)).status_code == 404


def test_rejects_wrong_method(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    goal = _goal(full_plan)
    assert client.put(url("goal_edit", case, full_plan, goal_id=goal.public_id)).status_code == 405


def test_outsiders_get_404(client, personas, case, full_plan):
    address = url("goal_edit", case, full_plan, goal_id=_goal(full_plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, full_plan, reader):
    address = url("goal_edit", case, full_plan, goal_id=_goal(full_plan).public_id)
    before = plan_state(full_plan)
    client.force_login(reader)
    assert client.get(address).status_code == 403
    assert client.post(address, _data(full_plan.version)).status_code == 403
    assert plan_state(full_plan) == before
