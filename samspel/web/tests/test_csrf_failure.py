"""A POST without a CSRF token is refused with our own page, and changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import translated
from samspel.organisations.models import Team


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_language_switch_without_token_changes_nothing(strict_client, personas):
    worker = personas["worker"]
    strict_client.force_login(worker)
    response = strict_client.post(reverse("web:set_language"), {"language": "da"})
    assert response.status_code == 403
    assert "The form had expired" in response.text
    assert "Nothing was saved. Go back, reload the page and try again." in response.text
    worker.refresh_from_db()
    assert worker.language == "en"


def test_admin_change_without_token_changes_nothing(strict_client, personas, team):
    strict_client.force_login(personas["admin"])
    url = reverse("organisations:team_edit", args=[team.public_id])
    response = strict_client.post(url, {"name": "Renamed", "programme": "fifa"})
    assert response.status_code == 403
    assert "The form had expired" in response.text
    assert Team.objects.get(pk=team.pk).name == "Team A"


def test_login_without_token_is_refused(strict_client, personas):
    response = strict_client.post(
        reverse("accounts:login"),
        {"username": "worker", "password": "correct horse battery staple"},
    )
    assert response.status_code == 403
    assert "The form had expired" in response.text
    assert "_auth_user_id" not in strict_client.session


def test_csrf_page_is_in_the_users_language(strict_client, personas):
    worker = personas["worker"]
    worker.language = "da"
    worker.save(update_fields=["language"])
    strict_client.force_login(worker)
    response = strict_client.post(reverse("web:set_language"), {"language": "sv"})
    assert response.status_code == 403
    assert '<html lang="da">' in response.text
    assert translated("The form had expired", "da") in response.text
    assert translated("Nothing was saved. Go back, reload the page and try again.", "da") in (
        response.text
    )


def test_with_token_the_same_post_works(strict_client, personas):
    worker = personas["worker"]
    strict_client.force_login(worker)
    strict_client.get(reverse("web:home"))
    token = strict_client.cookies["csrftoken"].value
    response = strict_client.post(
        reverse("web:set_language"), {"language": "da", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.language == "da"
