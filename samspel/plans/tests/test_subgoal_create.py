import datetime as dt

from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Goal, PlanChange, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, plan_state, url


def _short_term(plan):
    parent = Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")
    return Goal.objects.create(
        plan=plan, parent=parent, text="Kortsiktigt", responsible_party="worker"
    )


def _data(goal, **changes):
    return {
        "version": 1,
        "goal": str(goal.public_id),
        "what": "Morgonrutin",
        "indicator": "Dagar i skolan före 08.15",
        "target_date": "2026-06-01",
        "responsible_party": "actor",
        "responsible_actor": "Ekens skola",
        **changes,
    }


def test_the_form_preselects_the_short_term_goal(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    response = client.get(url("subgoal_create", case, plan) + f"?goal={goal.public_id}")
    assert response.status_code == 200
    assert f'value="{goal.public_id}" selected' in response.content.decode()


def test_adds_a_measurable_sub_goal(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    response = client.post(url("subgoal_create", case, plan), _data(goal))
    sub_goal = SubGoal.objects.get()
    assert response["Location"] == url("detail", case, plan) + f"#subgoal-{sub_goal.public_id}"
    assert (sub_goal.goal, sub_goal.what, sub_goal.target_date) == (
        goal,
        "Morgonrutin",
        dt.date(2026, 6, 1),
    )
    assert sub_goal.responsible_display == "Ekens skola"
    plan.refresh_from_db()
    assert plan.revisions.get(version=2).change == PlanChange.SUBGOAL_ADDED
    assert AuditEvent.objects.filter(
        action=Action.CREATE, object_id=str(sub_goal.public_id)
    ).exists()


def test_a_target_date_before_the_plan_starts_is_refused(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    before = plan_state(plan)
    response = client.post(url("subgoal_create", case, plan), _data(goal, target_date="2026-02-28"))
    assert "The target date is before the plan starts" in response.content.decode()
    assert plan_state(plan) == before


def test_missing_text_and_dates_are_refused(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    before = plan_state(plan)
    data = _data(goal, what="", indicator="", target_date="", responsible_party="")
    page = client.post(url("subgoal_create", case, plan), data).content.decode()
    for message in [
        "Write what the sub-goal is.",
        "Write how you will see that the sub-goal is reached.",
        "Write the target date.",
        "Choose who is responsible.",
    ]:
        assert message in page
    assert plan_state(plan) == before


def test_sub_goals_hang_under_short_term_goals_only(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    before = plan_state(plan)
    response = client.post(url("subgoal_create", case, plan), _data(goal.parent))
    assert "Choose one of the plan&#x27;s short-term goals." in response.content.decode()
    assert plan_state(plan) == before


def test_without_a_short_term_goal_it_says_what_to_do_first(client, personas, case, plan):
    client.force_login(personas["worker"])
    page = client.get(url("subgoal_create", case, plan)).content.decode()
    assert "Add a short-term goal first" in page
    assert 'id="save-subgoal"' not in page


def test_a_stale_version_is_a_conflict(client, personas, case, plan):
    goal = _short_term(plan)
    client.force_login(personas["worker"])
    client.post(url("subgoal_create", case, plan), _data(goal))
    before = plan_state(plan)
    response = client.post(url("subgoal_create", case, plan), _data(goal, what="Andra"))
    assert response.status_code == 409
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.put(url("subgoal_create", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("subgoal_create", case, plan))
    assert_outsiders_get_404(client, personas, url("subgoal_create", case, plan), method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    goal = _short_term(plan)
    client.force_login(reader)
    assert client.post(url("subgoal_create", case, plan), _data(goal)).status_code == 403
    assert not SubGoal.objects.exists()
