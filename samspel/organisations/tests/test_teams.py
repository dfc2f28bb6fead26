import pytest
from django.urls import reverse

from conftest import make_user
from samspel.organisations.models import Team
from samspel.organisations.tests.conftest import NOT_ADMINS

URL = reverse("organisations:teams")


def test_lists_the_organisations_teams_with_leaders(admin, personas):
    response = admin.get(URL)
    assert response.status_code == 200
    assert [t.name for t in response.context["teams"]] == ["Team A", "Team B"]
    assert "Leader Testsson" in response.text
    assert "Team X" not in response.text


def test_rejects_post(admin):
    assert admin.post(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404


def test_query_count_does_not_grow_with_teams(
    admin, personas, organisation, django_assert_max_num_queries
):
    for number in range(10):
        team = Team.objects.create(organisation=organisation, name=f"T{number}", programme="fifa")
        make_user(organisation, f"member{number}", team=team, is_leader=True)
    with django_assert_max_num_queries(11):  # 10, and the filter's own programmes since ISSUE10
        response = admin.get(URL)
    assert len(response.context["teams"]) == 12
