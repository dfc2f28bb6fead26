"""Each demo role logs in, lands on its own home page (free of axe-core violations, usable at
phone width) and logs out again. One test with a subtest per role: the demo world is built once."""

import pytest
from playwright.sync_api import Page, expect

from samspel.web.tests.browser.helpers import (
    assert_accessible,
    assert_no_sideways_scrolling,
    log_in,
    log_out,
    phone_width,
)

# Per role: first name, the user's own language, and a part of the home page that shows
# the role's work, with a text it must contain.
HOMES = {
    "worker": ("Mette", "da", "[aria-labelledby=teams-heading]", "Handicaprådgivning Nord"),
    "buddy": ("Jonas", "da", "[aria-labelledby=teams-heading]", "Handicaprådgivning Nord"),
    "leader": ("Hanne", "da", "section[aria-labelledby^=team-] table", "Jonas Mikkelsen"),
    "outsider": ("Peter", "da", "[aria-labelledby=teams-heading]", "Handicaprådgivning Syd"),
    "auditor": ("Birgitte", "da", "table.events", "Birgitte Holm (Auditør)"),
    "admin": ("Søren", "da", "[aria-labelledby=admin-heading] li:nth-child(2) .count", "2"),
    "stranger": ("Sara", "sv", "[aria-labelledby=teams-heading]", "Familjehemsteamet"),
}
ADMIN_LINKS = ("/organisation/users/", "/organisation/teams/")


def role_journey(page: Page, shot, username: str) -> None:
    first_name, language, marker, detail = HOMES[username]
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")
    shot(page, f"{username}-login")

    log_in(page, username)
    expect(page).to_have_url("/")
    expect(page.locator("h1")).to_contain_text(first_name)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(marker)).to_be_visible()
    expect(page.locator(marker)).to_contain_text(detail)
    nav = page.get_by_role("navigation").first
    for link in ADMIN_LINKS:
        expect(nav.locator(f"a[href='{link}']")).to_have_count(1 if username == "admin" else 0)
    expect(nav.locator("a[href='/audit/']")).to_have_count(1 if username == "auditor" else 0)
    shot(page, f"{username}-home")
    assert_accessible(page)
    with phone_width(page):
        shot(page, f"{username}-home-phone")
        assert_no_sideways_scrolling(page)
        assert_accessible(page)

    log_out(page)
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.locator(".logout-form")).to_have_count(0)
    shot(page, f"{username}-logged-out")
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")


@pytest.mark.browser
def test_each_role_logs_in_sees_its_home_and_logs_out(new_page, shot, subtests):
    for username in HOMES:
        with subtests.test(role=username):
            role_journey(new_page(), shot, username)
