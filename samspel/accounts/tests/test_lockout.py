"""Throttling of failed logins (django-axes with our lock-out page)."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import translation
from django.utils.html import escape

from conftest import PASSWORD, translated
from samspel.audit.models import Action, AuditEvent

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def fail_until_locked(password_login, username="worker"):
    """Fail the login as often as the limit allows; returns the last response."""
    responses = [
        password_login(username, "wrong password")
        for _ in range(django_settings.AXES_FAILURE_LIMIT)
    ]
    assert all(r.status_code == 200 for r in responses[:-1])
    return responses[-1]


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_reaching_the_failure_limit_locks_out_with_a_clear_message(
    client, personas, password_login, frozen
):
    response = fail_until_locked(password_login)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    assert "Login is locked for this account for 15 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_lock_out_is_audited_for_the_users_organisation(client, personas, password_login, frozen):
    fail_until_locked(password_login)
    event = AuditEvent.objects.get(action=Action.LOCKED_OUT)
    assert event.actor_username == "worker"
    assert event.actor_id == personas["worker"].pk
    assert event.organisation_id == personas["worker"].organisation_id
    assert event.ip_address == "127.0.0.1"
    assert (
        AuditEvent.objects.filter(action=Action.LOGIN_FAILED).count()
        == django_settings.AXES_FAILURE_LIMIT
    )


def test_right_password_is_refused_during_lock_out(client, personas, password_login, frozen):
    fail_until_locked(password_login)
    response = password_login("worker", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    assert "_auth_user_id" not in client.session
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_lock_out_ends_after_the_cool_off(client, personas, password_login, frozen):
    fail_until_locked(password_login)
    frozen.shift(django_settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1))
    response = password_login("worker", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(personas["worker"].pk)


def test_lock_out_of_one_user_leaves_colleagues_alone(client, personas, password_login, frozen):
    fail_until_locked(password_login)
    response = password_login("buddy", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(personas["buddy"].pk)


def test_success_before_the_limit_resets_the_count(client, personas, password_login, frozen):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        password_login("worker", "wrong password")
    assert password_login("worker", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    assert password_login("worker", "wrong password").status_code == 200


LOCKED = (
    "Login is locked for this account for %(minutes)s minute after too many failed attempts. "
    "Try again later or ask your administrator.",
    "Login is locked for this account for %(minutes)s minutes after too many failed attempts. "
    "Try again later or ask your administrator.",
)


@pytest.mark.parametrize("language", ["sv", "da"])
def test_lock_out_message_is_translated(client, personas, password_login, frozen, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = fail_until_locked(password_login)
    with translation.override(language):
        message = translation.ngettext(*LOCKED, 15) % {"minutes": 15}
    assert message != LOCKED[1] % {"minutes": 15}
    assert escape(message) in response.text
    assert translated("Too many failed attempts", language) in response.text


def test_logging_in_again_with_the_password_does_not_reset_wrong_codes(client, personas, settings):
    """The password alone must not wipe the count of wrong second-factor codes."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = personas["worker"]
    user.organisation.require_second_factor = True
    user.organisation.save()
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit):
        client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
        response = client.post("/accounts/login/verify/", {"code": "000000"})
    assert response.status_code == 429
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
