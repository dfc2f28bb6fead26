"""IdleTimeoutMiddleware: a session ends after SESSION_IDLE_TIMEOUT_MINUTES without requests."""

import datetime as dt
from unittest.mock import patch

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse

from conftest import translated
from samspel.accounts.middleware import LAST_SEEN_KEY, LAST_SEEN_RESOLUTION_SECONDS
from samspel.audit.models import Action, AuditEvent

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
IDLE = dt.timedelta(minutes=django_settings.SESSION_IDLE_TIMEOUT_MINUTES)


@pytest.fixture
def signed_in(client, personas, login):
    with time_machine.travel(NOW, tick=False) as traveller:
        login(personas["worker"])
        assert client.get("/").status_code == 200
        yield traveller


def test_default_timeout_is_thirty_minutes():
    assert django_settings.SESSION_IDLE_TIMEOUT_MINUTES == 30


def test_idle_session_is_logged_out_with_a_message(client, personas, signed_in):
    signed_in.shift(IDLE + dt.timedelta(minutes=1))
    response = client.get("/audit/?user=worker")
    assert response.status_code == 302
    assert response.url == reverse("accounts:login") + "?next=%2Faudit%2F%3Fuser%3Dworker"
    assert "_auth_user_id" not in client.session
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["You were logged out after 30 minutes without activity."]


def test_message_is_shown_on_the_login_page(client, personas, signed_in):
    signed_in.shift(IDLE + dt.timedelta(minutes=1))
    response = client.get("/", follow=True)
    assert "You were logged out after 30 minutes without activity." in response.text


def test_expiry_is_audited_once(client, personas, signed_in):
    signed_in.shift(IDLE + dt.timedelta(minutes=1))
    client.get("/")
    event = AuditEvent.objects.get(action=Action.SESSION_EXPIRED)
    assert event.actor_id == personas["worker"].pk
    assert event.organisation_id == personas["worker"].organisation_id
    assert not AuditEvent.objects.filter(action=Action.LOGOUT).exists()


def test_activity_keeps_the_session_alive(client, personas, signed_in):
    for _ in range(3):
        signed_in.shift(IDLE - dt.timedelta(minutes=1))
        assert client.get("/").status_code == 200
    assert not AuditEvent.objects.filter(action=Action.SESSION_EXPIRED).exists()


def test_timeout_is_configurable(client, personas, signed_in, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 5
    signed_in.shift(dt.timedelta(minutes=6))
    response = client.get("/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_message_is_in_the_users_language(client, personas, signed_in):
    personas["worker"].language = "da"
    personas["worker"].save(update_fields=["language"])
    signed_in.shift(IDLE + dt.timedelta(minutes=1))
    response = client.get("/", follow=True)
    message = "You were logged out after %(minutes)d minutes without activity."
    assert translated(message, "da") % {"minutes": 30} in response.text


def _stored_session(client) -> str:
    return Session.objects.get(session_key=client.session.session_key).session_data


def test_requests_within_a_minute_do_not_save_the_session(client, personas, signed_in):
    stored = _stored_session(client)
    with patch.object(SessionStore, "save", autospec=True, side_effect=SessionStore.save) as save:
        signed_in.shift(dt.timedelta(seconds=20))
        assert client.get("/").status_code == 200
        signed_in.shift(dt.timedelta(seconds=LAST_SEEN_RESOLUTION_SECONDS - 30))
        assert client.get("/").status_code == 200
    assert save.call_count == 0
    assert _stored_session(client) == stored


def test_a_request_after_a_minute_saves_the_last_seen_time(client, personas, signed_in):
    stored = _stored_session(client)
    signed_in.shift(dt.timedelta(seconds=LAST_SEEN_RESOLUTION_SECONDS + 1))
    assert client.get("/").status_code == 200
    assert _stored_session(client) != stored
    assert client.session[LAST_SEEN_KEY] == NOW.timestamp() + LAST_SEEN_RESOLUTION_SECONDS + 1


def test_unsaved_requests_still_end_in_the_timeout(client, personas, signed_in):
    for _ in range(4):
        signed_in.shift(dt.timedelta(seconds=10))
        assert client.get("/").status_code == 200
    signed_in.shift(IDLE)
    response = client.get("/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=Action.SESSION_EXPIRED).count() == 1
