import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.programmes.models import (
    OrganisationProgramme,
    ProgrammeSettings,
    ProgrammeSettingsChange,
)
from samspel.programmes.tests.conftest import NOT_ADMINS

URL = reverse("programmes:create")


def test_creates_a_named_copy_with_the_current_values(admin, organisation, personas):
    ProgrammeSettings.objects.create(
        organisation=organisation,
        programme="process-i-rorelse",
        overrides={"weekly-follow-up.every": {"days": 10}},
    )
    response = admin.post(URL, {"name": "Täta fosterhem", "based_on": "process-i-rorelse"})
    own = OrganisationProgramme.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response.url == reverse("programmes:settings", args=["tata-fosterhem"])
    assert (own.key, own.name, own.based_on) == (
        "tata-fosterhem",
        "Täta fosterhem",
        "process-i-rorelse",
    )
    assert own.overrides == {"weekly-follow-up.every": {"days": 10}}
    assert (
        ProgrammeSettingsChange.objects.get(programme="tata-fosterhem").changed_by
        == personas["admin"]
    )
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(own.public_id))
    assert event.detail == {"key": "tata-fosterhem", "based_on": "process-i-rorelse"}


def test_the_form_shows(admin):
    response = admin.get(URL)
    assert response.status_code == 200
    assert 'name="based_on"' in response.text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("FIFA", "That name is already used by a programme."),
        ("Täta fosterhem", "That name is already used by a programme."),
        ("new", "That name is already used by a programme."),
        ("???", "Give the programme a name with letters or digits."),
    ],
)
def test_clashing_or_empty_names_are_refused(admin, own_programme, name, message):
    response = admin.post(URL, {"name": name, "based_on": "fifa"})
    assert response.status_code == 200
    assert message in response.text
    assert OrganisationProgramme.objects.count() == 1
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_unknown_base_is_refused(admin):
    response = admin.post(URL, {"name": "Egen", "based_on": "nope"})
    assert response.status_code == 200
    assert not OrganisationProgramme.objects.exists()


def test_the_same_name_is_fine_in_another_organisation(admin, foreign_programme):
    response = admin.post(URL, {"name": "Egen model", "based_on": "fifa"})
    assert response.status_code == 302
    assert OrganisationProgramme.objects.filter(key="egen-model").count() == 2


def test_rejects_other_methods(admin):
    assert admin.put(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"name": "Egen", "based_on": "fifa"}).status_code == 404
    assert not OrganisationProgramme.objects.exists()
