"""No lost work in the browser (issue 11, item 7): shortly before the idle timeout the page warns
and offers to stay logged in (focus on the button, back where it was after); after the timeout
it says so, and the form sent then comes back filled in after logging in again."""

import html
import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from conftest import translated
from samspel.accounts.middleware import LAST_SEEN_KEY
from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait, log_in

IDLE = settings.SESSION_IDLE_TIMEOUT_MINUTES * 60


def _da(message: str) -> str:
    """The worker reads Danish."""
    return html.unescape(translated(message, "da"))


def _last_seen(page, seconds_ago: float) -> None:
    """Move the server's idea of the browser's last request into the past."""
    [cookie] = [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    session = SessionStore(session_key=cookie["value"])
    session[LAST_SEEN_KEY] = time.time() - seconds_ago
    session.save()


def _seconds_ago(page) -> float:
    [cookie] = [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    return time.time() - SessionStore(session_key=cookie["value"])[LAST_SEEN_KEY]


@pytest.mark.browser
def test_the_warning_then_the_timeout_then_the_form_comes_back(page, shot):
    case = Case.objects.filter(responsible__username="worker").order_by("number").first()
    page.clock.install()
    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/edit/")
    date_field = page.locator("#id_referred_on")
    date_field.fill("2026-01-15")
    warning = page.locator("#idle-warning")
    expect(warning).to_be_hidden()

    _last_seen(page, IDLE - 60)  # a minute left on the server
    page.clock.fast_forward(IDLE * 1000 - 115_000)
    expect(warning).to_be_visible()
    stay = warning.get_by_role("button")
    expect(stay).to_be_focused()
    shot(page, "idle-warning")
    assert_accessible(page)
    stay.press("Enter")
    expect(warning).to_be_hidden()
    assert _seconds_ago(page) < 30, "staying logged in restarted the time on the server"

    _last_seen(page, IDLE + 60)  # the session has ended
    page.clock.fast_forward(IDLE * 1000)
    expect(warning).to_be_visible()
    expect(stay).to_be_hidden()
    expect(warning).to_contain_text(
        _da(
            "You have been logged out because of inactivity. What you send now is kept: log in "
            "again, check it and save."
        )
    )

    click_and_wait(page, page.locator("main form button[type=submit]"))
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text(
        _da(
            "You were logged out after %(minutes)d minutes without activity, so what you sent was "
            "not saved. It is kept: log in again, check the form and save."
        )
        % {"minutes": settings.SESSION_IDLE_TIMEOUT_MINUTES}
    )
    log_in(page, "worker")
    assert page.url.endswith(f"/cases/{case.public_id}/edit/")
    expect(page.locator(".messages")).to_contain_text(
        _da("What you sent before you were logged out is filled in again. Check it and save.")
    )
    expect(date_field).to_have_value("2026-01-15")
    shot(page, "form-restored")
    case.refresh_from_db()
    assert str(case.referred_on) != "2026-01-15", "nothing was saved on the user's behalf"
