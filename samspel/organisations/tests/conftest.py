import pytest

from samspel.organisations.models import Team

NOT_ADMINS = ["worker", "leader", "auditor", "outsider", "stranger"]


@pytest.fixture
def admin(client, personas, login):
    """A client signed in as the org admin."""
    login(personas["admin"])
    return client


@pytest.fixture
def foreign_team(personas, other_organisation):
    """The stranger's team, in the other organisation."""
    return Team.objects.get(organisation=other_organisation)
