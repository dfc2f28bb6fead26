from samspel.plans.models import CoordinationResponsibility, PlanChange
from samspel.plans.tests.helpers import assert_outsiders_get_404, loaded_version, plan_state, url


def _item(plan):
    return CoordinationResponsibility.objects.create(
        plan=plan, actor="Skolan", coordinator="family"
    )


def test_changes_who_coordinates(client, personas, case, plan):
    item = _item(plan)
    client.force_login(personas["buddy"])
    address = url("coordination_edit", case, plan, coordination_id=item.public_id)
    version = loaded_version(client.get(address))
    data = {"version": version, "actor": "Ekens skola", "coordinator": "worker", "note": ""}
    assert client.post(address, data).status_code == 302
    item.refresh_from_db()
    assert (item.actor, item.coordinator) == ("Ekens skola", "worker")
    assert plan.revisions.get(version=2).change == PlanChange.COORDINATION_CHANGED


def test_bad_input_and_stale_versions_change_nothing(client, personas, case, plan):
    item = _item(plan)
    client.force_login(personas["worker"])
    address = url("coordination_edit", case, plan, coordination_id=item.public_id)
    before = plan_state(plan)
    page = client.post(
        address, {"version": 1, "actor": "Skolan", "coordinator": ""}
    ).content.decode()
    assert "Choose who coordinates with the actor." in page
    stale = {"version": 9, "actor": "PPR", "coordinator": "worker"}
    assert client.post(address, stale).status_code == 409
    assert plan_state(plan) == before


def test_rejects_wrong_method(client, personas, case, plan):
    client.force_login(personas["worker"])
    address = url("coordination_edit", case, plan, coordination_id=_item(plan).public_id)
    assert client.put(address).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    address = url("coordination_edit", case, plan, coordination_id=_item(plan).public_id)
    assert_outsiders_get_404(client, personas, address)
    assert_outsiders_get_404(client, personas, address, method="post")


def test_read_only_users_get_403(client, case, plan, reader):
    address = url("coordination_edit", case, plan, coordination_id=_item(plan).public_id)
    client.force_login(reader)
    assert client.get(address).status_code == 403
    data = {"version": 1, "actor": "PPR", "coordinator": "worker"}
    assert client.post(address, data).status_code == 403
    assert CoordinationResponsibility.objects.get().actor == "Skolan"
