"""The org admin's list of users: filter form, pagination, scoped to the organisation."""

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.accounts.models import Role
from samspel.organisations.tests.conftest import NOT_ADMINS

URL = reverse("organisations:users")


def usernames(response):
    return [user.username for user in response.context["page"].object_list]


def test_lists_the_organisations_users_only(admin, personas):
    response = admin.get(URL)
    assert response.status_code == 200
    assert sorted(usernames(response)) == sorted(
        ["worker", "buddy", "leader", "outsider", "auditor", "admin"]
    )
    assert "stranger" not in response.text
    assert "Team A" in response.text


def test_rejects_post(admin):
    assert admin.post(URL).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404


def test_admin_of_another_organisation_sees_only_their_own(client, personas, login):
    other_admin = make_user(personas["stranger"].organisation, "otheradmin", Role.ORG_ADMIN)
    login(other_admin)
    assert sorted(usernames(client.get(URL))) == ["otheradmin", "stranger"]


def test_requires_login(client, db):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "bud"}, ["buddy"]),
        ({"q": "TESTSSON", "role": Role.AUDITOR}, ["auditor"]),
        ({"role": Role.TEAM_LEADER}, ["leader"]),
        ({"active": "no"}, ["outsider"]),
        ({"active": "yes", "q": "outsider"}, []),
    ],
)
def test_filters(admin, personas, query, expected):
    personas["outsider"].is_active = False
    personas["outsider"].save(update_fields=["is_active"])
    response = admin.get(URL, query)
    assert response.status_code == 200
    assert usernames(response) == expected


def test_unknown_filter_values_are_ignored_not_a_crash(admin):
    response = admin.get(URL, {"role": "emperor", "active": "maybe", "page": "x"})
    assert response.status_code == 200
    assert len(usernames(response)) == 6


def test_pages_of_twenty_five_keep_the_filter(admin, organisation):
    for number in range(30):
        make_user(organisation, f"extra{number:02}")
    first = admin.get(URL, {"q": "extra"})
    assert len(usernames(first)) == 25
    assert "q=extra&amp;page=2" in first.text
    second = admin.get(URL, {"q": "extra", "page": 2})
    assert len(usernames(second)) == 5


def test_query_count_does_not_grow_with_users(
    admin, organisation, team, django_assert_max_num_queries
):
    for number in range(30):
        make_user(organisation, f"extra{number:02}", team=team)
    # session, user, organisation, second-factor devices, count, page, teams, session update
    with django_assert_max_num_queries(10):
        response = admin.get(URL)
    assert len(usernames(response)) == 25
