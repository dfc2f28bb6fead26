"""In Chromium: a first login through the organisation's real OpenID provider (oidc-provider on
loopback, its own login and consent pages) makes the user in that organisation with the role of
the claim and lands on the home page; the login page with its button passes axe."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from samspel.accounts.models import Role, User
from samspel.demo.world import DANISH_ORG, SWEDISH_ORG
from samspel.organisations.models import Organisation, SingleSignOn
from samspel.organisations.tests.oidc.running import oidc_provider
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait

ACCOUNTS = {
    "nina": {"email": "nina@linkoping.example", "given_name": "Nina", "samspel_role": "leads"}
}


@pytest.fixture
def provider(demo):
    callback = f"{demo.url}/organisation/sso/callback/"
    with oidc_provider([callback], ACCOUNTS) as running:
        yield running


@pytest.mark.browser
def test_first_login_through_the_provider_makes_the_user(page: Page, provider, shot):
    organisation = Organisation.objects.get(name=SWEDISH_ORG)
    SingleSignOn.objects.create(
        organisation=organisation,
        issuer=provider.issuer,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scopes="openid email profile samspel",
        provision=True,
        role_claim="samspel_role",
        role_map={"leads": Role.TEAM_LEADER},
    )
    page.goto("/accounts/login/")
    button = page.get_by_role("link", name=f"Log in with {SWEDISH_ORG}")
    expect(button).to_be_visible()
    shot(page, "login-with-sso")
    assert_accessible(page)
    click_and_wait(page, button)
    assert page.url.startswith(provider.issuer)  # the provider's own login page
    page.locator("input[name=login]").fill("nina")
    page.locator("input[name=password]").fill("anything")
    click_and_wait(page, page.locator("button[type=submit]"))
    click_and_wait(page, page.locator("button[type=submit]"))  # consent: Continue
    expect(page.locator("h1")).to_be_visible()
    assert urlparse(page.url).path == "/"  # the home page, no second-factor step
    user = User.objects.get(email="nina@linkoping.example")
    assert user.organisation == organisation and user.role == Role.TEAM_LEADER
    assert not User.objects.filter(email="nina@linkoping.example", organisation__name=DANISH_ORG)
    expect(page.locator(".logout-form")).to_be_visible()
    shot(page, "after-sso-login")
