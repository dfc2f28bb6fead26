"""An organisation that requires a second factor: enrol an authenticator app at the first
login, then enter a one-time code at every login. The demo worker reads Danish.

Asserted through the Danish catalogue: "That code is not right or has expired. Try the newest one."
"""

import base64
import re
import time

import pytest
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from samspel.audit.models import Action, AuditEvent
from samspel.demo.builder import DANISH_ORG
from samspel.organisations.models import Organisation
from samspel.web.tests.browser.helpers import click_and_wait, log_in, log_out

WRONG_CODE = "That code is not right or has expired. Try the newest one."


@pytest.fixture
def second_factor_required(demo):
    Organisation.objects.filter(name=DANISH_ORG).update(require_second_factor=True)


def code_for(secret: str, username: str) -> str:
    """The code an authenticator app shows now for `secret`; a code is accepted only once,
    so step past the last one used."""
    device = TOTPDevice.objects.get(user__username=username)
    totp = TOTP(base64.b32decode(secret), device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if device.last_t >= totp.t():
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(secret: str, username: str) -> str:
    right = {code_for(secret, username)}
    device = TOTPDevice.objects.get(user__username=username)
    totp = TOTP(base64.b32decode(secret), device.step, device.t0, device.digits, device.drift)
    for offset in (-1, 1):
        totp.time = time.time() + offset * device.step
        right.add(f"{totp.token():06d}")
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def wait_until_device_accepts_codes(username: str) -> None:
    """django-otp makes a second try wait a moment after a wrong code, as a person would."""
    deadline = time.monotonic() + 5
    while not TOTPDevice.objects.get(user__username=username).verify_is_allowed()[0]:
        assert time.monotonic() < deadline, "the device stayed throttled"
        time.sleep(0.1)


def enter_code(page: Page, code: str) -> None:
    page.locator("#id_code").fill(code)
    click_and_wait(page, page.locator("main form:not([data-webauthn]) button[type=submit]"))


@pytest.mark.browser
def test_enrol_then_verify_with_one_time_codes(page: Page, shot, second_factor_required):
    page.goto("/")
    shot(page, "login")
    log_in(page, "worker")
    expect(page).to_have_url(re.compile(r"/accounts/login/enrol/\?next=(/|%2F)$"))
    qr_code = page.locator("img.qr")
    expect(qr_code).to_be_visible()
    expect(qr_code).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
    secret = page.locator("[data-testid=totp-secret]").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]+=*", secret), secret
    shot(page, "enrol")

    page.goto("/organisation/users/")  # nothing else opens before the second factor
    expect(page).to_have_url(re.compile(r"/accounts/login/enrol/"))

    enter_code(page, code_for(secret, "worker"))
    expect(page).to_have_url("/")
    expect(page.locator("h1")).to_contain_text("Mette")
    expect(page.locator(".messages")).to_be_visible()
    assert TOTPDevice.objects.get(user__username="worker").confirmed
    shot(page, "home-after-enrolment")
    log_out(page)
    shot(page, "logged-out")

    log_in(page, "worker")
    expect(page).to_have_url(re.compile(r"/accounts/login/verify/\?next=(/|%2F)$"))
    shot(page, "verify")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/verify/"))

    enter_code(page, wrong_code_for(secret, "worker"))
    with translation.override("da"):
        message = translation.gettext(WRONG_CODE)
    assert message != WRONG_CODE, "not translated to Danish"
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator(".field-error")).to_have_text(message)
    expect(page.locator(".error-summary")).to_contain_text(message)
    shot(page, "verify-wrong-code")

    wait_until_device_accepts_codes("worker")
    enter_code(page, code_for(secret, "worker"))
    expect(page).to_have_url("/")
    expect(page.locator("h1")).to_contain_text("Mette")
    shot(page, "home-after-verify")
    assert AuditEvent.objects.filter(action=Action.SECOND_FACTOR_ENROLLED).count() == 1
    assert AuditEvent.objects.filter(action=Action.SECOND_FACTOR_OK).count() == 1
    log_out(page)
