"""The worker's journey through the forms, as the browser test will drive it: write a plan,
a long-term goal, a short-term goal, two sub-goals with responsible parties, a coordination
responsibility, the family's agreement and a progress rating."""

from samspel.plans.models import Goal, Plan, Progress, SubGoal
from samspel.plans.tests.helpers import loaded_version, url


def _post_form(client, address, data):
    """GET the form first, as a person would, and send back the version it carried."""
    version = loaded_version(client.get(address))
    response = client.post(address, {"version": version, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_a_worker_writes_a_plan_in_a_few_forms(client, personas, case):
    client.force_login(personas["worker"])
    response = client.post(
        url("create", case),
        {"kind": "implementation_plan", "title": "Plan för Elsa", "starts_on": "2026-03-01"},
    )
    assert response.status_code == 302
    plan = Plan.objects.get(case=case)
    _post_form(
        client,
        url("goal_create", case, plan),
        {
            "text": "Elsa går i skolan varje dag.",
            "goal_areas": ["bbic-education"],
            "responsible_party": "family",
        },
    )
    long_term = Goal.objects.get(plan=plan)
    _post_form(
        client,
        url("goal_create", case, plan) + f"?parent={long_term.public_id}",
        {
            "parent": str(long_term.public_id),
            "text": "Elsa kommer i tid fyra dagar i veckan.",
            "responsible_party": "worker",
        },
    )
    short_term = Goal.objects.get(plan=plan, parent=long_term)
    for what, party, actor in [
        ("Morgonrutin", "family", ""),
        ("Närvaroavstämning på fredagar", "actor", "Ekens skola"),
    ]:
        _post_form(
            client,
            url("subgoal_create", case, plan) + f"?goal={short_term.public_id}",
            {
                "goal": str(short_term.public_id),
                "what": what,
                "indicator": "Dagar i veckan i skolan före 08.15",
                "target_date": "2026-06-01",
                "responsible_party": party,
                "responsible_actor": actor,
            },
        )
    _post_form(
        client,
        url("coordination_create", case, plan),
        {"actor": "Ekens skola", "coordinator": "family", "note": "Frånvaro"},
    )
    _post_form(
        client,
        url("agreement", case, plan),
        {"agreed_on": "2026-03-05", "agreed_by": "Lena och Elsa"},
    )
    sub_goal = SubGoal.objects.get(goal=short_term, responsible_party="actor")
    response = client.post(
        url("progress", case, plan, subgoal_id=sub_goal.public_id),
        {"value": "6", "on": "2026-04-01", "assessed_by": "together"},
    )
    assert response.status_code == 302

    plan.refresh_from_db()
    assert plan.version == 7  # created, 2 goals, 2 sub-goals, coordination, agreement
    assert plan.revisions.count() == 7
    assert Progress.objects.get(sub_goal=sub_goal).value == 6
    page = client.get(url("detail", case, plan)).content.decode()
    for text in ["Elsa går i skolan varje dag.", "Närvaroavstämning på fredagar", "Ekens skola"]:
        assert text in page
    assert "6 of 10" in page
