"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds nothing on the login page, the audit-log
search and the user and team administration, in their empty, filled and error states; the
main pages do not scroll sideways at phone width.
Every role's home page is checked in test_roles.py."""

import re

import pytest
from playwright.sync_api import Page, expect

from samspel.accounts.models import User
from samspel.audit.log import record
from samspel.audit.models import Action, Flag
from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    assert_no_sideways_scrolling,
    axe_violations,
    click_and_wait,
    describe,
    log_in,
    log_out,
    phone_width,
)

IMAGE_WITHOUT_ALT = """() => document.querySelector('main').append(Object.assign(
    document.createElement('img'),
    {src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', width: 20, height: 20}))"""


def submit_main_form(page: Page) -> None:
    click_and_wait(page, page.locator("main form button[type=submit]").first)


@pytest.mark.browser
def test_login_page(blank_page: Page, shot):
    page = blank_page
    page.goto("/accounts/login/")
    shot(page, "login")
    assert_accessible(page)
    with phone_width(page):
        shot(page, "login-phone")
        assert_no_sideways_scrolling(page)

    submit_main_form(page)  # empty form: errors
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "login-errors")
    assert_accessible(page)

    # The check can fail: an image without a text alternative is reported, with its place.
    page.evaluate(IMAGE_WITHOUT_ALT)
    violations = axe_violations(page)
    assert [violation["id"] for violation in violations] == ["image-alt"]
    assert '["img"]' in describe(violations)


@pytest.mark.browser
def test_audit_log_search(page: Page, shot):
    log_in(page, "auditor")
    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/audit/']"))
    expect(page).to_have_url("/audit/")
    shot(page, "audit-search")
    assert_accessible(page)

    page.locator("#id_user").fill("auditor")
    page.locator("#id_action").select_option("login")
    submit_main_form(page)
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    expect(page.locator("table.events tbody")).to_contain_text("Birgitte Holm")  # the auditor
    shot(page, "audit-search-results")
    assert_accessible(page)
    with phone_width(page):
        shot(page, "audit-search-results-phone")
        assert_no_sideways_scrolling(page)
        assert_accessible(page)

    page.goto("/audit/?date_from=2026-02-01&date_to=2026-01-01")
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "audit-search-errors")
    assert_accessible(page)


@pytest.mark.browser
def test_user_and_team_administration(page: Page, shot):
    log_in(page, "admin")
    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/organisation/users/']"))
    expect(page).to_have_url("/organisation/users/")
    expect(page.locator("tbody tr")).not_to_have_count(0)
    shot(page, "users")
    assert_accessible(page)
    with phone_width(page):
        shot(page, "users-phone")
        assert_no_sideways_scrolling(page)

    page.locator("#id_q").fill("worker")
    submit_main_form(page)
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("Mette Kristensen")
    shot(page, "users-filtered")
    assert_accessible(page)

    click_and_wait(page, page.locator("tbody a").first)
    expect(page.locator("h1")).to_have_text("Mette Kristensen")
    shot(page, "user-edit")
    assert_accessible(page)

    page.goto("/organisation/users/")
    click_and_wait(page, page.locator("a.button[href='/organisation/users/new/']"))
    expect(page).to_have_url("/organisation/users/new/")
    shot(page, "user-new")
    assert_accessible(page)

    submit_main_form(page)
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "user-new-errors")
    assert_accessible(page)

    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/organisation/teams/']"))
    expect(page).to_have_url("/organisation/teams/")
    shot(page, "teams")
    assert_accessible(page)

    click_and_wait(page, page.get_by_role("link", name="Handicaprådgivning Nord"))
    expect(page.locator("h1")).to_have_text("Handicaprådgivning Nord")
    expect(page.locator("#members-heading + .table-wrap tbody tr")).not_to_have_count(0)
    shot(page, "team-edit")
    assert_accessible(page)
    with phone_width(page):
        shot(page, "team-edit-phone")
        assert_no_sideways_scrolling(page)

    page.goto("/organisation/teams/")
    click_and_wait(page, page.locator("a.button[href='/organisation/teams/new/']"))
    expect(page).to_have_url("/organisation/teams/new/")
    shot(page, "team-new")
    assert_accessible(page)


