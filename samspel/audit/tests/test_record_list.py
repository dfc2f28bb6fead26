"""List pages that show case data leave one 'view' event naming the cases they showed."""

from samspel.audit.models import Action, AuditEvent
from samspel.followup.tests.due import TODAY, due_item


def _views(user, object_type):
    return AuditEvent.objects.filter(action=Action.VIEW, actor_id=user.pk, object_type=object_type)


def test_case_list_names_the_cases_it_showed(client, personas, case):
    client.force_login(personas["worker"])
    client.get("/cases/")
    event = _views(personas["worker"], "cases.case_list").get()
    assert event.detail["cases"] == [str(case.public_id)]


def test_an_empty_list_reads_nothing(client, personas):
    client.force_login(personas["outsider"])
    client.get("/cases/")
    assert not _views(personas["outsider"], "cases.case_list").exists()


def test_worklists_name_the_cases_they_showed(client, personas, case):
    due_item(case, TODAY)
    client.force_login(personas["worker"])
    client.get("/worklist/")
    assert _views(personas["worker"], "followup.worklist").get().detail["cases"] == [
        str(case.public_id)
    ]
    client.force_login(personas["leader"])
    client.get("/worklist/team/")
    assert _views(personas["leader"], "followup.team_worklist").get().detail["cases"] == [
        str(case.public_id)
    ]
