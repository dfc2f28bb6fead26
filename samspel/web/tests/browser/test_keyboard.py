"""Keyboard use: the first Tab reaches the skip link, which shows itself with a visible focus
outline and leads to the main content."""

import pytest
from playwright.sync_api import Page, expect

FOCUS_OUTLINE = """() => {
    const element = document.activeElement;
    return element.matches(':focus-visible') ? getComputedStyle(element).outlineStyle : 'none';
}"""


@pytest.mark.browser
def test_first_tab_reaches_the_visible_skip_link(blank_page: Page, shot):
    page = blank_page
    page.goto("/accounts/login/")
    skip_link = page.locator(".skip-link")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert page.evaluate(FOCUS_OUTLINE) != "none", "the focused skip link shows no outline"
    shot(page, "skip-link-focused")

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#id_username")).to_be_focused()
    shot(page, "username-focused")
