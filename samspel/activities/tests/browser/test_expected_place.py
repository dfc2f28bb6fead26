"""Changing the kind on the plan form changes the programme's suggested place without a page
load (htmx): the live hint says it and the place select follows; a kind the programme names no
place for keeps the worker's choice."""

import pytest
from playwright.sync_api import Page, expect

from samspel.web.tests.browser.helpers import assert_accessible, fresh_case_for, log_in


@pytest.mark.browser
def test_the_suggested_place_follows_the_kind(page: Page, shot):
    case = fresh_case_for("worker")
    case.programme = "process-i-rorelse"  # expects places: child-focus talk in the home, …
    case.save(update_fields=["programme"])
    worker = case.responsible
    worker.language = "en"
    worker.save(update_fields=["language"])

    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/activities/plan/")
    hint, place = page.locator("#place-hint"), page.locator("#id_context")
    expect(hint).to_have_attribute("aria-live", "polite")
    expect(hint).to_have_text("The programme expects no particular place for this kind.")

    page.locator("#id_kind").select_option("child_focus_talk")
    expect(hint).to_have_text("Expected by the programme: in the home.")
    expect(place).to_have_value("home")
    page.locator("#id_kind").select_option("parent_focus_talk")
    expect(hint).to_have_text("Expected by the programme: at the office.")
    expect(place).to_have_value("office")
    page.locator("#id_kind").focus()
    page.locator("#id_kind").select_option("network_meeting")
    expect(hint).to_have_text("The programme expects no particular place for this kind.")
    expect(place).to_have_value("office")
    expect(page.locator("#id_kind")).to_be_focused()  # the swap leaves the keyboard where it was
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    shot(page, "plan-form-expected-place")
    assert_accessible(page)
