"""As the demo worker: the home page says what is due, the worklist shows overdue and due-soon
items with their explanations, one click opens the case, recording the follow-up moves the item
to upcoming. As the leader: the team worklist with caseloads and the compliance chart. Screenshots
of each page; axe-core finds nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import set_legal_basis
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.followup.recompute import recompute_case
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    fresh_case_for,
    log_in,
    log_out,
)

FOLLOW_UP = "sammen-om-familien:follow-up"


def _case_with_items_due(today: dt.date):
    """A new §52 case of the worker, active for 40 days: the startup talk is overdue and the
    six-weekly follow-up is due in two days."""
    case = fresh_case_for("worker")
    case.referred_on = case.activated_on = today - dt.timedelta(days=40)
    case.status = "active"
    case.save(update_fields=["referred_on", "activated_on", "status"])
    set_legal_basis(case, ["SEL §52"])  # six-weekly follow-up, whatever the demo case held
    recompute_case(case)
    items = DueItem.objects.filter(case=case)
    assert items.filter(due_on__lt=today).exists(), "the engine left nothing overdue"
    assert items.get(rule=FOLLOW_UP).due_on == today + dt.timedelta(days=2)
    return case


def _row(page: Page, state: str, case, rule: str = FOLLOW_UP):
    section = page.locator(f"section[aria-labelledby=worklist-{state}]")
    return section.locator(f"tr[data-case='{case.number}'][data-rule='{rule}']")


def _compliance_history(case, today: dt.date) -> None:
    for months_ago, held_late in [(1, 0), (2, 0), (2, 5), (4, 0), (5, None), (7, 0)]:
        due_on = today.replace(day=10) - dt.timedelta(days=30 * months_ago)
        held_on = None if held_late is None else due_on + dt.timedelta(days=held_late)
        FollowUpPeriod.objects.create(
            case=case,
            rule="sammen-om-familien:stop-op",
            due_on=due_on,
            held_on=held_on,
            team_id=case.team_id,
            programme=case.programme,
        )


@pytest.mark.browser
def test_worker_and_leader_worklists(page: Page, shot):
    today = timezone.localdate()
    case = _case_with_items_due(today)
    log_in(page, "worker")
    expect(page.locator("#due-heading")).to_be_visible()
    shot(page, "home-what-is-due")

    click_and_wait(page, page.locator(".main-nav a[href='/worklist/']"))
    overdue = page.locator(
        f"section[aria-labelledby=worklist-overdue] tr[data-case='{case.number}']"
    )
    expect(overdue.first).to_be_visible()
    follow_up = _row(page, "due_soon", case)
    expect(follow_up).to_have_count(1)
    expect(follow_up.locator(".explanation")).to_contain_text("SEL §52")
    expect(follow_up.locator("time")).to_have_attribute(
        "datetime", (today + dt.timedelta(days=2)).isoformat()
    )
    shot(page, "worklist")
    assert_accessible(page)

    click_and_wait(page, follow_up.locator(f"a[href='/cases/{case.public_id}/']"))
    page.locator("#id_held-kind").select_option("follow_up_meeting")
    page.locator("#id_held-context").select_option("home")
    page.locator("#id_held-held_on").fill(today.isoformat())
    page.locator("#id_held-minutes").fill("60")
    click_and_wait(page, page.locator("form[aria-labelledby=record-heading] button[type=submit]"))
    shot(page, "case-follow-up-recorded")

    page.goto("/worklist/")
    expect(_row(page, "due_soon", case)).to_have_count(0)
    moved = _row(page, "upcoming", case)
    expect(moved).to_have_count(1)
    expect(moved.locator("time")).to_have_attribute(
        "datetime", (today + dt.timedelta(weeks=6)).isoformat()
    )
    shot(page, "worklist-after-follow-up")
    assert_accessible(page)
    log_out(page)

    _compliance_history(case, today)
    log_in(page, "leader")
    click_and_wait(page, page.locator(".main-nav a[href='/worklist/team/']"))
    expect(page.locator("table.caseloads meter").first).to_be_visible()
    expect(page.locator(f"table.worklist tr[data-case='{case.number}']").first).to_be_visible()
    shot(page, "team-worklist")
    assert_accessible(page)

    page.locator("#id_worker").select_option(label="Mette Kristensen")
    click_and_wait(page, page.locator("form.filters button[type=submit]"))
    expect(page.locator(f"table.worklist tr[data-case='{case.number}']").first).to_be_visible()
    shot(page, "team-worklist-filtered")
    assert_accessible(page)

    click_and_wait(page, page.locator("a[href='/worklist/team/compliance/']").last)
    chart = page.locator("svg#compliance-chart[role=img]")
    expect(chart).to_be_visible()
    # A month with no follow-up on time is a bar of height 0: some month of the demo has one.
    expect(chart.locator("rect:not([height='0.0'])").first).to_be_visible()
    expect(page.locator("table.compliance-table tbody tr")).to_have_count(12)
    shot(page, "compliance")
    assert_accessible(page)
