import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD

LOGIN_URL = reverse("accounts:login")
VERIFY_URL = reverse("accounts:verify")
ENROL_URL = reverse("accounts:enrol")


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows right now for this device."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 1) % 10**device.digits:0{device.digits}d}"


@pytest.fixture
def password_login(client):
    """Log in through the login form, as a person does."""

    def _login(username, password=PASSWORD, **extra):
        return client.post(LOGIN_URL, {"username": username, "password": password, **extra})

    return _login


@pytest.fixture
def requires_second_factor(organisation):
    organisation.require_second_factor = True
    organisation.save(update_fields=["require_second_factor"])
    return organisation


@pytest.fixture
def device(personas):
    """A confirmed authenticator app for the worker."""
    return TOTPDevice.objects.create(user=personas["worker"], name="Phone", confirmed=True)
