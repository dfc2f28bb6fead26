"""As the demo org admin: open the programmes, look at Sammen om familien's rules (its cadence
locked), enter a negative duration and see the refusal, save a valid one and see it in the
history, then create an own programme. Screenshots of each state; axe-core finds nothing."""

import pytest
from playwright.sync_api import Page, expect

from samspel.programmes.models import ProgrammeSettings, ProgrammeSettingsChange
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait, log_in


@pytest.mark.browser
def test_programme_settings_journey(page: Page, shot):
    log_in(page, "admin")
    click_and_wait(page, page.locator(".main-nav a[href='/organisation/programmes/']"))
    expect(page.locator("a[href='/organisation/programmes/sammen-om-familien/']")).to_be_visible()
    shot(page, "programmes-list")
    assert_accessible(page)

    click_and_wait(page, page.locator("a[href='/organisation/programmes/sammen-om-familien/']"))
    expect(page.locator(".programme-rule").first).to_contain_text("SEL §50")
    shot(page, "programme-settings")
    assert_accessible(page)

    amount = page.locator("input[type=number]").first
    amount.fill("-2")
    click_and_wait(page, page.locator("form.programme-settings > button[type=submit]"))
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".field-error").first).to_be_visible()
    assert not ProgrammeSettingsChange.objects.exists()
    shot(page, "programme-settings-error")
    assert_accessible(page)

    page.locator("input[type=number]").first.fill("7")
    click_and_wait(page, page.locator("form.programme-settings > button[type=submit]"))
    expect(page.locator("section[aria-labelledby=history-heading] tbody li")).to_have_count(1)
    assert ProgrammeSettings.objects.get(programme="sammen-om-familien").overrides == {
        "startup-talk.within": {"days": 7},
        "startup-talk.deadlines[0].within": {"days": 7},
    }
    shot(page, "programme-settings-saved")
    assert_accessible(page)

    page.goto("/organisation/programmes/new/")
    assert_accessible(page)
    page.locator("#id_name").fill("Tæt opfølgning")
    page.locator("#id_based_on").select_option("sammen-om-familien")
    click_and_wait(page, page.locator("main form button[type=submit]"))
    assert page.url.endswith("/organisation/programmes/taet-opfolgning/")
    shot(page, "own-programme-settings")
    assert_accessible(page)