@pytest.mark.browser
def test_reminder_settings_and_programmes(page: Page, shot):
    """The org admin's other pages: reminder lead times (saved, and refused with an error) and
    the organisation's programmes."""
    log_in(page, "admin")
    nav = page.get_by_role("navigation")
    click_and_wait(page, nav.locator("a[href='/organisation/reminders/']"))
    expect(page.locator("#id_lead_times")).to_have_value("24")
    shot(page, "reminder-settings")
    assert_accessible(page)

    page.locator("#id_lead_times").fill("48, 2")
    submit_main_form(page)
    expect(page.locator("#id_lead_times")).to_have_value("48, 2")
    assert_accessible(page)

    page.locator("#id_lead_times").fill("24, 24")
    submit_main_form(page)
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "reminder-settings-errors")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)

    click_and_wait(page, nav.locator("a[href='/organisation/programmes/']"))
    shot(page, "programmes")
    assert_accessible(page)


@pytest.mark.browser
def test_audit_case_timeline(page: Page, shot):
    """The auditor finds a demo case by its number and opens who read it."""
    log_in(page, "auditor")
    page.goto("/audit/")
    page.locator("#id_case").fill("2025-0001")
    submit_main_form(page)
    link = page.locator("table.events a[href='/audit/cases/2025-0001/']").first
    expect(link).to_be_visible()
    click_and_wait(page, link)
    expect(page.locator("h1")).to_contain_text("2025-0001")
    expect(page.locator("table").first.locator("tbody tr").first).to_be_visible()
    shot(page, "audit-case-timeline")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)


@pytest.mark.browser
def test_audit_log_review(page: Page, shot):
    """A read under emergency access is on this month's review list; the auditor marks it."""
    case = Case.objects.filter(responsible__username="worker").order_by("number").first()
    outsider = User.objects.get(username="outsider")
    record(None, Action.VIEW, case, user=outsider, flags=[Flag.EMERGENCY], emergency=True)
    log_in(page, "auditor")
    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/audit/review/']"))
    boxes = page.locator("input[name=event]")
    expect(boxes).to_have_count(1)
    shot(page, "audit-review")
    assert_accessible(page)
    boxes.first.check()
    page.locator("#id_note").fill("Checked")
    submit_main_form(page)
    expect(page.locator(".messages")).to_be_visible()
    expect(boxes).to_have_count(0)
    expect(page.locator("main table")).to_contain_text("Checked")
    assert_accessible(page)


@pytest.mark.browser
def test_api_token_pages(page: Page, shot):
    """A worker makes a token from the header's link: the secret shows once; the list, its
    error state and the organisation administrator's page pass axe, also at phone width."""
    log_in(page, "worker")
    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/api/tokens/']"))
    submit_main_form(page)  # no name: errors
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_name").fill("Weekly report")
    submit_main_form(page)
    expect(page.locator("#token-secret")).to_have_value(re.compile(r"^sps_"))
    shot(page, "api-token-created")
    assert_accessible(page)
    click_and_wait(page, page.locator("main a[href='/api/tokens/']"))
    expect(page.locator("main table tbody tr")).to_contain_text("Weekly report")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)
    log_out(page)
    log_in(page, "admin")
    nav = page.get_by_role("navigation")
    click_and_wait(page, nav.locator("a[href='/api/tokens/organisation/']"))
    expect(page.locator("main table")).to_contain_text("Weekly report")
    shot(page, "api-tokens-organisation")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)


@pytest.mark.browser
def test_import_pages(page: Page, shot):
    """The administrator checks a persons file that refers to a family it does not have: the
    report names the line and passes axe, also at phone width; nothing is offered to import."""
    log_in(page, "admin")
    click_and_wait(page, page.get_by_role("navigation").locator("a[href='/organisation/import/']"))
    assert_accessible(page)
    persons = "family_ref;ref;role;first_name;last_name\nX1;P1;child;Ida;Ek\n"
    page.locator("#id_persons").set_input_files(
        {"name": "persons.csv", "mimeType": "text/csv", "buffer": persons.encode()}
    )
    submit_main_form(page)
    expect(page.locator("main table").nth(1)).to_contain_text("X1")
    expect(page.locator("main form[action$='/import/']")).to_have_count(0)
    shot(page, "import-report")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)


@pytest.mark.browser
def test_retention_page(page: Page, shot):
    """The administrator's retention page, with a refused schedule (zero years) and a saved
    one with its preview, passes axe, also at phone width."""
    log_in(page, "admin")
    click_and_wait(
        page, page.get_by_role("navigation").locator("a[href='/organisation/retention/']")
    )
    page.locator("#id_closed_case_years").fill("0")
    page.locator("#id_audit_years").fill("10")
    submit_main_form(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_closed_case_years").fill("5")
    submit_main_form(page)
    expect(page.locator("#preview-heading")).to_be_visible()
    shot(page, "retention")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)
