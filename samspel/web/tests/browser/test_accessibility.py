"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds nothing on the login page, the audit-log
search and the user and team administration, in their empty, filled and error states.
Every role's home page is checked in test_roles.py."""

import pytest
from playwright.sync_api import Page, expect

from samspel.web.tests.browser.helpers import (
    assert_accessible,
    axe_violations,
    describe,
    log_in,
)

IMAGE_WITHOUT_ALT = """() => document.querySelector('main').append(Object.assign(
    document.createElement('img'),
    {src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', width: 20, height: 20}))"""


def submit_main_form(page: Page) -> None:
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.browser
def test_login_page(page: Page, shot):
    page.goto("/accounts/login/")
    shot(page, "login")
    assert_accessible(page)

    submit_main_form(page)  # empty form: errors
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "login-errors")
    assert_accessible(page)

    # The check can fail: an image without a text alternative is reported, with its place.
    page.evaluate(IMAGE_WITHOUT_ALT)
    violations = axe_violations(page)
    assert [violation["id"] for violation in violations] == ["image-alt"]
    assert '["main > img"]' in describe(violations)


@pytest.mark.browser
def test_audit_log_search(page: Page, shot):
    log_in(page, "auditor")
    page.get_by_role("navigation").locator("a[href='/audit/']").click()
    expect(page).to_have_url("/audit/")
    shot(page, "audit-search")
    assert_accessible(page)

    page.locator("#id_user").fill("auditor")
    page.locator("#id_action").select_option("login")
    submit_main_form(page)
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    expect(page.locator("table.events tbody")).to_contain_text("auditor")
    shot(page, "audit-search-results")
    assert_accessible(page)

    page.goto("/audit/?date_from=2026-02-01&date_to=2026-01-01")
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "audit-search-errors")
    assert_accessible(page)


@pytest.mark.browser
def test_user_and_team_administration(page: Page, shot):
    log_in(page, "admin")
    page.get_by_role("navigation").locator("a[href='/organisation/users/']").click()
    expect(page).to_have_url("/organisation/users/")
    expect(page.locator("tbody tr")).not_to_have_count(0)
    shot(page, "users")
    assert_accessible(page)

    page.locator("#id_q").fill("worker")
    submit_main_form(page)
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("Mette Kristensen")
    shot(page, "users-filtered")
    assert_accessible(page)

    page.locator("tbody a").first.click()
    expect(page.locator("h1")).to_have_text("Mette Kristensen")
    shot(page, "user-edit")
    assert_accessible(page)

    page.goto("/organisation/users/")
    page.locator("a.button[href='/organisation/users/new/']").click()
    expect(page).to_have_url("/organisation/users/new/")
    shot(page, "user-new")
    assert_accessible(page)

    submit_main_form(page)
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "user-new-errors")
    assert_accessible(page)

    page.get_by_role("navigation").locator("a[href='/organisation/teams/']").click()
    expect(page).to_have_url("/organisation/teams/")
    shot(page, "teams")
    assert_accessible(page)

    page.get_by_role("link", name="Handicaprådgivning Nord").click()
    expect(page.locator("h1")).to_have_text("Handicaprådgivning Nord")
    expect(page.locator("#members-heading + .table-wrap tbody tr")).not_to_have_count(0)
    shot(page, "team-edit")
    assert_accessible(page)

    page.goto("/organisation/teams/")
    page.locator("a.button[href='/organisation/teams/new/']").click()
    expect(page).to_have_url("/organisation/teams/new/")
    shot(page, "team-new")
    assert_accessible(page)
