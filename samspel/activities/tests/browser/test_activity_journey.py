"""As the demo worker: plan a home visit that collides with the family's psychiatry appointment
and see the warning (nothing saved); move it to a free time and save; record it as held with
minutes and a journal note; log an SMS in two clicks; the case's due items change. Screenshots
of each page; axe-core finds nothing on the activity pages."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import set_legal_basis
from samspel.activities.models import Activity, ActivityStatus
from samspel.activities.overlap import conflicts
from samspel.activities.tests.factories import appointment, at
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    fresh_case_for,
    log_in,
)

FOLLOW_UP = "sammen-om-familien:follow-up"


def _case_due_in_two_days(today: dt.date):
    """A new case of the worker, active for 40 days: the six-weekly follow-up is due in two."""
    case = fresh_case_for("worker")
    case.referred_on = case.activated_on = today - dt.timedelta(days=40)
    case.status = "active"
    case.save(update_fields=["referred_on", "activated_on", "status"])
    set_legal_basis(case, ["SEL §52"])  # six-weekly follow-up (DOMAIN.md §3.2)
    recompute_case(case)
    assert DueItem.objects.get(case=case, rule=FOLLOW_UP).due_on == today + dt.timedelta(days=2)
    return case


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.browser
def test_plan_move_hold_and_log_a_contact(page: Page, shot):
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    case = _case_due_in_two_days(today)
    appointment(
        case.family, at(yesterday, 10), title="BUP, samtal med läkare", created_by=case.responsible
    )
    busy, free = (
        (at(yesterday, 10, 30), at(yesterday, 11, 30)),
        (at(yesterday, 14), at(yesterday, 15)),
    )
    worker = case.responsible
    worker.language = "en"  # the demo worker reads Danish; this journey checks English text
    worker.save(update_fields=["language"])
    assert conflicts(case.family, [worker], *free) == [], "the demo filled the free slot"

    log_in(page, "worker")
    page.goto(f"/cases/{case.public_id}/")
    follow_up = page.locator("section.due-items tr", has_text="Follow-up")
    expect(follow_up).to_contain_text("Due soon: in 2 days")
    click_and_wait(page, page.locator("#case-plan-activity"))
    page.locator("#id_kind").select_option("home_visit")
    page.locator("#id_context").select_option("home")
    page.locator("#id_planned_start").fill(_local(busy[0]))
    page.locator("#id_planned_end").fill(_local(busy[1]))
    page.locator("#id_place_detail").fill("Köket")
    shot(page, "plan-form")
    assert_accessible(page)

    click_and_wait(page, page.locator("#save-activity"))
    warning = page.locator("#overlap-warning")
    expect(warning).to_contain_text("The time overlaps other appointments")
    expect(warning).to_contain_text("Psychiatry: BUP, samtal med läkare")
    assert not Activity.objects.filter(case=case).exists()
    shot(page, "overlap-warning")
    assert_accessible(page)

    page.locator("#id_planned_start").fill(_local(free[0]))
    page.locator("#id_planned_end").fill(_local(free[1]))
    click_and_wait(page, page.locator("#save-activity"))
    expect(page.locator("#activity-status")).to_have_text("Planned")
    activity = Activity.objects.get(case=case)
    assert (activity.planned_start, activity.planned_end) == free
    shot(page, "activity-planned")
    assert_accessible(page)

    click_and_wait(page, page.locator("#mark-held"))
    expect(page.locator("#id_held_on")).to_have_value(yesterday.isoformat())
    page.locator("#id_minutes").fill("70")
    page.locator("#id_note").fill("Hembesök. Vi gick igenom veckan med familjen.")
    shot(page, "record-held")
    assert_accessible(page)
    click_and_wait(page, page.locator("#save-held"))
    expect(page.locator("#activity-status")).to_have_text("Held")
    expect(page.locator("#journal-note")).to_contain_text("Vi gick igenom veckan")
    shot(page, "activity-held")
    assert_accessible(page)

    page.goto(f"/cases/{case.public_id}/")
    page.locator("details.log-contact summary").click()
    click_and_wait(page, page.get_by_role("button", name="SMS sent or received today"))
    expect(page.locator(".messages")).to_contain_text("SMS on")
    assert Activity.objects.filter(case=case, kind="sms", status=ActivityStatus.HELD).exists()
    expect(page.locator("#recent-activities")).to_contain_text("SMS")
    expect(page.locator("#recent-activities")).to_contain_text("Home visit")
    follow_up = page.locator("section.due-items tr", has_text="Follow-up")
    expect(follow_up).to_contain_text("Upcoming: in 41 days")
    expect(follow_up.locator("time")).to_have_attribute(
        "datetime", (yesterday + dt.timedelta(weeks=6)).isoformat()
    )
    shot(page, "case-after")

    page.goto(f"/cases/{case.public_id}/activities/")
    expect(page.locator("#past-activities")).to_contain_text("Home visit")
    shot(page, "activity-list")
    assert_accessible(page)
