import datetime as dt

from samspel.plans.models import PlanChange, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, loaded_version, plan_state, url


def _sub_goal(full_plan):
    return SubGoal.objects.filter(goal__plan=full_plan).order_by("id").first()


def _data(plan, **changes):
    return {
        "version": plan.version,
        "what": "Ny rutin",
        "indicator": "Ny indikator",
        "target_date": (plan.starts_on + dt.timedelta(days=30)).isoformat(),
        "responsible_party": "family",
        **changes,
    }


def test_shows_the_sub_goal(client, personas, case, full_plan):
    sub_goal = _sub_goal(full_plan)
    client.force_login(personas["worker"])
    response = client.get(url("subgoal_edit", case, full_plan, subgoal_id=sub_goal.public_id))
    assert sub_goal.indicator in response.content.decode()
    assert loaded_version(response) == full_plan.version


def test_saves_the_sub_goal_as_a_new_version(client, personas, case, full_plan):
    sub_goal = _sub_goal(full_plan)
    client.force_login(personas["worker"])
    address = url("subgoal_edit", case, full_plan, subgoal_id=sub_goal.public_id)
    assert client.post(address, _data(full_plan)).status_code == 302
    sub_goal.refresh_from_db()
    assert (sub_goal.what, sub_goal.indicator, sub_goal.responsible_party) == (
        "Ny rutin",
        "Ny indikator",
        "family",
    )
    assert sub_goal.responsible_actor == ""
    change = full_plan.revisions.get(version=full_plan.version + 1).change
    assert change == PlanChange.SUBGOAL_CHANGED


def test_bad_input_changes_nothing(client, personas, case, full_plan):
    sub_goal = _sub_goal(full_plan)
    client.force_login(personas["worker"])
    address = url("subgoal_edit", case, full_plan, subgoal_id=sub_goal.public_id)
    before = plan_state(full_plan)
    early = (full_plan.starts_on - dt.timedelta(days=1)).isoformat()
    page = client.post(address, _data(full_plan, what="", target_date=early)).content.decode()
    assert "Write what the sub-goal is." in page
    assert "The target date is before the plan starts" in page
    assert client.post(address, _data(full_plan, version=1)).status_code == 409
    assert plan_state(full_plan) == before


def test_rejects_wrong_method(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    address = url("subgoal_edit", case, full_plan, subgoal_id=_sub_goal(full_plan).public_id)
    assert client.put(address).status_code == 405


def test_outsiders_get_404(client, personas, case, full_plan):
    address = url("subgoal_edit", case, full_plan, subgoal_id=_sub_goal(full_plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, full_plan, reader):
    address = url("subgoal_edit", case, full_plan, subgoal_id=_sub_goal(full_plan).public_id)
    before = plan_state(full_plan)
    client.force_login(reader)
    assert client.get(address).status_code == 403
    assert client.post(address, _data(full_plan)).status_code == 403
    assert plan_state(full_plan) == before


def test_warns_before_an_actor_without_consent_is_made_responsible(
    client, personas, case, full_plan, school_actor
):
    sub_goal = _sub_goal(full_plan)
    client.force_login(personas["worker"])
    address = url("subgoal_edit", case, full_plan, subgoal_id=sub_goal.public_id)
    before = plan_state(full_plan)
    data = _data(full_plan, responsible_party="actor", responsible_actor="Ekens skola")
    assert 'id="consent-check"' in client.post(address, data).content.decode()
    assert plan_state(full_plan) == before
