"""In Chromium: a referral waits unassigned in the team's intake queue; the team leader sees it
on the home page, opens the queue, chooses the responsible worker and buddy (each shown with
their caseload) and assigns it; the assigned worker then finds it among their cases. The
queue passes axe, also at phone width."""

import pytest
from playwright.sync_api import Page, expect

from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    assert_no_sideways_scrolling,
    click_and_wait,
    log_in,
    log_out,
    phone_width,
)


@pytest.mark.browser
def test_the_leader_assigns_a_referral(page: Page, shot):
    worker, buddy = User.objects.get(username="worker"), User.objects.get(username="buddy")
    model = Case.objects.filter(responsible=worker).first()
    referral = Case.objects.create(
        organisation=model.organisation,
        number="2026-9001",
        family=model.family,
        programme=model.programme,
        team=model.team,
        responsible=None,
    )
    log_in(page, "leader")
    link = page.locator("main a[href='/worklist/team/intake/']")
    expect(link).to_be_visible()
    click_and_wait(page, link)
    form = page.locator(f"form[action='/worklist/team/intake/{referral.public_id}/']")
    expect(form).to_be_visible()
    prefix = f"#id_case-{referral.public_id}"
    options = page.locator(f"{prefix}-responsible option").all_inner_texts()
    assert any(text.startswith(str(worker)) and "(" in text for text in options), options
    shot(page, "intake")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)
    page.locator(f"{prefix}-responsible").select_option(str(worker.pk))
    page.locator(f"{prefix}-buddy").select_option(str(buddy.pk))
    click_and_wait(page, form.locator("button[type=submit]"))
    expect(page.locator(".messages")).to_contain_text("2026-9001")
    referral.refresh_from_db()
    assert (referral.responsible, referral.buddy) == (worker, buddy)
    log_out(page)
    log_in(page, "worker")
    page.goto(f"/cases/{referral.public_id}/")
    expect(page.locator("h1")).to_contain_text("2026-9001")
