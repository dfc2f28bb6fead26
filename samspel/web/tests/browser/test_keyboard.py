"""Keyboard use: the first Tab reaches the skip link, which shows itself and leads to the
main content."""

import pytest
from playwright.sync_api import Page, expect

FOCUSED = "() => document.activeElement"


@pytest.mark.browser
def test_first_tab_reaches_the_visible_skip_link(page: Page, shot):
    page.goto("/accounts/login/")
    skip_link = page.locator(".skip-link")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    outline = page.evaluate(
        f"({FOCUSED})().matches(':focus-visible') && getComputedStyle(({FOCUSED})()).outlineStyle"
    )
    assert outline not in (False, "none"), "the focused skip link shows no focus outline"
    shot(page, "skip-link-focused")

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#id_username")).to_be_focused()
    shot(page, "username-focused")
