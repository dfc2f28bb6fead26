"""In Chromium: the worker hands a case over to a colleague with the prefilled note; until the
colleague accepts, both open the case (which says "handover in progress"); after acceptance the
old worker gets 404 and the case page asks for the family's meeting with the new worker. The
handover pages pass axe."""

import pytest
from playwright.sync_api import Page, expect

from conftest import translated
from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    log_in,
    log_out,
)


@pytest.mark.browser
def test_hand_a_case_over(page: Page, shot):
    worker = User.objects.get(username="worker")
    case = Case.objects.filter(responsible=worker).order_by("number").first()
    colleague = (
        case.team.members.exclude(pk__in=[worker.pk, case.buddy_id or 0])
        .filter(membership__is_leader=False)
        .first()
    )
    case_url = f"/cases/{case.public_id}/"
    log_in(page, "worker")
    page.goto(case_url)
    click_and_wait(page, page.locator(f"a[href='{case_url}handovers/new/']"))
    expect(page.locator("#id_goals")).not_to_be_empty()  # prefilled from the plan
    assert_accessible(page)
    page.locator("#id_to_user").select_option(str(colleague.pk))
    page.locator("#id_risks").fill("The father's new job: meetings after 16.")
    click_and_wait(page, page.locator("main form button[type=submit]"))
    expect(page.locator(".messages")).to_be_visible()
    shot(page, "handover-sent")
    assert_accessible(page)
    page.goto(case_url)
    # "Handover in progress …" with its link (the demo worker reads Danish).
    expect(page.locator(f"main .message a[href^='{case_url}handovers/']")).to_be_visible()
    log_out(page)

    log_in(page, colleague.username)
    page.goto(case_url)
    click_and_wait(page, page.locator("main a[href*='/handovers/']").first)
    expect(page.locator("main")).to_contain_text("meetings after 16")
    click_and_wait(page, page.locator("form[action$='/accept/'] button[type=submit]"))
    expect(page).to_have_url(case_url)
    expect(page.locator("main")).to_contain_text(translated("Record the meeting", "da"))
    case.refresh_from_db()
    assert case.responsible == colleague
    log_out(page)

    log_in(page, "worker")
    response = page.goto(case_url)
    assert response.status == 404
