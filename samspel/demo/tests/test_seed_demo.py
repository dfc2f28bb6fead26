"""The seed_demo command: the demo world, loaded once, loaded again without duplicates."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from samspel.accounts.models import Role, User
from samspel.demo import builder
from samspel.families.models import Family, Person
from samspel.organisations.models import Membership, Organisation, Team
from samspel.organisations.programmes import PROGRAMME_CHOICES

PERSONAS = {
    # username: (role, team or None, leads the team)
    "worker": (Role.WORKER, "Handicaprådgivning Nord", False),
    "buddy": (Role.WORKER, "Handicaprådgivning Nord", False),
    "leader": (Role.TEAM_LEADER, "Handicaprådgivning Nord", True),
    "outsider": (Role.WORKER, "Handicaprådgivning Syd", False),
    "auditor": (Role.AUDITOR, None, False),
    "admin": (Role.ORG_ADMIN, None, False),
}


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, Team, User, Membership, Family, Person)
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for this module, in a transaction rolled back after its last test; each
    test still runs in its own savepoint (the `db` fixture)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        yield seed()
        transaction.set_rollback(True)


def test_prints_the_logins_and_the_password(db, seeded):
    assert "Demo data ready." in seeded
    assert "worker, buddy, leader, outsider, auditor, admin (Aarhus)" in seeded
    assert "stranger, konsulent, behandlare, fifa, lots, ledare, admin-se (Linköping)" in seeded
    assert "'demo'" in seeded


def test_second_run_duplicates_nothing(db, seeded):
    before = counts()
    seed()
    assert counts() == before


def test_second_run_keeps_changed_passwords(db, seeded):
    worker = User.objects.get(username="worker")
    worker.set_password("a private passphrase now")
    worker.save(update_fields=["password"])
    seed()
    worker.refresh_from_db()
    assert worker.check_password("a private passphrase now")


SWEDISH_WORKERS = {
    "stranger": "process-i-rorelse",
    "konsulent": "process-i-rorelse",
    "behandlare": "bfamily",
    "fifa": "fifa",
    "lots": "familjelotsen",
}


@pytest.mark.parametrize("username", [*PERSONAS, *SWEDISH_WORKERS, "ledare", "admin-se"])
def test_every_persona_logs_in_with_demo(db, seeded, client, username):
    response = client.post("/accounts/login/", {"username": username, "password": "demo"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username=username).pk)


@pytest.mark.parametrize("username", PERSONAS)
def test_personas_of_the_danish_organisation(db, seeded, username):
    role, team, leads = PERSONAS[username]
    user = User.objects.get(username=username)
    assert user.organisation.name == builder.DANISH_ORG
    assert user.organisation.jurisdiction == "DK"
    assert user.role == role
    memberships = list(Membership.objects.filter(user=user).select_related("team"))
    if team is None:
        assert memberships == []
    else:
        assert [(m.team.name, m.is_leader) for m in memberships] == [(team, leads)]


def test_leader_leads_the_workers_team_and_outsider_is_elsewhere(db, seeded):
    worker_team = Team.objects.get(members__username="worker")
    assert set(worker_team.members.values_list("username", flat=True)) >= {
        "worker",
        "buddy",
        "leader",
    }
    assert list(worker_team.leaders.values_list("username", flat=True)) == ["leader"]
    assert not worker_team.members.filter(username="outsider").exists()
    outsider_team = Team.objects.get(members__username="outsider")
    assert outsider_team.organisation == worker_team.organisation


def test_stranger_works_in_the_other_organisation(db, seeded):
    stranger = User.objects.get(username="stranger")
    worker = User.objects.get(username="worker")
    assert stranger.role == Role.WORKER
    assert stranger.organisation != worker.organisation
    assert stranger.organisation.name == builder.SWEDISH_ORG
    assert stranger.organisation.jurisdiction == "SE"
    assert stranger.teams.get().organisation == stranger.organisation


def test_every_programme_has_a_team(db, seeded):
    programmes = set(Team.objects.values_list("programme", flat=True))
    assert programmes == {key for key, _label in PROGRAMME_CHOICES}


def test_families_in_both_organisations(db, seeded):
    for organisation in Organisation.objects.all():
        families = Family.objects.filter(organisation=organisation)
        assert families.count() == builder.FAMILIES_PER_ORGANISATION
        assert not Person.objects.filter(family__in=families, birth_date=None).exists()
        assert all(family.persons.exists() for family in families)


def test_refuses_in_production(db, settings):
    settings.PRODUCTION = True
    Membership.objects.filter(user__username="stranger").delete()  # for a run to restore
    before = counts()
    with pytest.raises(CommandError, match="never loaded in production"):
        seed()
    assert counts() == before


@pytest.mark.parametrize(("username", "programme"), SWEDISH_WORKERS.items())
def test_a_swedish_worker_in_each_swedish_programme_has_cases(db, seeded, username, programme):
    user = User.objects.get(username=username)
    assert user.organisation.name == builder.SWEDISH_ORG
    assert user.role == Role.WORKER
    assert user.responsible_cases.filter(programme=programme).exists()


def test_the_swedish_organisation_has_an_admin_and_a_team_leader(db, seeded):
    admin = User.objects.get(username="admin-se")
    assert admin.organisation.name == builder.SWEDISH_ORG and admin.role == Role.ORG_ADMIN
    leader = Membership.objects.get(user__username="ledare")
    assert leader.is_leader and leader.team.name == "Familjehemsteamet"
