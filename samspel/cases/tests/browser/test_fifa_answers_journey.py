"""A Swedish worker on a demo FIFA case records a parent's two answers on the case page: the
panel lists the parents with what is missing, the form saves, the answers show; axe-core finds
nothing and the panel fits a phone's width."""

import pytest
from playwright.sync_api import expect

from samspel.cases.models import ANSWERING_ROLES, AdultAnswers, Case, CaseStatus
from samspel.organisations import programmes
from samspel.web.tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    log_in,
    phone_width,
)

SECTION_OVERFLOW = """() => Math.max(...[...document.querySelectorAll('section.adult-answers *')]
    .map(e => e.getBoundingClientRect().right)) - innerWidth"""


def _unanswered_fifa_case() -> tuple[Case, object]:
    for case in Case.objects.filter(programme=programmes.FIFA, status=CaseStatus.ACTIVE):
        answered = set(case.adult_answers.values_list("person_id", flat=True))
        for parent in case.family.persons.filter(role__in=ANSWERING_ROLES).order_by("pk"):
            if parent.pk not in answered:
                return case, parent
    raise AssertionError("the demo has no FIFA case with a parent still to ask")


@pytest.mark.browser
def test_a_worker_records_a_parent_s_answers(new_page, shot):
    case, parent = _unanswered_fifa_case()
    page = new_page()
    log_in(page, case.responsible.username)
    page.goto(f"/cases/{case.public_id}/")
    panel = page.locator("section.adult-answers")
    expect(panel).to_be_visible()
    adult = panel.locator("article.adult").filter(
        has=page.locator(f"#id_adult{parent.pk}_answers-person")
    )
    expect(adult.locator(".missing")).to_have_count(2)
    adult.locator("summary").click()
    prefix = f"#id_adult{parent.pk}_answers-"
    page.locator(prefix + "asked_about_children_on").fill(str(case.activated_on))
    page.locator(prefix + "children_answer").fill("Barnen går i skolan och mår bra.")
    page.locator(prefix + "parenting_support_offered_on").fill(str(case.activated_on))
    page.locator(prefix + "support_answer").select_option("accepted")
    shot(page, "fifa-answers-form")
    assert_accessible(page)
    click_and_wait(page, adult.locator("button[type=submit]"))
    answers = AdultAnswers.objects.get(case=case, person=parent)
    assert answers.support_answer == "accepted"
    adult = page.locator("section.adult-answers article.adult").filter(
        has=page.locator(f"#id_adult{parent.pk}_answers-person")
    )
    expect(adult).to_contain_text("Barnen går i skolan och mår bra.")
    expect(adult.locator(".missing")).to_have_count(0)
    shot(page, "fifa-answers-recorded")
    assert_accessible(page)
    with phone_width(page):
        # The case facts above already reach past a phone's width; the answers must not.
        overflow = page.evaluate(SECTION_OVERFLOW)
        assert overflow <= 0, f"the adults' answers reach {overflow}px past the phone's width"
