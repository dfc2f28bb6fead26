from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Goal, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, loaded_version, plan_state, url

LONG_TERM = {
    "version": 1,
    "text": "Elsa går i skolan varje dag.",
    "goal_areas": ["bbic-education", "bbic-stability"],
    "responsible_party": "family",
}


def _long_term_goal(plan):
    return Goal.objects.create(plan=plan, text="Långsiktigt", responsible_party="family")


def test_adds_a_long_term_goal_with_goal_areas(client, personas, case, plan):
    client.force_login(personas["worker"])
    response = client.post(url("goal_create", case, plan), LONG_TERM)
    goal = Goal.objects.get(plan=plan)
    assert response.status_code == 302
    assert response["Location"] == url("detail", case, plan) + f"#goal-{goal.public_id}"
    assert goal.parent is None
    assert goal.goal_areas == ["bbic-education", "bbic-stability"]
    assert (goal.responsible_party, goal.responsible_actor) == ("family", "")
    plan.refresh_from_db()
    assert plan.version == 2
    assert plan.revisions.get(version=2).change == PlanChange.GOAL_ADDED
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(goal.public_id)).exists()


def test_adds_a_short_term_goal_under_a_long_term_goal(client, personas, case, plan):
    parent = _long_term_goal(plan)
    client.force_login(personas["buddy"])
    address = url("goal_create", case, plan) + f"?parent={parent.public_id}"
    form = client.get(address)
    assert "Add a short-term goal" in form.content.decode()
    data = {
        "version": loaded_version(form),
        "parent": str(parent.public_id),
        "text": "Kommer i tid",
        "responsible_party": "actor",
        "responsible_actor": "Ekens skola",
    }
    assert client.post(address, data).status_code == 302
    child = Goal.objects.get(plan=plan, parent=parent)
    assert child.responsible_display == "Ekens skola"


def test_a_short_term_goal_cannot_hang_under_a_short_term_goal(client, personas, case, plan):
    parent = _long_term_goal(plan)
    child = Goal.objects.create(plan=plan, parent=parent, text="Kort", responsible_party="worker")
    client.force_login(personas["worker"])
    before = plan_state(plan)
    address = url("goal_create", case, plan) + f"?parent={child.public_id}"
    data = {
        "version": 1,
        "parent": str(child.public_id),
        "text": "x",
        "responsible_party": "family",
    }
    assert (
        "Choose one of the plan&#x27;s long-term goals."
        in client.post(address, data).content.decode()
    )
    assert plan_state(plan) == before


def test_a_goal_without_text_is_refused(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    response = client.post(url("goal_create", case, plan), {**LONG_TERM, "text": "   "})
    assert response.status_code == 200
    assert "Write the goal." in response.content.decode()
    assert plan_state(plan) == before


def test_an_unknown_goal_area_code_is_refused(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    for code in ["bbic-made-up", "ics-school"]:  # ICS is Danish; this organisation is Swedish
        response = client.post(url("goal_create", case, plan), {**LONG_TERM, "goal_areas": [code]})
        assert f"“{code}” is not a goal area in your organisation&#x27;s catalogue." in (
            response.content.decode()
        )
    assert plan_state(plan) == before


def test_an_external_actor_needs_a_name(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    data = {**LONG_TERM, "responsible_party": "actor", "responsible_actor": " "}
    response = client.post(url("goal_create", case, plan), data)
    assert "Write the name of the external actor who is responsible." in response.content.decode()
    assert plan_state(plan) == before


def test_an_actor_name_is_dropped_when_the_family_is_responsible(client, personas, case, plan):
    client.force_login(personas["worker"])
    data = {**LONG_TERM, "responsible_actor": "Ekens skola"}
    client.post(url("goal_create", case, plan), data)
    assert Goal.objects.get(plan=plan).responsible_actor == ""


def test_a_stale_version_is_a_conflict_and_adds_nothing(client, personas, case, plan):
    client.force_login(personas["worker"])
    client.post(url("goal_create", case, plan), LONG_TERM)
    before = plan_state(plan)
    response = client.post(url("goal_create", case, plan), {**LONG_TERM, "text": "Ett till"})
    assert response.status_code == 409
    assert "Someone else saved this plan" in response.content.decode()
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.put(url("goal_create", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("goal_create", case, plan))
    assert_outsiders_get_404(client, personas, url("goal_create", case, plan), method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    client.force_login(reader)
    assert client.get(url("goal_create", case, plan)).status_code == 403
    assert client.post(url("goal_create", case, plan), LONG_TERM).status_code == 403
    assert not Goal.objects.exists()


def test_warns_before_an_actor_without_consent_is_made_responsible(
    client, personas, case, plan, school_actor
):
    client.force_login(personas["worker"])
    form = client.get(url("goal_create", case, plan)).content.decode()
    assert '<option value="Ekens skola">' in form  # the case's network is suggested
    data = {**LONG_TERM, "responsible_party": "actor", "responsible_actor": "Ekens skola"}
    before = plan_state(plan)
    response = client.post(url("goal_create", case, plan), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="consent-check"' in page
    assert "The family has not given consent to share information with" in page
    assert plan_state(plan) == before
    confirmed = client.post(url("goal_create", case, plan), {**data, "confirm_no_consent": "on"})
    assert confirmed.status_code == 302
    assert Goal.objects.get(plan=plan).responsible_actor == "Ekens skola"


def test_no_warning_when_the_family_has_consented(
    client, personas, case, plan, school_actor, give_consent
):
    give_consent(school_actor)
    client.force_login(personas["worker"])
    data = {**LONG_TERM, "responsible_party": "actor", "responsible_actor": "Ekens skola, mentor"}
    assert client.post(url("goal_create", case, plan), data).status_code == 302


def test_no_warning_when_the_family_is_responsible(client, personas, case, plan, school_actor):
    client.force_login(personas["worker"])
    data = {**LONG_TERM, "responsible_party": "family", "responsible_actor": "Ekens skola"}
    assert client.post(url("goal_create", case, plan), data).status_code == 302
