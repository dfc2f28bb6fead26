from samspel.audit.models import Action, AuditEvent
from samspel.plans.models import CoordinationResponsibility, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, url


def _item(plan):
    return CoordinationResponsibility.objects.create(plan=plan, actor="PPR", coordinator="worker")


def test_removes_after_asking(client, personas, case, plan):
    item = _item(plan)
    client.force_login(personas["worker"])
    address = url("coordination_remove", case, plan, coordination_id=item.public_id)
    confirm = client.get(address).content.decode()
    assert "The worker coordinates with PPR." in confirm
    assert client.post(address, {"version": 1}).status_code == 302
    assert not CoordinationResponsibility.objects.exists()
    assert plan.revisions.get(version=2).change == PlanChange.COORDINATION_REMOVED
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(item.public_id)).exists()


def test_a_stale_version_removes_nothing(client, personas, case, plan):
    item = _item(plan)
    client.force_login(personas["worker"])
    address = url("coordination_remove", case, plan, coordination_id=item.public_id)
    assert client.post(address, {"version": 2}).status_code == 409
    assert client.post(address, {"version": "x"}).status_code == 200
    assert CoordinationResponsibility.objects.exists()


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    address = url("coordination_remove", case, plan, coordination_id=_item(plan).public_id)
    assert client.put(address).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    address = url("coordination_remove", case, plan, coordination_id=_item(plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    address = url("coordination_remove", case, plan, coordination_id=_item(plan).public_id)
    client.force_login(reader)
    assert client.post(address, {"version": 1}).status_code == 403
    assert CoordinationResponsibility.objects.exists()
