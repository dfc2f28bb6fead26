"""Browser journey: a worker does a Signs of Safety mapping with two raters, on a desktop and
on a phone; axe-core finds nothing. Driven by element ids, which do not change with the
language (the demo worker reads Danish)."""

import pytest
from playwright.sync_api import Page, expect

from samspel.web.tests.browser.helpers import assert_accessible, fresh_case_for, log_in


def add_statement(page: Page, category: str, text: str) -> None:
    page.locator("#id_statement-category").select_option(category)
    page.locator("#id_statement-text").fill(text)
    page.locator("#add-statement").click()
    page.wait_for_load_state()


def add_rating(page: Page, role: str, value: str, on: str, person=None, name="") -> None:
    page.locator("#id_rating-role").select_option(role)
    if person:
        page.locator("#id_rating-person").select_option(person)
    page.locator("#id_rating-name").fill(name)
    page.locator("#id_rating-value").fill(value)
    page.locator("#id_rating-rated_on").fill(on)
    page.locator("#add-rating").click()
    page.wait_for_load_state()


@pytest.mark.browser
def test_a_mapping_with_two_raters(page: Page, shot):
    case = fresh_case_for("worker")
    parent = case.family.persons.filter(role="parent").first()
    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/")
    page.locator(f"a[href='/cases/{case.public_id}/safety/']").click()
    expect(page.locator("#no-mapping")).to_be_visible()
    assert_accessible(page)

    page.locator("#start-mapping").click()
    expect(page.locator("#mapping-facts")).to_be_visible()
    add_statement(page, "harm", "Blå mærker på armene efter en weekend.")
    add_statement(page, "existing_safety", "Morfar tager to aftener om ugen.")
    add_statement(page, "next_steps", "Netværksmøde inden for 14 dage.")
    expect(page.locator("#column-worries")).to_contain_text("Blå mærker")
    expect(page.locator("#column-working-well")).to_contain_text("Morfar")
    expect(page.locator("#column-needs-to-happen")).to_contain_text("Netværksmøde")

    add_statement(page, "harm", "")  # bad input: an error, nothing added
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)

    add_rating(page, "worker", "3", "2026-01-12", name="Mette Kristensen")
    add_rating(page, "parent", "6", "2026-01-12", person=str(parent.public_id))
    add_rating(page, "worker", "5", "2026-02-09", name="Mette Kristensen")
    add_rating(page, "parent", "7", "2026-02-09", person=str(parent.public_id))
    add_rating(page, "parent", "11", "2026-02-10", person=str(parent.public_id))
    expect(page.locator("#id_rating-value_error")).to_be_visible()

    expect(page.locator("#safety-chart .chart-point")).to_have_count(4)
    expect(page.locator("#safety-ratings-table tbody tr")).to_have_count(4)
    expect(page.locator("#safety-chart-legend li")).to_have_count(2)
    shot(page, "safety-desktop")
    assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/cases/{case.public_id}/safety/")
    worries = page.locator("#column-worries").bounding_box()
    working = page.locator("#column-working-well").bounding_box()
    assert working["y"] > worries["y"] + worries["height"] - 1  # stacked, not side by side
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "safety-phone")
    assert_accessible(page)
