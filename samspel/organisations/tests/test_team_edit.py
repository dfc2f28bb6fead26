import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(team):
    return reverse("organisations:team_edit", args=[team.public_id])


def test_form_shows_members_and_candidates(admin, personas, team):
    response = admin.get(url(team))
    assert response.status_code == 200
    members = {m.user.username for m in response.context["memberships"]}
    assert members == {"buddy", "leader", "worker"}
    candidates = {u.username for u in response.context["add_form"].fields["user"].queryset}
    assert candidates == {"outsider", "admin"}


def test_rejects_other_methods(admin, personas, team):
    assert admin.put(url(team)).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, team, persona):
    login(personas[persona])
    assert client.get(url(team)).status_code == 404
    data = {"name": "Renamed", "programme": "fifa", "is_active": "on"}
    assert client.post(url(team), data).status_code == 404
    team.refresh_from_db()
    assert team.name == "Team A"


def test_team_of_another_organisation_is_not_found(admin, foreign_team):
    assert admin.get(url(foreign_team)).status_code == 404
    data = {"name": "Renamed", "programme": "fifa", "is_active": "on"}
    assert admin.post(url(foreign_team), data).status_code == 404
    foreign_team.refresh_from_db()
    assert foreign_team.name == "Team X"


def test_edit_saves_and_is_audited(admin, personas, team):
    response = admin.post(url(team), {"name": "Team Alfa", "programme": "fifa"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.name == "Team Alfa"
    assert not team.is_active
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(team.public_id))
    assert event.detail == {"fields": ["is_active", "name"]}
    assert event.actor_id == personas["admin"].pk


def test_keeping_its_own_name_is_fine(admin, personas, team):
    response = admin.post(url(team), {"name": "Team A", "programme": "bfamily", "is_active": "on"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.programme == "bfamily"


def test_duplicate_name_is_refused(admin, personas, team):
    response = admin.post(url(team), {"name": "team b", "programme": "fifa", "is_active": "on"})
    assert response.status_code == 200
    assert "Your organisation already has a team with that name." in response.text
    team.refresh_from_db()
    assert team.name == "Team A"
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()
