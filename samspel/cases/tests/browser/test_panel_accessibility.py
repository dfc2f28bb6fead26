"""axe-core (WCAG 2.0/2.1 A and AA) finds nothing on the case page's issue-10 panels, in Swedish,
Danish and English: the investigation (Swedish organisation: referral, decision whether to open,
start and end; Danish: the §20 investigation), the FIFA answers of a case with parents, and the
placements with a current and an ended one — also after an invalid form was sent, when the page
says why, in the worker's language, and nothing was recorded."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from samspel.cases import services
from samspel.cases.models import ANSWERING_ROLES, Case, CaseStatus, Placement, PlacementEnd
from samspel.families.models import PersonRole
from samspel.organisations import programmes
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    fresh_case_for,
    log_in,
)

LANGUAGES = ["sv", "da", "en"]
# axe-core 4 no longer reports duplicate ids among its WCAG rules; a label or an error that
# points at a duplicated id names the wrong field, so the panels' forms are checked for them.
DUPLICATE_IDS = """() => {
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
}"""
SWEDISH, DANISH = "konsulent", "worker"  # demo logins of the two organisations


def _say(language: str, msgid: str) -> str:
    """`msgid` in `language`; in Swedish and Danish it must differ from the English."""
    with translation.override(language):
        text = translation.gettext(msgid)
    assert language == "en" or text != msgid, f"no {language} translation of {msgid!r}"
    return text


def _speaking(username: str, language: str):
    from samspel.accounts.models import User

    user = User.objects.get(username=username)
    user.language = language
    user.save(update_fields=["language"])
    return user


def _case_with_placements(username: str, today: dt.date) -> tuple[Case, Placement]:
    """A new active case of `username` with one focus child, an ended placement and a current
    one, and an investigation under way (in Sweden after the decision to open it)."""
    case = fresh_case_for(username)
    worker = case.responsible
    referred = today - dt.timedelta(days=400)
    child = case.family.persons.filter(role=PersonRole.CHILD).order_by("birth_date").first()
    child.birth_date = referred.replace(year=referred.year - 8)
    child.save(update_fields=["birth_date"])
    case.status = CaseStatus.ACTIVE
    case.referred_on = case.activated_on = referred
    case.save(update_fields=["status", "referred_on", "activated_on"])
    case.focus_children.set([child])
    sweden = case.organisation.jurisdiction == "SE"
    form, ground = ("familjehem", "SoL 6:1") if sweden else ("plejefamilie", "BL §32")
    ended = services.record_placement(
        case, child, by=worker, started_on=referred, form=form, legal_ground=ground
    )
    services.end_placement(
        ended,
        by=worker,
        ended_on=referred + dt.timedelta(days=90),
        end_kind=PlacementEnd.UNPLANNED,
        end_reason="home_situation",
    )
    current = services.record_placement(
        case,
        child,
        by=worker,
        started_on=referred + dt.timedelta(days=100),
        form=form,
        legal_ground=ground,
    )
    if sweden:
        services.record_investigation_decision(
            case, by=worker, decided_on=referred + dt.timedelta(days=5), opened=True
        )
    services.record_investigation(case, by=worker, started_on=today - dt.timedelta(days=20))
    return case, current


def _error_message(page: Page):
    return page.locator(".messages .message.error")


def _send(page: Page, form, fields: dict[str, str]) -> None:
    for selector, value in fields.items():
        form.locator(selector).fill(value)
    click_and_wait(page, form.locator("button[type=submit]"))


def _check_refused(page: Page, language: str, message: str) -> None:
    refused = _error_message(page)
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text(_say(language, message))
    # The page opens at the message, not at the panel far below it: a sighted user sees why,
    # and a screen reader reads on from it.
    expect(refused).to_be_in_viewport()
    assert page.url.endswith("#messages"), page.url
    assert_accessible(page)


@pytest.mark.browser
@pytest.mark.parametrize("username", [SWEDISH, DANISH])
@pytest.mark.parametrize("language", LANGUAGES)
def test_investigation_and_placement_panels(new_page, shot, username, language):
    today = timezone.localdate()
    case, current = _case_with_placements(username, today)
    _speaking(username, language)
    page = new_page()
    log_in(page, username)
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.goto(f"/cases/{case.public_id}/")
    investigation, placements = (
        page.locator("section.investigation"),
        page.locator("section.placements"),
    )
    expect(investigation).to_be_visible()
    expect(placements.locator("dl.placement")).to_have_count(2)
    for details in placements.locator("details").all():  # the forms open, as a user sees them
        details.locator("summary").click()
    for details in page.locator("section.measures details").all():
        details.locator("summary").click()
    shot(page, f"panels-{language}")
    assert_accessible(page)
    assert page.evaluate(DUPLICATE_IDS) == []

    # An investigation ending before it starts.
    before = (case.investigation_started_on, case.investigation_finished_on)
    form = investigation.locator("form[action$='/investigation/']")
    start = today - dt.timedelta(days=10)
    _send(
        page,
        form,
        {
            "input[name=started_on]": start.isoformat(),
            "input[name=finished_on]": (start - dt.timedelta(days=1)).isoformat(),
        },
    )
    _check_refused(page, language, services.END_BEFORE_START)
    shot(page, f"investigation-refused-{language}")
    case.refresh_from_db()
    assert (case.investigation_started_on, case.investigation_finished_on) == before

    # A placement ending before it starts.
    placements = page.locator("section.placements")
    end_form = placements.locator(f"form[action$='/{current.public_id}/end/']")
    end_form.locator("xpath=..").locator("summary").click()
    end_form.locator("select[name=end-end_kind]").select_option(PlacementEnd.PLANNED)
    _send(
        page,
        end_form,
        {"input[name=end-ended_on]": (current.started_on - dt.timedelta(days=1)).isoformat()},
    )
    _check_refused(page, language, services.PLACEMENT_END_BEFORE_START)
    shot(page, f"placement-refused-{language}")
    current.refresh_from_db()
    assert current.ended_on is None

    # A placement dated years in the future: the form's own error, translated.
    add_form = page.locator("section.placements form[action$='/placements/record/']")
    add_form.locator("xpath=..").locator("summary").click()
    _send(
        page,
        add_form,
        {"input[name=placement-started_on]": today.replace(year=today.year + 3).isoformat()},
    )
    _check_refused(page, language, "A placement cannot be dated in the future.")
    assert case.placements.count() == 2

    # A measure ending before it starts.
    measures = case.measures.count()
    add_measure = page.locator("section.measures form[action$='/measures/']")
    add_measure.locator("xpath=..").locator("summary").click()
    _send(
        page,
        add_measure,
        {
            "input[name=measure-decided_on]": start.isoformat(),
            "input[name=measure-starts_on]": start.isoformat(),
            "input[name=measure-ends_on]": (start - dt.timedelta(days=1)).isoformat(),
        },
    )
    _check_refused(page, language, services.MEASURE_ENDS_BEFORE_START)
    assert case.measures.count() == measures


def _fifa_case_with_parents() -> Case:
    for case in Case.objects.filter(programme=programmes.FIFA, status=CaseStatus.ACTIVE):
        if case.family.persons.filter(role__in=ANSWERING_ROLES).exists():
            return case
    raise AssertionError("the demo has no active FIFA case with a parent")


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_fifa_answers_panel(new_page, shot, language):
    case = _fifa_case_with_parents()
    username = case.responsible.username
    _speaking(username, language)
    page = new_page()
    log_in(page, username)
    page.goto(f"/cases/{case.public_id}/")
    panel = page.locator("section.adult-answers")
    expect(panel.locator("article.adult").first).to_be_visible()
    for summary in panel.locator("summary").all():
        summary.click()
    shot(page, f"fifa-answers-{language}")
    assert_accessible(page)
    assert page.evaluate(DUPLICATE_IDS) == []

    adult = panel.locator("article.adult").first
    before = list(case.adult_answers.values_list("pk", "updated_at"))
    future = timezone.localdate() + dt.timedelta(days=3 * 366)
    adult_form = adult.locator("form")
    _send(page, adult_form, {"input[name$=asked_about_children_on]": future.isoformat()})
    _check_refused(page, language, "An answer cannot be dated in the future.")
    shot(page, f"fifa-answers-refused-{language}")
    assert list(case.adult_answers.values_list("pk", "updated_at")) == before
