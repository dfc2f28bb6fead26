import pytest

from samspel.programmes.models import OrganisationProgramme

NOT_ADMINS = ["worker", "leader", "auditor", "outsider", "stranger"]


@pytest.fixture
def admin(client, personas, login):
    """A client signed in as the org admin."""
    login(personas["admin"])
    return client


@pytest.fixture
def own_programme(organisation, personas):
    return OrganisationProgramme.objects.create(
        organisation=organisation,
        key="tata-fosterhem",
        name="Täta fosterhem",
        based_on="process-i-rorelse",
        overrides={"weekly-follow-up.every": {"days": 10}},
    )


@pytest.fixture
def foreign_programme(other_organisation, personas):
    """The other organisation's own programme."""
    return OrganisationProgramme.objects.create(
        organisation=other_organisation,
        key="egen-model",
        name="Egen model",
        based_on="sammen-om-familien",
    )
