"""As the demo worker: open a case's network page, add a school with a new contact person,
try a withdrawal dated before the consent, record and withdraw consent. Screenshots of each
state; axe-core finds nothing."""

import pytest
from playwright.sync_api import Page, expect

from samspel.web.tests.browser.helpers import assert_accessible, fresh_case_for, log_in


def _submit(page: Page, section: str) -> None:
    page.locator(f"section[aria-labelledby={section}] button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.browser
def test_network_and_consent_journey(page: Page, shot):
    case = fresh_case_for("worker")
    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/")
    page.locator(f".case-nav a[href='/cases/{case.public_id}/network/']").click()
    expect(page.locator("h2#network-heading")).to_be_visible()
    shot(page, "network-empty")
    assert_accessible(page)

    _submit(page, "actor-heading")  # nothing filled in
    expect(page.locator(".error-summary")).to_be_visible()
    shot(page, "network-actor-errors")
    assert_accessible(page)

    page.locator("#id_actor-new_organisation_kind").select_option("school")
    page.locator("#id_actor-new_organisation_name").fill("Vestergårdsskolen")
    page.locator("#id_actor-new_contact_name").fill("Anne Lauridsen")
    page.locator("#id_actor-new_contact_title").fill("Lærer")
    page.locator("#id_actor-role").fill("Klasselærer")
    _submit(page, "actor-heading")
    expect(page.locator("table.network tbody")).to_contain_text("Vestergårdsskolen")
    expect(page.locator(".consent-none")).to_have_count(1)

    page.locator("#id_consent-case_actor").select_option(index=1)
    page.locator("#id_consent-given_by").select_option(index=1)
    page.locator("#id_consent-scope").fill("Fravær og trivsel")
    page.locator("#id_consent-given_on").fill("2026-11-02")
    _submit(page, "consent-heading")
    expect(page.locator(".consent-valid")).to_have_count(1)
    shot(page, "network-consent-given")
    assert_accessible(page)

    page.locator("#id_withdraw-consent").select_option(index=1)
    page.locator("#id_withdraw-withdrawn_on").fill("2026-11-01")
    _submit(page, "withdraw-heading")
    expect(page.locator("#id_withdraw-withdrawn_on_error")).to_be_visible()
    expect(page.locator(".consent-valid")).to_have_count(1)
    shot(page, "network-withdraw-error")
    assert_accessible(page)

    page.locator("#id_withdraw-consent").select_option(index=1)
    page.locator("#id_withdraw-withdrawn_on").fill("2026-11-03")
    _submit(page, "withdraw-heading")
    expect(page.locator(".consent-withdrawn")).to_have_count(1)
    shot(page, "network-consent-withdrawn")
    assert_accessible(page)
