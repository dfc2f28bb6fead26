"""A Swedish familjehemskonsulent (demo login "konsulent", En process i rörelse) records a child's
family-home placement on the case page by keyboard alone, started a little over two years ago: the
case page and the worklist show the övervägande (SoL 6 kap. 8 §, every 6 months) and the
custody-transfer consideration, each with the why; ending the placement as unplanned, with a
reason, takes both off. The pages speak Swedish; axe-core finds nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from samspel.cases.models import Placement, PlacementEnd, PlacementEndReason
from samspel.families.models import PersonRole
from samspel.organisations import programmes
from samspel.web.tests.browser.helpers import assert_accessible, fresh_case_for, log_in

CONSIDERATION = "law-se:consideration"
CUSTODY = "law-se:custody-transfer"
WORKER = "konsulent"
MAX_TABS = 40


def _placed_on(today: dt.date) -> dt.date:
    """Two years and two months ago: the custody transfer was due two months ago."""
    return today.replace(year=today.year - 2, day=1) - dt.timedelta(days=60)


def _case_with_a_focus_child(placed_on: dt.date):
    """A new active case of the consultant's, with one child of the family in focus."""
    case = fresh_case_for(WORKER)
    assert case.programme == programmes.FOSTER_HOME_PROCESS
    assert case.organisation.jurisdiction == "SE"
    child = case.family.persons.filter(role=PersonRole.CHILD).order_by("birth_date").first()
    if child.birth_date is None or child.birth_date >= placed_on:
        child.birth_date = placed_on.replace(year=placed_on.year - 6)
        child.save(update_fields=["birth_date"])
    case.status = "active"
    case.referred_on = case.activated_on = placed_on
    case.save(update_fields=["status", "referred_on", "activated_on"])
    case.focus_children.set([child])
    return case, child


def _tab_to(page: Page, target: Locator) -> None:
    """Press Tab (only) until `target` has the focus: it is reachable by keyboard."""
    for _ in range(MAX_TABS):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} is not reached by {MAX_TABS} presses of Tab")


# The orders a date field may take its parts in; which one is the browser's own (its ICU
# locale, not the page's language: Debian's headless Chromium takes month/day/year).
DATE_ORDERS = {"ymd": ("%Y", "%m", "%d"), "dmy": ("%d", "%m", "%Y"), "mdy": ("%m", "%d", "%Y")}
PROBE_DAY = dt.date(2003, 11, 22)


def _type_parts(page: Page, day: dt.date, order: str) -> None:
    """Type each part: two digits of day or month move on by themselves; a year part takes up
    to six digits, so the arrow key moves on from it."""
    for part in DATE_ORDERS[order]:
        page.keyboard.type(day.strftime(part))
        if part == "%Y":
            page.keyboard.press("ArrowRight")


def _date_order(page: Page) -> str:
    """The browser's order of a date field's parts, found by typing into a scratch page."""
    scratch = page.context.new_page()
    try:
        for order in DATE_ORDERS:
            scratch.set_content("<input type=date aria-label=probe>")
            scratch.locator("input").focus()
            _type_parts(scratch, PROBE_DAY, order)
            if scratch.locator("input").input_value() == PROBE_DAY.isoformat():
                return order
    finally:
        scratch.close()
    raise AssertionError("the browser's date field takes no known order of day, month, year")


def _type_date(page: Page, field: Locator, day: dt.date, order: str) -> None:
    _tab_to(page, field)
    _type_parts(page, day, order)
    expect(field).to_have_value(day.isoformat())


def _choose(page: Page, select: Locator, value: str) -> None:
    """Choose an option with the arrow keys, as a keyboard user does on a closed list."""
    _tab_to(page, select)
    page.keyboard.press("Home")
    for _ in range(select.locator("option").count()):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    expect(select).to_have_value(value)


def _submit_by_keyboard(page: Page, button: Locator) -> None:
    _tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _open_details(page: Page, summary: Locator) -> None:
    summary.scroll_into_view_if_needed()
    _tab_to_from_heading(page, summary)
    page.keyboard.press("Enter")
    expect(summary.locator("xpath=..")).to_have_attribute("open", "")


def _tab_to_from_heading(page: Page, summary: Locator) -> None:
    """Start the Tab walk at the placements panel: the walk from the top of the page would
    cross every link and form above it, which proves nothing more."""
    page.locator("#placements-heading").evaluate(
        "h => { h.setAttribute('tabindex', '-1'); h.focus(); }"
    )
    _tab_to(page, summary)


def _due_row(page: Page, title: str) -> Locator:
    return page.locator("section.due-items tbody tr").filter(has_text=title)


