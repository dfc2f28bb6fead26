"""As the demo worker: the week and month views from the main navigation, the family calendar
from the family page, adding an appointment with the psychiatry, and a feed to subscribe to.
Screenshots of each page; axe-core finds nothing; the week view fits a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from samspel.activities.models import ExternalAppointment
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    assert_no_sideways_scrolling,
    click_and_wait,
    log_in,
    phone_width,
)


def _demo_family():
    appointment = (
        ExternalAppointment.objects.filter(family__cases__responsible__username="worker")
        .select_related("family")
        .order_by("start")
        .first()
    )
    assert appointment is not None, "the demo gave the worker's families no appointments"
    return appointment.family


@pytest.mark.browser
def test_worker_calendars(page: Page, shot):
    family = _demo_family()
    log_in(page, "worker")
    click_and_wait(page, page.locator(".main-nav a[href='/calendar/']"))
    expect(page.locator("table.calendar-week")).to_be_visible()
    expect(page.locator("time[aria-current=date]")).to_have_count(1)
    shot(page, "week")
    assert_accessible(page)
    with phone_width(page):
        assert_no_sideways_scrolling(page)
        shot(page, "week-phone")

    click_and_wait(page, page.locator("a[rel=next]"))
    expect(page.locator("table.calendar-week tr.entry").first).to_be_visible()
    shot(page, "next-week")
    assert_accessible(page)

    click_and_wait(page, page.locator(".calendar-nav a[href='/calendar/month/']"))
    expect(page.locator("table.calendar-month thead th")).to_have_count(8)
    expect(page.locator(".cell-entries a").first).to_be_visible()
    shot(page, "month")
    assert_accessible(page)
    page.locator(".cell-entries a").first.focus()
    expect(page.locator(".cell-entries a").first).to_be_focused()

    click_and_wait(page, page.locator(".calendar-nav a[href='/calendar/feeds/']"))
    assert_accessible(page)
    page.locator("#id_label").fill("Telefon")
    click_and_wait(page, page.locator("main form button[type=submit]").last)
    expect(page.locator("#feed-url")).to_have_value(re.compile(r"/ical/[A-Za-z0-9_-]{43}\.ics$"))
    shot(page, "feed-created")
    assert_accessible(page)

    page.goto(f"/families/{family.public_id}/")
    click_and_wait(page, page.locator(f"a[href='/families/{family.public_id}/calendar/']"))
    expect(page.locator("tr.source-appointment").first).to_be_visible()
    shot(page, "family-calendar")
    assert_accessible(page)

    click_and_wait(page, page.locator("a[href$='/calendar/appointments/new/']"))
    assert_accessible(page)
    page.locator("#id_agency_kind").select_option("psychiatry")
    page.locator("#id_title").fill("Samtale med psykolog")
    page.locator("#id_start").fill("2030-01-08T10:00")
    page.locator("#id_end").fill("2030-01-08T09:00")
    click_and_wait(page, page.locator("main form button[type=submit]"))
    expect(page.locator("#error-summary")).to_be_visible()
    shot(page, "appointment-end-before-start")
    assert_accessible(page)

    page.locator("#id_end").fill("2030-01-08T11:00")
    click_and_wait(page, page.locator("main form button[type=submit]"))
    row = page.locator("tr.source-appointment", has_text="Samtale med psykolog")
    expect(row).to_have_count(1)
    expect(row.locator(".entry-time")).to_contain_text("10:00")
    shot(page, "family-calendar-with-appointment")
    assert_accessible(page)
    assert ExternalAppointment.objects.filter(title="Samtale med psykolog").count() == 1
