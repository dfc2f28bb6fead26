import pytest
from django.urls import reverse

from samspel.programmes.models import ProgrammeSettings
from samspel.programmes.tests.conftest import NOT_ADMINS

URL = reverse("programmes:list")


def test_lists_built_in_and_own_programmes(admin, organisation, own_programme, foreign_programme):
    ProgrammeSettings.objects.create(
        organisation=organisation, programme="bfamily", overrides={"time_band.min_hours": 15}
    )
    response = admin.get(URL)
    assert response.status_code == 200
    rows = {row["key"]: row["changed"] for row in response.context["built_in"]}
    assert rows == {
        "bfamily": 1,
        "familjelotsen": 0,
        "fifa": 0,
        "process-i-rorelse": 0,
        "sammen-om-familien": 0,
    }
    assert list(response.context["own"]) == [own_programme]
    assert "Täta fosterhem" in response.text
    assert "Egen model" not in response.text


def test_rejects_other_methods(admin):
    assert admin.post(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response.url
