"""SecondFactorMiddleware: until the second factor is verified, only a few pages open."""

import pytest
from django.urls import reverse

from samspel.accounts.tests.conftest import ENROL_URL, VERIFY_URL, code_for

BLOCKED = ["/", "/audit/", "/organisation/users/", "/accounts/password/"]


@pytest.mark.parametrize("path", BLOCKED)
def test_unenrolled_user_of_strict_organisation_is_sent_to_enrol(
    client, personas, requires_second_factor, login, path
):
    login(personas["admin"])
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == ENROL_URL


@pytest.mark.parametrize("path", BLOCKED)
def test_enrolled_user_is_sent_to_verify(client, personas, device, login, path):
    # Having a device is enough to require it, even where the organisation does not.
    login(personas["worker"])
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == VERIFY_URL


def test_posts_are_blocked_too(client, personas, device, login):
    worker = personas["worker"]
    login(worker)
    response = client.post(reverse("accounts:password_change"), {})
    assert response.status_code == 302
    assert response.url == VERIFY_URL


def test_logout_and_language_stay_open(client, personas, device, login):
    login(personas["worker"])
    response = client.post(reverse("web:set_language"), {"language": "da", "next": "/"})
    assert response.status_code == 302
    personas["worker"].refresh_from_db()
    assert personas["worker"].language == "da"
    assert client.get(reverse("web:healthz")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_gate_opens_after_verification(client, personas, device, login):
    login(personas["worker"])
    client.post(VERIFY_URL, {"code": code_for(device)})
    assert client.get("/").status_code == 200


def test_users_of_relaxed_organisations_without_device_pass(client, personas, login):
    login(personas["worker"])
    assert client.get("/").status_code == 200


def test_other_organisations_rule_does_not_apply(client, personas, requires_second_factor, login):
    login(personas["stranger"])
    assert client.get("/").status_code == 200
