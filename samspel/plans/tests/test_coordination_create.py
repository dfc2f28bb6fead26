from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import CoordinationResponsibility, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, plan_state, url

DATA = {"version": 1, "actor": "PPR", "coordinator": "worker", "note": "Inför uppföljningen"}


def test_adds_who_coordinates_with_an_actor(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.get(url("coordination_create", case, plan)).status_code == 200
    response = client.post(url("coordination_create", case, plan), DATA)
    assert response["Location"] == url("detail", case, plan) + "#coordination"
    item = CoordinationResponsibility.objects.get(plan=plan)
    assert (item.actor, item.coordinator, item.note) == ("PPR", "worker", "Inför uppföljningen")
    revision = plan.revisions.get(version=2)
    assert revision.change == PlanChange.COORDINATION_ADDED
    assert revision.snapshot["coordination"] == [
        {"actor": "PPR", "coordinator": "worker", "note": "Inför uppföljningen"}
    ]
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(item.public_id)).exists()


def test_bad_input_adds_nothing(client, personas, case, plan):
    client.force_login(personas["worker"])
    before = plan_state(plan)
    bad = {**DATA, "actor": "", "coordinator": "ppr"}
    page = client.post(url("coordination_create", case, plan), bad).content.decode()
    assert "Write the name of the external actor." in page
    assert "Select a valid choice" in page
    broken = client.post(url("coordination_create", case, plan), {**DATA, "version": 0})
    assert "This form is out of date" in broken.content.decode()
    assert plan_state(plan) == before


def test_a_stale_version_is_a_conflict(client, personas, case, plan):
    client.force_login(personas["worker"])
    client.post(url("coordination_create", case, plan), DATA)
    before = plan_state(plan)
    assert client.post(url("coordination_create", case, plan), DATA).status_code == 409
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    assert client.put(url("coordination_create", case, plan)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("coordination_create", case, plan))
    assert_outsiders_get_404(
        client, personas, url("coordination_create", case, plan), method="post"
    )


def test_read_only_users_get_403(client, case, plan, reader):
    client.force_login(reader)
    assert client.post(url("coordination_create", case, plan), DATA).status_code == 403
    assert not CoordinationResponsibility.objects.exists()


def test_warns_before_coordinating_with_an_actor_without_consent(
    client, personas, case, plan, school_actor, give_consent
):
    client.force_login(personas["worker"])
    data = {**DATA, "actor": "Anna Lind"}
    before = plan_state(plan)
    page = client.post(url("coordination_create", case, plan), data).content.decode()
    assert 'id="consent-check"' in page
    assert plan_state(plan) == before
    give_consent(school_actor)
    assert client.post(url("coordination_create", case, plan), data).status_code == 302


def test_the_actor_examples_are_in_the_words_of_the_cases_country(client, personas, case, plan):
    """A Swedish case's form names Swedish services (elevhälsan, BUP), never Denmark's PPR."""
    client.force_login(personas["worker"])
    page = client.get(url("coordination_create", case, plan)).content.decode()
    assert "For example: the school, elevhälsan, BUP." in page
    assert "PPR" not in page
