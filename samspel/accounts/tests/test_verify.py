"""The second step of login for users with an authenticator app."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings as django_settings
from django.urls import reverse

from conftest import PASSWORD, translated
from samspel.accounts.tests.conftest import VERIFY_URL, code_for, wrong_code_for
from samspel.audit.models import Action, AuditEvent

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def half_signed_in(client, personas, device, requires_second_factor, password_login, frozen):
    """The worker has given the right password and has an authenticator app."""
    response = password_login("worker", next="/audit/?user=worker&action=login")
    assert response.status_code == 302
    assert response.url.startswith(VERIFY_URL)
    return response.url


def test_verify_page_asks_for_the_code(client, half_signed_in):
    response = client.get(half_signed_in)
    assert response.status_code == 200
    assert 'autocomplete="one-time-code"' in response.text
    assert response.context["next"] == "/audit/?user=worker&action=login"


def test_right_code_completes_login_and_follows_next(client, personas, device, half_signed_in):
    response = client.post(
        VERIFY_URL, {"code": code_for(device), "next": "/audit/?user=worker&action=login"}
    )
    assert response.status_code == 302
    assert response.url == "/audit/?user=worker&action=login"
    assert client.get(reverse("web:home")).status_code == 200
    assert AuditEvent.objects.get(action=Action.SECOND_FACTOR_OK).actor_id == personas["worker"].pk


def test_right_code_with_tampered_next_stays_on_site(client, device, half_signed_in):
    response = client.post(VERIFY_URL, {"code": code_for(device), "next": "//evil.example"})
    assert response.status_code == 302
    assert response.url == reverse("web:home")


def test_wrong_code_shows_a_message_and_is_audited(client, personas, device, half_signed_in):
    response = client.post(VERIFY_URL, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert "That code is not right or has expired. Try the newest one." in response.text
    event = AuditEvent.objects.get(action=Action.SECOND_FACTOR_FAILED)
    assert event.actor_id == personas["worker"].pk
    assert client.get(reverse("web:home")).url == VERIFY_URL


def test_code_cannot_be_used_twice(client, device, half_signed_in, frozen):
    code = code_for(device)
    assert client.post(VERIFY_URL, {"code": code}).status_code == 302
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": "worker", "password": PASSWORD})
    response = client.post(VERIFY_URL, {"code": code})
    assert response.status_code == 200
    assert "That code is not right" in response.text


def test_wrong_codes_count_towards_lock_out(client, personas, device, half_signed_in, frozen):
    limit = django_settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert client.post(VERIFY_URL, {"code": wrong_code_for(device)}).status_code == 200
    response = client.post(VERIFY_URL, {"code": wrong_code_for(device)})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action=Action.LOCKED_OUT)
    assert event.actor_id == personas["worker"].pk
    # The password alone no longer opens a session either.
    again = client.post(reverse("accounts:login"), {"username": "worker", "password": PASSWORD})
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_user_without_device_is_sent_to_enrol(client, personas, login):
    login(personas["worker"])
    response = client.get(VERIFY_URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:enrol")


def test_verify_requires_login(client, db):
    response = client.get(VERIFY_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_wrong_code_message_is_in_the_users_language(client, personas, device, half_signed_in):
    personas["worker"].language = "sv"
    personas["worker"].save(update_fields=["language"])
    response = client.post(VERIFY_URL, {"code": wrong_code_for(device)})
    message = "That code is not right or has expired. Try the newest one."
    assert translated(message, "sv") in response.text
