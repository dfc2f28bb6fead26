"""The one-time set-password link an administrator hands to a user."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from conftest import translated
from samspel.audit.models import Action, AuditEvent

NEW_PASSWORD = "a long and fresh passphrase"
EXPIRED = "This link has expired or has already been used. Ask your administrator for a new one."
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def newcomer(personas):
    user = personas["buddy"]
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def link(newcomer):
    with time_machine.travel(NOW, tick=False):
        token = default_token_generator.make_token(newcomer)
    uid = urlsafe_base64_encode(force_bytes(newcomer.pk))
    return reverse("accounts:set_password", kwargs={"uidb64": uid, "token": token})


def set_password(client, link, password=NEW_PASSWORD):
    form_url = client.get(link).url
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_link_shows_the_form(client, link):
    with time_machine.travel(NOW, tick=False):
        response = client.get(link, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"]
    assert 'name="new_password1"' in response.text
    assert EXPIRED not in response.text


def test_link_sets_the_password_once(client, newcomer, link):
    with time_machine.travel(NOW, tick=False):
        response = set_password(client, link)
        assert response.status_code == 302
        assert response.url == reverse("accounts:login")
        newcomer.refresh_from_db()
        assert newcomer.check_password(NEW_PASSWORD)
        assert "_auth_user_id" not in client.session
        event = AuditEvent.objects.get(action=Action.PASSWORD_SET)
        assert event.actor_id == newcomer.pk
        assert event.organisation_id == newcomer.organisation_id

        again = client.get(link, follow=True)
    assert again.status_code == 200
    assert not again.context["validlink"]
    assert EXPIRED in again.text


def test_expired_link_shows_the_expired_message(client, newcomer, link):
    later = NOW + dt.timedelta(seconds=django_settings.PASSWORD_RESET_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        response = client.get(link, follow=True)
    assert EXPIRED in response.text
    assert 'name="new_password1"' not in response.text
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()


def test_tampered_token_shows_the_expired_message(client, newcomer, link):
    response = client.get(link[:-3] + "abc/", follow=True)
    assert response.status_code == 200
    assert EXPIRED in response.text


def test_weak_password_is_refused(client, newcomer, link):
    with time_machine.travel(NOW, tick=False):
        response = set_password(client, link, password="12345678")
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()
    assert not AuditEvent.objects.filter(action=Action.PASSWORD_SET).exists()


def test_new_password_logs_in(client, newcomer, link):
    with time_machine.travel(NOW, tick=False):
        set_password(client, link)
        response = client.post(
            reverse("accounts:login"), {"username": newcomer.username, "password": NEW_PASSWORD}
        )
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(newcomer.pk)


@pytest.mark.parametrize("language", ["sv", "da"])
def test_expired_message_is_translated(client, newcomer, link, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    later = NOW + dt.timedelta(seconds=django_settings.PASSWORD_RESET_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        response = client.get(link, follow=True)
    assert translated(EXPIRED, language) in response.text
