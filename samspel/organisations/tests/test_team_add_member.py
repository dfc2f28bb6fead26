import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import Membership
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(team):
    return reverse("organisations:team_add_member", args=[team.public_id])


def test_rejects_get(admin, personas, team):
    assert admin.get(url(team)).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, team, persona):
    login(personas[persona])
    response = client.post(url(team), {"user": personas["outsider"].pk})
    assert response.status_code == 404
    assert not Membership.objects.filter(team=team, user=personas["outsider"]).exists()


def test_team_of_another_organisation_is_not_found(admin, personas, foreign_team):
    response = admin.post(url(foreign_team), {"user": personas["outsider"].pk})
    assert response.status_code == 404
    assert not Membership.objects.filter(team=foreign_team, user=personas["outsider"]).exists()


def test_adds_a_member_and_is_audited(admin, personas, team):
    outsider = personas["outsider"]
    response = admin.post(url(team), {"user": outsider.pk})
    assert response.status_code == 302
    assert response.url == reverse("organisations:team_edit", args=[team.public_id])
    membership = Membership.objects.get(team=team, user=outsider)
    assert not membership.is_leader
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(team.public_id))
    assert event.detail == {"added_member": str(outsider.public_id)}


def test_adds_a_leader(admin, personas, team):
    admin.post(url(team), {"user": personas["outsider"].pk, "is_leader": "on"})
    assert Membership.objects.get(team=team, user=personas["outsider"]).is_leader


@pytest.mark.parametrize("persona", ["stranger", "auditor", "worker"])
def test_user_who_cannot_join_is_refused_with_a_message(admin, personas, team, persona):
    """A user of another organisation, an auditor, or someone already in the team."""
    before = Membership.objects.count()
    response = admin.post(url(team), {"user": personas[persona].pk}, follow=True)
    assert response.status_code == 200
    assert "Choose an active user of your organisation." in response.text
    assert Membership.objects.count() == before
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_deactivated_user_is_refused(admin, personas, team):
    outsider = personas["outsider"]
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    admin.post(url(team), {"user": outsider.pk})
    assert not Membership.objects.filter(team=team, user=outsider).exists()


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_garbage_is_refused(admin, personas, team, value):
    response = admin.post(url(team), {"user": value})
    assert response.status_code == 302
    assert Membership.objects.filter(team=team).count() == 3
