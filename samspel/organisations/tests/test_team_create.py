import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import Team
from samspel.organisations.tests.conftest import NOT_ADMINS

URL = reverse("organisations:team_create")


def test_form_renders(admin):
    response = admin.get(URL)
    assert response.status_code == 200
    assert 'name="programme"' in response.text


def test_rejects_other_methods(admin):
    assert admin.put(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404
    data = {"name": "Team C", "programme": "fifa", "is_active": "on"}
    assert client.post(URL, data).status_code == 404
    assert not Team.objects.filter(name="Team C").exists()


def test_creates_a_team_in_the_admins_organisation(admin, personas, organisation):
    response = admin.post(URL, {"name": " Team C ", "programme": "bfamily", "is_active": "on"})
    team = Team.objects.get(name="Team C")
    assert response.status_code == 302
    assert response.url == reverse("organisations:team_edit", args=[team.public_id])
    assert team.organisation == organisation
    assert team.programme == "bfamily"
    assert team.is_active
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(team.public_id))
    assert event.actor_id == personas["admin"].pk
    assert event.object_type == "organisations.team"


@pytest.mark.parametrize("name", ["Team A", "team a", " TEAM A "])
def test_duplicate_name_is_refused(admin, personas, name):
    response = admin.post(URL, {"name": name, "programme": "fifa", "is_active": "on"})
    assert response.status_code == 200
    assert "Your organisation already has a team with that name." in response.text
    assert Team.objects.filter(name__iexact="team a").count() == 1


def test_name_of_another_organisations_team_is_fine(admin, personas):
    response = admin.post(URL, {"name": "Team X", "programme": "fifa", "is_active": "on"})
    assert response.status_code == 302
    assert Team.objects.filter(name="Team X").count() == 2


def test_unknown_programme_is_refused(admin, personas):
    response = admin.post(URL, {"name": "Team C", "programme": "astrology"})
    assert response.status_code == 200
    assert response.context["form"].errors["programme"]
    assert not Team.objects.filter(name="Team C").exists()
