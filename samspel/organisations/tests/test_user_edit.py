import pytest
from django.urls import reverse

from samspel.accounts.models import Role
from samspel.audit.models import Action, AuditEvent
from samspel.organisations.models import Membership
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(user):
    return reverse("organisations:user_edit", args=[user.public_id])


def form_data(user, **changes):
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": "someone@example.org",
        "role": user.role,
        "language": user.language,
        "teams": [team.pk for team in user.teams.all()],
    }
    return {**data, **changes}


def test_form_shows_the_user(admin, personas, team):
    response = admin.get(url(personas["worker"]))
    assert response.status_code == 200
    assert 'name="username"' not in response.text
    assert [t.pk for t in response.context["form"]["teams"].initial] == [team.pk]


def test_rejects_other_methods(admin, personas):
    assert admin.put(url(personas["worker"])).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    buddy = personas["buddy"]
    assert client.get(url(buddy)).status_code == 404
    assert client.post(url(buddy), form_data(buddy, first_name="Hacked")).status_code == 404
    buddy.refresh_from_db()
    assert buddy.first_name == "Buddy"


def test_user_of_another_organisation_is_not_found(admin, personas):
    stranger = personas["stranger"]
    assert admin.get(url(stranger)).status_code == 404
    assert admin.post(url(stranger), form_data(stranger, first_name="X")).status_code == 404
    stranger.refresh_from_db()
    assert stranger.first_name == "Stranger"


def test_unknown_id_is_not_found(admin, db):
    response = admin.get("/organisation/users/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_edit_saves_and_is_audited(admin, personas):
    worker = personas["worker"]
    response = admin.post(url(worker), form_data(worker, last_name="Nilsson", language="da"))
    assert response.status_code == 302
    assert response.url == reverse("organisations:users")
    worker.refresh_from_db()
    assert (worker.last_name, worker.language) == ("Nilsson", "da")
    assert worker.username == "worker"
    assert worker.organisation == personas["admin"].organisation
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(worker.public_id))
    assert event.actor_id == personas["admin"].pk
    assert event.detail == {"fields": ["email", "language", "last_name"]}


def test_username_cannot_be_changed(admin, personas):
    worker = personas["worker"]
    admin.post(url(worker), form_data(worker, username="boss"))
    worker.refresh_from_db()
    assert worker.username == "worker"


def test_team_membership_is_synced(admin, personas, team, other_team):
    leader = personas["leader"]
    response = admin.post(url(leader), form_data(leader, teams=[team.pk, other_team.pk]))
    assert response.status_code == 302
    assert set(leader.teams.all()) == {team, other_team}
    # Keeping a team keeps the membership as it was (still leader there).
    assert Membership.objects.get(team=team, user=leader).is_leader

    admin.post(url(leader), form_data(leader, teams=[other_team.pk]))
    assert list(leader.teams.all()) == [other_team]


def test_auditor_cannot_keep_teams(admin, personas, team):
    worker = personas["worker"]
    response = admin.post(url(worker), form_data(worker, role=Role.AUDITOR))
    assert response.status_code == 200
    assert "Auditors read the audit log only and cannot belong to a team." in response.text
    worker.refresh_from_db()
    assert worker.role == Role.WORKER
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_becoming_auditor_without_teams_is_fine(admin, personas):
    worker = personas["worker"]
    response = admin.post(url(worker), form_data(worker, role=Role.AUDITOR, teams=[]))
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.role == Role.AUDITOR
    assert not worker.teams.exists()


def test_membership_of_an_inactive_team_is_kept(admin, personas, team, other_team):
    worker = personas["worker"]
    Membership.objects.create(team=other_team, user=worker)
    other_team.is_active = False
    other_team.save(update_fields=["is_active"])
    # The form offers active teams only, so the inactive one is never posted.
    response = admin.post(url(worker), form_data(worker, last_name="Nilsson", teams=[team.pk]))
    assert response.status_code == 302
    assert other_team in worker.teams.all()
