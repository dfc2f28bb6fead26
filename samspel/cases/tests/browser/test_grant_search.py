"""Access by name with the colleague search: the worker types part of a name, the matching
colleagues are suggested in the field's list and counted in a live sentence, the chosen one is
sent and listed; axe-core finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait, log_in


@pytest.mark.browser
def test_a_worker_gives_a_colleague_access_by_typing_the_name(new_page, shot):
    case = Case.objects.filter(responsible__username="worker", grants__isnull=True).first()
    colleague = case.organisation.users.get(username="outsider")
    page = new_page()
    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/")
    field = page.locator("#id_user")
    field.press_sequentially(colleague.first_name[:4], delay=50)
    suggestions = page.locator("#user-suggestions option")
    expect(suggestions.first).to_be_attached()
    expect(page.locator(f"#user-suggestions option[value='{colleague.username}']")).to_have_count(1)
    expect(page.locator("#user-status")).to_have_text(re.compile(r"^\d+ \w+"))
    shot(page, "grant-suggestions")
    assert_accessible(page)
    field.fill(colleague.username)
    click_and_wait(page, page.locator("form[action$='/access/'] button[type=submit]"))
    expect(page.locator("section[aria-labelledby=access-heading] ul")).to_contain_text(
        str(colleague)
    )
    assert case.grants.filter(user=colleague).exists()
