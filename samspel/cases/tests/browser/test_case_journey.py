"""Issue 3's journey: a worker registers a family (one person with protected identity), opens a
Sammen om familien case on §41 + §42, and the case shows both paragraph numberings; writes a
plan (long-term goal, two sub-goals with responsible parties, coordination, progress) and gets
its PDF without the protected address; an outsider gets 'not found' until emergency access,
which the team leader then sees flagged. Screenshots of each page; axe-core finds nothing."""

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.web.tests.browser.helpers import assert_accessible, click_and_wait, log_in, log_out

PROTECTED_ADDRESS = "Hemmelig Allé 12, 8000 Aarhus C"


def _register_family(page: Page, shot) -> None:
    page.goto("/cases/")
    click_and_wait(page, page.get_by_role("link", name="Register a family"))
    page.locator("#id_family-name").fill("Familien Holm-Journey")
    page.locator("#id_person-role").select_option("parent")
    page.locator("#id_person-first_name").fill("Maja")
    page.locator("#id_person-last_name").fill("Holm")
    page.locator("#id_person-protected_identity").check()
    page.locator("#id_person-address").fill(PROTECTED_ADDRESS)
    shot(page, "family-form")
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("button", name="Register"))
    expect(page.locator("h1")).to_have_text("Familien Holm-Journey")


def _add_child(page: Page, shot) -> None:
    click_and_wait(page, page.get_by_role("link", name="Add a person"))
    page.locator("#id_role").select_option("child")
    page.locator("#id_first_name").fill("Oskar")
    page.locator("#id_last_name").fill("Holm")
    page.locator("#id_personal_number").fill("0101154000")
    click_and_wait(page, page.get_by_role("button", name="Save"))
    expect(page.locator("main table")).to_contain_text("Oskar Holm")
    expect(page.locator("main table")).to_contain_text("Protected identity")
    shot(page, "family")
    assert_accessible(page)


def _open_case(page: Page, shot) -> Case:
    click_and_wait(page, page.get_by_role("link", name="Open a case"))
    page.get_by_label("Oskar Holm").check()
    page.locator("#id_programme").select_option("sammen-om-familien")
    page.locator("#id_team").select_option(label="Handicaprådgivning Nord")
    shot(page, "case-form")
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("button", name="Open the case"))
    expect(page.locator(".legal-basis")).to_contain_text("No legal basis recorded.")
    for code in ["SEL §41", "SEL §42"]:  # the decided measures, from today
        panel = page.locator("section.measures")
        panel.get_by_text("Add a measure").click()
        panel.locator("#id_measure-paragraph").select_option(code)
        click_and_wait(page, panel.get_by_role("button", name="Record the measure"))
        expect(page.locator("#messages")).to_contain_text("The measure is recorded.")
    expect(page.locator(".legal-basis")).to_contain_text("SEL §41 = BL §86")
    expect(page.locator(".legal-basis")).to_contain_text("SEL §42 = BL §87")
    shot(page, "case")
    assert_accessible(page)
    return Case.objects.get(family__name="Familien Holm-Journey")


def _submit(page: Page, button_id: str) -> None:
    click_and_wait(page, page.locator(f"#{button_id}"))


def _write_plan(page: Page, case: Case, shot) -> str:
    """A plan with a long-term goal, two sub-goals with responsible parties, a coordination
    responsibility and a progress rating."""
    page.goto(f"/cases/{case.public_id}/plans/")
    click_and_wait(page, page.locator("#new-plan"))
    page.locator("#id_kind").select_option("child_plan")
    page.locator("#id_title").fill("Oskars handleplan")
    page.locator("#id_starts_on").fill(case.referred_on.isoformat())
    _submit(page, "save-plan")
    plan_url = page.url.split("#")[0]
    click_and_wait(page, page.locator("#add-long-term-goal"))
    page.locator("#id_text").fill("Oskar trives i skolen og i familien")
    page.locator("#id_responsible_party_0").check()
    _submit(page, "save-goal")
    click_and_wait(page, page.locator("#add-goal"))
    page.locator("#id_text").fill("Oskar deltager i klassens aktiviteter")
    page.locator("#id_responsible_party_1").check()
    _submit(page, "save-goal")
    for what, party in (("Oskar går i skole fire dage om ugen", 0), ("Møde med PPR", 1)):
        click_and_wait(page, page.locator("#add-subgoal"))
        page.locator("#id_goal").select_option(label="Oskar deltager i klassens aktiviteter")
        page.locator("#id_what").fill(what)
        page.locator("#id_indicator").fill("Antal dage registreret af skolen")
        page.locator("#id_target_date").fill((case.referred_on.replace(year=2027)).isoformat())
        page.locator(f"#id_responsible_party_{party}").check()
        _submit(page, "save-subgoal")
    click_and_wait(page, page.locator("#add-coordination"))
    page.locator("#id_actor").fill("Skolen")
    page.locator("#id_coordinator_0").check()
    _submit(page, "save-coordination")
    expect(page.locator("#coordination-table")).to_contain_text("Skolen")
    click_and_wait(page, page.locator(".progress-link").first)
    page.locator("#id_value").fill("6")
    _submit(page, "save-progress")
    page.goto(plan_url)
    expect(page.locator("#goals")).to_contain_text("Møde med PPR")
    expect(page.locator("#goals .progress-value").first).to_contain_text("6 of 10")
    shot(page, "plan")
    assert_accessible(page)
    return plan_url


def _check_pdf(page: Page, plan_url: str) -> None:
    page.goto(plan_url)
    with page.expect_download() as download_info:
        page.locator("#download-pdf").click()
    pdf = PdfReader(download_info.value.path())
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Oskar trives i skolen" in text
    assert "Hemmelig" not in text


@pytest.mark.browser
def test_worker_opens_a_case_and_outsider_needs_emergency_access(new_page, shot):
    User.objects.filter(username__in=["worker", "leader", "outsider"]).update(language="en")
    page = new_page()
    log_in(page, "worker")
    _register_family(page, shot)
    _add_child(page, shot)
    case = _open_case(page, shot)
    expect(page.locator("main")).to_contain_text(PROTECTED_ADDRESS)  # the worker is authorised
    _check_pdf(page, _write_plan(page, case, shot))
    log_out(page)

    log_in(page, "leader")
    page.goto(f"/cases/{case.public_id}/")
    expect(page.locator("main")).not_to_contain_text(PROTECTED_ADDRESS)
    expect(page.locator("main")).to_contain_text("Hidden: protected identity")
    log_out(page)

    log_in(page, "outsider")
    response = page.goto(f"/cases/{case.public_id}/")
    assert response.status == 404
    shot(page, "outsider-not-found")
    page.goto("/cases/")
    page.locator("details.emergency summary").click()
    page.locator("#id_number").fill(case.number)
    page.locator("#id_reason").fill("The school reports the child did not come home")
    shot(page, "emergency-form")
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("button", name="Open with emergency access"))
    expect(page.locator("main")).to_contain_text("emergency access")
    shot(page, "emergency-case")
    log_out(page)

    log_in(page, "leader")
    flags = page.locator("section.flagged")
    expect(flags).to_contain_text("The school reports the child did not come home")
    expect(flags).to_contain_text(case.number)
    shot(page, "leader-sees-flag")
    assert_accessible(page)
