"""Each role lands on a home page with its own work."""

import pytest
from django.urls import reverse

from samspel.audit.log import record
from samspel.audit.models import Action

URL = reverse("web:home")


def page(client, personas, login, persona):
    login(personas[persona])
    response = client.get(URL)
    assert response.status_code == 200
    return response.text


def test_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next=/"


def test_rejects_post(client, personas, login):
    login(personas["worker"])
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("persona", ["worker", "buddy"])
def test_worker_sees_their_team(client, personas, login, persona):
    text = page(client, personas, login, persona)
    assert "Your teams" in text
    assert "Team A" in text
    assert "Organisation administration" not in text
    assert reverse("audit:search") not in text
    assert reverse("organisations:users") not in text


def test_outsider_sees_their_own_team(client, personas, login):
    text = page(client, personas, login, "outsider")
    assert "Team B" in text
    assert "Team A" not in text


def test_leader_sees_the_members_of_the_team_they_lead(client, personas, login):
    text = page(client, personas, login, "leader")
    assert "Your team: Team A" in text
    for member in ("Worker Testsson", "Buddy Testsson"):
        assert member in text
    assert "Outsider Testsson" not in text


def test_auditor_sees_the_latest_events_of_their_organisation_only(client, personas, login):
    record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    record(None, Action.LOGIN, personas["stranger"], user=personas["stranger"])
    text = page(client, personas, login, "auditor")
    assert "Search the audit log" in text
    assert reverse("audit:search") in text
    assert ">Worker Testsson (Worker)<" in text
    assert "Stranger Testsson" not in text
    assert reverse("organisations:users") not in text


def test_admin_sees_administration_with_counts(client, personas, login):
    login(personas["admin"])
    response = client.get(URL)
    assert "Organisation administration" in response.text
    assert response.context["org_counts"] == {"users": 6, "teams": 2}
    assert reverse("organisations:teams") in response.text
    assert reverse("audit:search") not in response.text


def test_stranger_sees_their_own_organisation(client, personas, login):
    text = page(client, personas, login, "stranger")
    assert "Andra kommunen" in text
    assert "Testkommun" not in text
    assert "Team X" in text
    assert "Team A" not in text


def test_page_has_landmarks_and_skip_link(client, personas, login):
    text = page(client, personas, login, "worker")
    assert 'href="#main"' in text
    assert '<main id="main"' in text
    assert "<nav" in text
    assert "<script>" not in text  # no inline scripts: the CSP forbids them
