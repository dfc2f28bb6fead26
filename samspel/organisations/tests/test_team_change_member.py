import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import Membership
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(team, user):
    return reverse("organisations:team_change_member", args=[team.public_id, user.public_id])


def test_rejects_get(admin, personas, team):
    assert admin.get(url(team, personas["worker"])).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, team, persona):
    login(personas[persona])
    response = client.post(url(team, personas["buddy"]), {"change": "remove"})
    assert response.status_code == 404
    assert Membership.objects.filter(team=team, user=personas["buddy"]).exists()


def test_team_of_another_organisation_is_not_found(admin, personas, foreign_team):
    stranger = personas["stranger"]
    response = admin.post(url(foreign_team, stranger), {"change": "remove"})
    assert response.status_code == 404
    assert Membership.objects.filter(team=foreign_team, user=stranger).exists()


def test_user_not_in_the_team_is_not_found(admin, personas, team):
    response = admin.post(url(team, personas["outsider"]), {"change": "leader"})
    assert response.status_code == 404


def test_make_leader_and_back(admin, personas, team):
    worker = personas["worker"]
    response = admin.post(url(team, worker), {"change": "leader"})
    assert response.status_code == 302
    assert response.url == reverse("organisations:team_edit", args=[team.public_id])
    assert Membership.objects.get(team=team, user=worker).is_leader
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(team.public_id))
    assert event.detail == {"member": str(worker.public_id), "change": "leader"}

    admin.post(url(team, worker), {"change": "member"})
    assert not Membership.objects.get(team=team, user=worker).is_leader
    assert AuditEvent.objects.filter(action=Action.UPDATE).count() == 2


def test_remove_member(admin, personas, team):
    buddy = personas["buddy"]
    response = admin.post(url(team, buddy), {"change": "remove"}, follow=True)
    assert "Buddy Testsson left the team." in response.text
    assert not Membership.objects.filter(team=team, user=buddy).exists()
    buddy.refresh_from_db()
    assert buddy.is_active
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(team.public_id))
    assert event.detail == {"member": str(buddy.public_id), "change": "remove"}


def test_unknown_change_is_refused(admin, personas, team):
    response = admin.post(url(team, personas["worker"]), {"change": "promote"}, follow=True)
    assert "Unknown change. Nothing was saved." in response.text
    assert Membership.objects.filter(team=team, user=personas["worker"], is_leader=False).exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()
