"""WebAuthn as a second factor in Chromium with a virtual authenticator (the DevTools
protocol's WebAuthn domain): enrol a security key at the first login instead of the app, then
log in with it; the pages pass axe. The demo worker's organisation requires a second factor."""

import pytest
from playwright.sync_api import Page, expect

from samspel.accounts.models import WebAuthnDevice
from samspel.audit.models import Action, AuditEvent
from samspel.demo.builder import DANISH_ORG
from samspel.organisations.models import Organisation
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait, log_in, log_out


@pytest.fixture
def second_factor_required(demo):
    Organisation.objects.filter(name=DANISH_ORG).update(require_second_factor=True)


def add_virtual_authenticator(page: Page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": False,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


@pytest.mark.browser
def test_enrol_a_security_key_and_log_in_with_it(page: Page, second_factor_required, shot):
    add_virtual_authenticator(page)
    log_in(page, "worker")
    expect(page).to_have_url("/accounts/login/enrol/?next=%2F")
    assert_accessible(page)
    page.locator("#id_key_name").fill("Blå nøgle")
    click_and_wait(page, page.locator("form[data-webauthn] button[type=submit]"))
    expect(page).to_have_url("/")
    device = WebAuthnDevice.objects.get(user__username="worker")
    assert device.name == "Blå nøgle" and device.confirmed
    assert AuditEvent.objects.filter(
        action=Action.SECOND_FACTOR_ENROLLED, actor_username="worker", detail__webauthn=True
    ).exists()

    log_out(page)
    log_in(page, "worker")
    expect(page).to_have_url("/accounts/login/verify/?next=%2F")
    expect(page.locator("#id_code")).to_have_count(0)  # no app enrolled: the key only
    shot(page, "verify-with-security-key")
    assert_accessible(page)
    click_and_wait(page, page.locator("form[data-webauthn] button[type=submit]"))
    expect(page).to_have_url("/")
    device.refresh_from_db()
    assert device.last_used_at is not None
    assert AuditEvent.objects.filter(
        action=Action.SECOND_FACTOR_OK, actor_username="worker", detail__webauthn=True
    ).exists()