def _worklist_row(page: Page, case, rule: str) -> Locator:
    return page.locator(f"tr[data-case='{case.number}'][data-rule='{rule}']")


@pytest.mark.browser
def test_a_family_home_placement_brings_its_considerations_and_an_unplanned_end_takes_them(
    new_page, shot
):
    today = timezone.localdate()
    placed_on = _placed_on(today)
    case, child = _case_with_a_focus_child(placed_on)
    page = new_page()
    order = _date_order(page)
    log_in(page, WORKER)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.goto(f"/cases/{case.public_id}/")
    panel = page.locator("section.placements")
    expect(panel.locator("h2")).to_have_text("Placeringar")
    expect(panel).to_contain_text("Ingen placering är registrerad.")

    # Record the placement: Tab, Enter, typing and arrow keys only.
    _open_details(page, panel.get_by_text("Registrera en placering"))
    form = panel.locator("form[action$='/placements/record/']")
    _choose(page, form.locator("#id_placement-child"), str(child.public_id))
    _type_date(page, form.locator("#id_placement-started_on"), placed_on, order)
    _choose(page, form.locator("#id_placement-form"), "familjehem")
    _choose(page, form.locator("#id_placement-legal_ground"), "SoL 6:1")
    shot(page, "placement-form")
    assert_accessible(page)
    _submit_by_keyboard(page, form.locator("button[type=submit]"))

    expect(page.locator(".messages")).to_contain_text("Placeringen är registrerad.")
    placement = Placement.objects.get(case=case)
    assert (placement.child, placement.started_on) == (child, placed_on)
    assert (placement.form, placement.legal_ground) == ("familjehem", "SoL 6:1")
    panel = page.locator("section.placements")
    expect(panel).to_contain_text("Familjehem")
    expect(panel).to_contain_text("Pågående")

    # Both items are on the case page, each with its why (law, cadence, start).
    consideration = _due_row(page, "Övervägande av placeringen")
    custody = _due_row(page, "Vårdnadsöverflyttning övervägd")
    for row, cadence in ((consideration, "6 månader"), (custody, "2 år")):
        expect(row).to_have_count(1)
        why = row.locator(".explanation")
        expect(why).to_be_visible()
        expect(why).to_contain_text("SoL 6:8")
        expect(why).to_contain_text(cadence)
        expect(why).to_contain_text("placeringen")
    shot(page, "case-with-placement")
    assert_accessible(page)

    # ... and on the worklist.
    page.goto("/worklist/")
    for rule, title in (
        (CONSIDERATION, "Övervägande av placeringen"),
        (CUSTODY, "Vårdnadsöverflyttning övervägd"),
    ):
        row = _worklist_row(page, case, rule)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(title)
        expect(row.locator(".explanation")).to_be_visible()
        expect(row.locator(".explanation")).to_contain_text("SoL 6:8")
    shot(page, "worklist-with-placement")
    assert_accessible(page)

    # End it as unplanned (sammanbrott), with a reason from the list.
    page.goto(f"/cases/{case.public_id}/")
    panel = page.locator("section.placements")
    _open_details(page, panel.get_by_text("Avsluta placeringen", exact=True).first)
    end_form = panel.locator("form[action$='/end/']")
    ended_on = today - dt.timedelta(days=3)
    _type_date(page, end_form.locator("input[name=end-ended_on]"), ended_on, order)
    _choose(page, end_form.locator("select[name=end-end_kind]"), PlacementEnd.UNPLANNED)
    _choose(page, end_form.locator("select[name=end-end_reason]"), PlacementEndReason.CHILD_WISH)
    expect(end_form).to_contain_text("Oplanerad (sammanbrott)")
    shot(page, "placement-end-form")
    assert_accessible(page)
    _submit_by_keyboard(page, end_form.locator("button[type=submit]"))

    expect(page.locator(".messages")).to_contain_text("Placeringen är avslutad.")
    placement.refresh_from_db()
    assert (placement.ended_on, placement.end_kind, placement.end_reason) == (
        ended_on,
        PlacementEnd.UNPLANNED,
        PlacementEndReason.CHILD_WISH,
    )
    panel = page.locator("section.placements")
    expect(panel).to_contain_text("Oplanerad (sammanbrott)")
    expect(panel).to_contain_text("Barnets önskan")
    expect(_due_row(page, "Övervägande av placeringen")).to_have_count(0)
    expect(_due_row(page, "Vårdnadsöverflyttning övervägd")).to_have_count(0)
    shot(page, "case-placement-ended")
    assert_accessible(page)

    page.goto("/worklist/")
    expect(_worklist_row(page, case, CONSIDERATION)).to_have_count(0)
    expect(_worklist_row(page, case, CUSTODY)).to_have_count(0)
