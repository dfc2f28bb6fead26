"""Five wrong passwords lock the login for that account, and then even the right one fails.

Asserted in Danish (the browser's language): the heading "Too many failed attempts" as
"For mange mislykkede forsøg", and the lock-out explanation as the catalogue translates it.
"""

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect

from samspel.audit.models import Action, AuditEvent
from samspel.web.tests.browser.helpers import log_in

LOCKED_HEADING = "For mange mislykkede forsøg"
LOCKED_MESSAGE = (
    "Login is locked for this account for %(minutes)s minute after too many failed attempts. "
    "Try again later or ask your administrator.",
    "Login is locked for this account for %(minutes)s minutes after too many failed attempts. "
    "Try again later or ask your administrator.",
)


@pytest.fixture
def browser_locale() -> str:
    return "da-DK"


def locked_message_in_danish() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override("da"):
        message = translation.ngettext(*LOCKED_MESSAGE, minutes) % {"minutes": minutes}
    assert message != LOCKED_MESSAGE[1] % {"minutes": minutes}, "not translated to Danish"
    return message


def send_login(page: Page, password: str) -> int:
    """Send the login form for `worker` and return the HTTP status of the answer."""
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        log_in(page, "worker", password)
    return answer.value.status


@pytest.mark.browser
def test_five_wrong_passwords_lock_the_account(page: Page, shot):
    page.goto("/accounts/login/")
    shot(page, "login")
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5

    for attempt in range(1, limit):
        assert send_login(page, f"wrong-{attempt}") == 200
        expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "wrong-password")

    assert send_login(page, "wrong-again") == 429
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("h1")).to_have_text(LOCKED_HEADING)
    expect(page.locator("[role=alert]")).to_have_text(locked_message_in_danish())
    shot(page, "locked-out")

    page.goto("/accounts/login/")
    assert send_login(page, "demo") == 429
    expect(page.locator("h1")).to_have_text(LOCKED_HEADING)
    shot(page, "locked-out-right-password")

    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")  # still not signed in
    assert AuditEvent.objects.filter(action=Action.LOCKED_OUT).count() == 2
    assert AuditEvent.objects.filter(action=Action.LOGIN).count() == 0
