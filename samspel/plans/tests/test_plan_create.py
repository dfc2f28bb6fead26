import datetime as dt

from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import Plan, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, url

VALID = {"kind": "care_plan", "title": "Vårdplan för Elsa", "starts_on": "2026-03-01"}


def test_shows_the_form(client, personas, case):
    client.force_login(personas["worker"])
    response = client.get(url("create", case))
    assert response.status_code == 200
    assert 'id="save-plan"' in response.content.decode()


def test_writes_a_plan_at_version_1_and_audits_it(client, personas, case):
    client.force_login(personas["worker"])
    response = client.post(url("create", case), VALID)
    plan = Plan.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == url("detail", case, plan)
    assert (plan.kind, plan.title, plan.starts_on) == (
        "care_plan",
        VALID["title"],
        dt.date(2026, 3, 1),
    )
    assert (plan.version, plan.created_by) == (1, personas["worker"])
    assert plan.revisions.get().change == PlanChange.CREATED
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(plan.public_id)).exists()


def test_bad_input_gets_messages_and_writes_nothing(client, personas, case):
    client.force_login(personas["worker"])
    response = client.post(
        url("create", case), {"kind": "wish_list", "title": " ", "starts_on": "x"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write a title for the plan." in page
    assert "Choose one from the list." in page
    assert "Enter a valid date." in page
    assert not Plan.objects.exists()


def test_rejects_wrong_method(client, personas, case):
    client.force_login(personas["worker"])
    assert client.put(url("create", case)).status_code == 405


def test_outsiders_get_404(client, personas, case):
    assert_outsiders_get_404(client, personas, url("create", case))
    assert_outsiders_get_404(client, personas, url("create", case), method="post")
    assert not Plan.objects.exists()


def test_read_only_users_get_403(client, case, reader):
    client.force_login(reader)
    assert client.get(url("create", case)).status_code == 403
    assert client.post(url("create", case), VALID).status_code == 403
    assert not Plan.objects.exists()
