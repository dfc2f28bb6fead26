from samspel.plans.models import Goal, SubGoal
from samspel.plans.tests.helpers import assert_outsiders_get_404, url


def test_shows_goals_progress_coordination_and_agreement(client, personas, case, full_plan):
    client.force_login(personas["leader"])
    response = client.get(url("detail", case, full_plan))
    assert response.status_code == 200
    page = response.content.decode()
    for goal in Goal.objects.filter(plan=full_plan):
        assert f'id="goal-{goal.public_id}"' in page
    for sub_goal in SubGoal.objects.filter(goal__plan=full_plan):
        assert f'id="subgoal-{sub_goal.public_id}"' in page
    assert "Ekens skola, mentor" in page  # a named external actor as responsible party
    assert "BUP Linköping" in page  # coordination
    assert "Utbildning" in page  # BBIC goal-area title
    assert "6 of 10" in page  # latest progress of the first sub-goal
    assert full_plan.agreed_by in page
    for link in ['id="download-pdf"', 'id="plan-history"', 'id="add-coordination"']:
        assert link in page


def test_says_when_the_plan_changed_since_the_agreement(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    assert (
        'id="changed-since-agreement"'
        not in client.get(url("detail", case, full_plan)).content.decode()
    )
    full_plan.version += 1
    full_plan.save()
    assert (
        'id="changed-since-agreement"'
        in client.get(url("detail", case, full_plan)).content.decode()
    )


def test_read_only_users_see_no_edit_links(client, case, full_plan, reader):
    client.force_login(reader)
    page = client.get(url("detail", case, full_plan)).content.decode()
    assert "Ekens skola" in page
    for link in ['id="edit-plan"', 'id="add-long-term-goal"', 'id="add-coordination"', "/remove/"]:
        assert link not in page
    assert 'id="download-pdf"' in page


def test_the_query_count_does_not_grow_with_the_plan(
    client, personas, case, full_plan, django_assert_max_num_queries
):
    client.force_login(personas["worker"])
    # 17 today, for 3 goals and 3 sub-goals; one of them flags the read for the auditor's review
    # (the family has a protected parent)
    with django_assert_max_num_queries(17):
        assert client.get(url("detail", case, full_plan)).status_code == 200


def test_a_plan_of_another_case_is_not_found(client, personas, case, full_plan, family, team):
    from samspel.cases.models import Case

    other = Case.objects.create(
        organisation=case.organisation,
        number="2026-0002",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
    )
    client.force_login(personas["worker"])
    address = url("detail", case, full_plan).replace(str(case.public_id), str(other.public_id))
    assert client.get(address).status_code == 404


def test_rejects_post(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.post(url("detail", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("detail", case, plan))


def test_marks_actors_without_the_familys_consent(
    client, personas, case, full_plan, school_actor, give_consent
):
    client.force_login(personas["worker"])
    page = client.get(url("detail", case, full_plan)).content.decode()
    assert page.count("No valid consent.") == 2  # the sub-goal and the coordination
    give_consent(school_actor)
    assert "No valid consent." not in client.get(url("detail", case, full_plan)).content.decode()
