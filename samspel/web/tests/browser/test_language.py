"""The language switch in the page header: Swedish → Danish → English, before and after login.

Strings asserted (the translation catalogues in samspel/locale must match them):
  "Log in to Samspel"     sv "Logga in i Samspel"        da "Log ind i Samspel"
  "Welcome, %(name)s"     sv "Välkommen, %(name)s"       da "Velkommen, %(name)s"
Django's own catalogues already give the field labels and the skip link.
"""

import pytest
from playwright.sync_api import Page, expect

from samspel.accounts.models import User
from samspel.web.tests.browser.helpers import log_in, log_out

LOGIN_PAGE = {
    "sv": ("Logga in i Samspel", "Användarnamn", "Lösenord", "Hoppa till huvudinnehållet"),
    "da": ("Log ind i Samspel", "Brugernavn", "Adgangskode", "Gå til hovedindhold"),
    "en": ("Log in to Samspel", "Username", "Password", "Skip to main content"),
}
WELCOME = {"sv": "Välkommen, Sara", "da": "Velkommen, Sara", "en": "Welcome, Sara"}


@pytest.fixture
def browser_locale() -> str:
    return "sv-SE"


def switch_language(page: Page, code: str) -> None:
    """Choose a language in the header; the form submits itself on change."""
    with page.expect_navigation():
        page.locator("#language-select").select_option(code)
    expect(page.locator("html")).to_have_attribute("lang", code)


def expect_login_page_in(page: Page, code: str) -> None:
    heading, username, password, skip_link = LOGIN_PAGE[code]
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("label[for=id_username]")).to_contain_text(username)
    expect(page.locator("label[for=id_password]")).to_contain_text(password)
    expect(page.locator(".skip-link")).to_have_text(skip_link)
    expect(page.locator("#language-select")).to_have_value(code)


@pytest.mark.browser
def test_login_page_follows_the_header_switch(blank_page: Page, shot):
    page = blank_page
    page.goto("/accounts/login/")
    expect_login_page_in(page, "sv")  # from the browser's Accept-Language
    shot(page, "login-sv")

    for code in ("da", "en"):
        switch_language(page, code)
        expect(page).to_have_url("/accounts/login/")
        expect_login_page_in(page, code)
        shot(page, f"login-{code}")

    page.reload()
    expect_login_page_in(page, "en")  # the choice is kept in a cookie


@pytest.mark.browser
def test_signed_in_user_switches_language_and_keeps_it(page: Page, shot):
    log_in(page, "stranger")  # a Swedish user
    expect(page.locator("h1")).to_have_text(WELCOME["sv"])
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    shot(page, "home-sv")

    for code in ("da", "en"):
        switch_language(page, code)
        expect(page).to_have_url("/")
        expect(page.locator("h1")).to_have_text(WELCOME[code])
        shot(page, f"home-{code}")
    assert User.objects.get(username="stranger").language == "en"

    log_out(page)
    log_in(page, "stranger")
    expect(page.locator("h1")).to_have_text(WELCOME["en"])
    shot(page, "home-en-after-new-login")
    log_out(page)
