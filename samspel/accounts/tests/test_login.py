import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from conftest import translated
from samspel.accounts.tests.conftest import LOGIN_URL
from samspel.audit.models import Action, AuditEvent

EXTERNAL_TARGETS = [
    "https://evil.example/",
    "http://evil.example/steal",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "https://testserver.evil.example/",
]


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_login_page_renders(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert b'autocomplete="current-password"' in response.content


def test_right_password_logs_in_and_is_audited_with_ip_and_request_id(
    client, personas, organisation, password_login
):
    worker = personas["worker"]
    response = client.post(
        LOGIN_URL,
        {"username": "worker", "password": "correct horse battery staple"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert signed_in_user_id(client) == str(worker.pk)
    event = AuditEvent.objects.get(action=Action.LOGIN)
    assert event.actor_id == worker.pk
    assert event.actor_username == "worker"
    assert event.organisation_id == organisation.pk
    assert event.ip_address == "203.0.113.7"
    assert event.request_id == response["X-Request-ID"]
    assert len(event.request_id) == 32


def test_login_sets_the_users_language_cookie(client, personas, password_login, settings):
    personas["worker"].language = "da"
    personas["worker"].save(update_fields=["language"])
    response = password_login("worker")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "da"


def test_wrong_password_shows_a_clear_message_and_is_audited(client, personas, password_login):
    response = password_login("worker", "not the password")
    assert response.status_code == 200
    assert "Wrong username or password. Check both and try again." in response.text
    assert signed_in_user_id(client) is None
    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.actor_id == personas["worker"].pk
    assert event.organisation_id == personas["worker"].organisation_id
    assert event.ip_address == "127.0.0.1"
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_unknown_username_is_audited_without_an_organisation(client, db, password_login):
    response = password_login("nobody", "whatever")
    assert response.status_code == 200
    assert "Wrong username or password" in response.text
    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.actor_id is None
    assert event.actor_username == "nobody"
    assert event.organisation_id is None


def test_inactive_user_cannot_log_in_even_with_the_right_password(client, personas, password_login):
    worker = personas["worker"]
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    response = password_login("worker")
    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    assert "Wrong username or password" in response.text
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_signed_in_user_is_sent_on_from_the_login_page(client, personas, login):
    login(personas["worker"])
    response = client.get(LOGIN_URL)
    assert response.status_code == 302
    assert response.url == reverse("web:home")


def test_safe_next_is_followed(client, personas, password_login):
    response = password_login("auditor", next="/audit/?user=worker")
    assert response.status_code == 302
    assert response.url == "/audit/?user=worker"


@pytest.mark.parametrize("target", EXTERNAL_TARGETS)
def test_tampered_next_in_the_form_never_leaves_the_site(client, personas, password_login, target):
    response = password_login("worker", next=target)
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert signed_in_user_id(client) == str(personas["worker"].pk)


@pytest.mark.parametrize("target", EXTERNAL_TARGETS)
def test_tampered_next_in_the_query_never_leaves_the_site(client, personas, target):
    url = f"{LOGIN_URL}?next={target}"
    page = client.get(url)
    assert page.context["next"] == ""
    response = client.post(url, {"username": "worker", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert response.url == reverse("web:home")


@pytest.mark.parametrize("language", ["sv", "da"])
def test_wrong_password_message_is_translated(client, personas, password_login, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = password_login("worker", "not the password")
    message = "Wrong username or password. Check both and try again."
    assert translated(message, language) in response.text
    assert message not in response.text
