import pytest
from django.urls import reverse

from conftest import translated
from samspel.accounts.models import Role, User
from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import Membership
from samspel.organisations.tests.conftest import NOT_ADMINS

URL = reverse("organisations:user_create")


def form_data(**changes):
    data = {
        "username": "newcomer",
        "first_name": "Nina",
        "last_name": "Nyström",
        "email": "nina@example.org",
        "role": Role.WORKER,
        "language": "sv",
    }
    return {**data, **changes}


def test_form_renders(admin, team):
    response = admin.get(URL)
    assert response.status_code == 200
    assert 'name="username"' in response.text
    assert "Team A" in response.text


def test_rejects_other_methods(admin):
    assert admin.put(URL).status_code == 405
    assert admin.delete(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404
    assert client.post(URL, form_data()).status_code == 404
    assert not User.objects.filter(username="newcomer").exists()


def test_creates_a_user_without_a_usable_password(admin, personas, organisation, team):
    response = admin.post(URL, form_data(teams=[team.pk]))
    user = User.objects.get(username="newcomer")
    assert response.status_code == 302
    assert response.url == reverse("organisations:user_edit", args=[user.public_id])
    assert user.organisation == organisation
    assert (user.first_name, user.last_name, user.email) == ("Nina", "Nyström", "nina@example.org")
    assert user.role == Role.WORKER
    assert user.language == "sv"
    assert not user.has_usable_password()
    assert list(user.teams.all()) == [team]
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(user.public_id))
    assert event.actor_id == personas["admin"].pk
    assert event.detail == {"role": Role.WORKER}


def test_new_user_cannot_log_in_before_setting_a_password(admin, client, team):
    admin.post(URL, form_data())
    admin.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:login"), {"username": "newcomer", "password": ""})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("username", ["worker", "WORKER", "stranger"])
def test_duplicate_username_is_refused(admin, personas, username):
    response = admin.post(URL, form_data(username=username))
    assert response.status_code == 200
    assert response.context["form"].errors["username"] == ["That username is taken."]
    assert User.objects.filter(username__iexact=username).count() == 1
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_auditor_cannot_be_put_in_a_team(admin, team):
    response = admin.post(URL, form_data(role=Role.AUDITOR, teams=[team.pk]))
    assert response.status_code == 200
    assert "Auditors read the audit log only and cannot belong to a team." in response.text
    assert not User.objects.filter(username="newcomer").exists()


def test_team_of_another_organisation_cannot_be_chosen(admin, foreign_team):
    response = admin.post(URL, form_data(teams=[foreign_team.pk]))
    assert response.status_code == 200
    assert response.context["form"].errors["teams"]
    assert not Membership.objects.filter(team=foreign_team, user__username="newcomer").exists()


def test_missing_names_are_refused(admin):
    response = admin.post(URL, form_data(first_name="", email=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"first_name", "email"}
    assert not User.objects.filter(username="newcomer").exists()


def test_duplicate_username_message_is_in_the_admins_language(admin, personas):
    personas["admin"].language = "da"
    personas["admin"].save(update_fields=["language"])
    response = admin.post(URL, form_data(username="worker"))
    assert translated("That username is taken.", "da") in response.text
