"""The shared personas of STYLE.md, built once per test from the same definitions."""

import pytest

from samspel.accounts.models import Role, User
from samspel.organisations.models import Jurisdiction, Membership, Organisation, Team

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


def make_user(organisation, username, role=Role.WORKER, team=None, is_leader=False, **extra):
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        organisation=organisation,
        role=role,
        first_name=username.capitalize(),
        last_name="Testsson",
        language="en",
        **extra,
    )
    if team is not None:
        Membership.objects.create(team=team, user=user, is_leader=is_leader)
    return user


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        name="Testkommun",
        jurisdiction=Jurisdiction.SWEDEN,
        default_language="sv",
        require_second_factor=False,
    )


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(
        name="Andra kommunen",
        jurisdiction=Jurisdiction.DENMARK,
        default_language="da",
        require_second_factor=False,
    )


@pytest.fixture
def team(organisation):
    return Team.objects.create(organisation=organisation, name="Team A", programme="fifa")


@pytest.fixture
def other_team(organisation):
    return Team.objects.create(organisation=organisation, name="Team B", programme="bfamily")


@pytest.fixture
def personas(organisation, other_organisation, team, other_team):
    """worker, buddy, leader, outsider, auditor, admin and stranger."""
    stranger_team = Team.objects.create(
        organisation=other_organisation, name="Team X", programme="sammen-om-familien"
    )
    return {
        "worker": make_user(organisation, "worker", team=team),
        "buddy": make_user(organisation, "buddy", team=team),
        "leader": make_user(organisation, "leader", Role.TEAM_LEADER, team=team, is_leader=True),
        "outsider": make_user(organisation, "outsider", team=other_team),
        "auditor": make_user(organisation, "auditor", Role.AUDITOR),
        "admin": make_user(organisation, "admin", Role.ORG_ADMIN),
        "stranger": make_user(other_organisation, "stranger", team=stranger_team),
    }


@pytest.fixture
def login(client):
    """Log a persona in through the session, as after a full (verified) login."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
