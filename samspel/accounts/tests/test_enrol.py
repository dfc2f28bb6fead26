"""Enrolment of an authenticator app when the organisation requires a second factor."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspel.accounts.tests.conftest import ENROL_URL, code_for, wrong_code_for
from samspel.audit.models import Action, AuditEvent

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def enrolling(client, personas, requires_second_factor, password_login):
    """The worker has given the right password; the organisation requires a second factor."""
    with time_machine.travel(NOW, tick=False) as traveller:
        response = password_login("worker", next="/language/")
        assert response.status_code == 302
        yield traveller


def pending_device(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_password_login_redirects_to_enrolment_with_next(
    client, personas, requires_second_factor, password_login
):
    response = password_login("worker", next="/audit/?user=worker&action=login")
    assert response.status_code == 302
    path, _sep, query = response.url.partition("?")
    assert path == ENROL_URL
    assert client.get(response.url).context["next"] == "/audit/?user=worker&action=login"


def test_enrolment_page_shows_qr_code_and_key(client, personas, enrolling):
    response = client.get(ENROL_URL)
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in response.text
    device = pending_device(personas["worker"])
    assert response.context["secret"] in response.text
    assert device.name
    # Reloading the page keeps the same key rather than creating a second device.
    client.get(ENROL_URL)
    assert TOTPDevice.objects.filter(user=personas["worker"]).count() == 1


def test_correct_code_confirms_the_device_and_verifies_the_session(client, personas, enrolling):
    client.get(ENROL_URL)
    device = pending_device(personas["worker"])
    response = client.post(ENROL_URL, {"code": code_for(device), "next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("web:home")).status_code == 200
    event = AuditEvent.objects.get(action=Action.SECOND_FACTOR_ENROLLED)
    assert event.actor_id == personas["worker"].pk


def test_code_with_spaces_around_it_is_accepted(client, personas, enrolling):
    client.get(ENROL_URL)
    device = pending_device(personas["worker"])
    response = client.post(ENROL_URL, {"code": f" {code_for(device)} "})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_wrong_code_shows_a_message_and_confirms_nothing(client, personas, enrolling):
    client.get(ENROL_URL)
    device = pending_device(personas["worker"])
    response = client.post(ENROL_URL, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert "That code is not right or has expired. Try the newest one." in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert AuditEvent.objects.filter(action=Action.SECOND_FACTOR_FAILED).count() == 1
    assert client.get(reverse("web:home")).url == ENROL_URL


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1234567"])
def test_malformed_code_asks_for_six_digits(client, personas, enrolling, code):
    client.get(ENROL_URL)
    response = client.post(ENROL_URL, {"code": code})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_user_with_a_device_is_sent_to_verify_instead(client, personas, device, login):
    login(personas["worker"])
    response = client.get(ENROL_URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:verify")


def test_enrolment_requires_login(client, db):
    response = client.get(ENROL_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
