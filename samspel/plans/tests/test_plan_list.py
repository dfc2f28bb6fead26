from samspel.audit.models import Action, AuditEvent
from samspel.plans.tests.helpers import assert_outsiders_get_404, url


def test_lists_the_plans_of_the_case(client, personas, case, plan):
    client.force_login(personas["buddy"])
    response = client.get(url("list", case))
    assert response.status_code == 200
    page = response.content.decode()
    assert plan.title in page
    assert url("detail", case, plan) in page
    assert 'id="new-plan"' in page


def test_an_empty_list_says_so(client, personas, case):
    client.force_login(personas["worker"])
    assert 'id="no-plans"' in client.get(url("list", case)).content.decode()


def test_read_only_users_see_no_write_link(client, case, plan, reader):
    client.force_login(reader)
    page = client.get(url("list", case)).content.decode()
    assert plan.title in page
    assert 'id="new-plan"' not in page


def test_the_read_is_audited_once(client, personas, case, plan):
    client.force_login(personas["worker"])
    client.get(url("list", case))
    assert AuditEvent.objects.filter(action=Action.VIEW, object_id=str(case.public_id)).count() == 1


def test_rejects_post(client, personas, case):
    client.force_login(personas["worker"])
    assert client.post(url("list", case)).status_code == 405


def test_outsiders_get_404(client, personas, case, plan):
    assert_outsiders_get_404(client, personas, url("list", case))


def test_plans_of_another_case_are_not_listed(client, personas, case, plan, family, team):
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
    assert plan.title not in client.get(url("list", other)).content.decode()
