"""FIFA's answers per adult (seed 002, ISSUE10 item 4), through the case page's real form: each
parent is asked how their children are and offered parenting support; the two due items close
when every parent has answered, and bad input changes nothing."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import translated
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import AdultAnswers, CaseStatus
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case

NOW = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
ASKED, OFFERED = "fifa:asked-about-children", "fifa:parenting-support-offered"
WORKLIST = "/worklist/"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def fifa_case(case):
    case.status = CaseStatus.ACTIVE
    case.referred_on = dt.date(2026, 3, 1)
    case.activated_on = dt.date(2026, 3, 2)
    case.save()
    recompute_case(case)
    return case


@pytest.fixture
def second_parent(family):
    return Person.objects.create(
        family=family, role=PersonRole.PARENT, first_name="Jonas", last_name="Berg"
    )


def _url(case):
    return reverse("cases:adult_answers", args=[case.public_id])


def _asked(person, on="2026-03-10", answer="Barnen mår bra."):
    return {
        "answers-person": str(person.public_id),
        "answers-asked_about_children_on": on,
        "answers-children_answer": answer,
    }


def _both(person, asked="2026-03-10", offered="2026-03-12", answer="accepted"):
    return {
        **_asked(person, asked),
        "answers-parenting_support_offered_on": offered,
        "answers-support_answer": answer,
        "answers-support_note": "Vill börja i föräldragruppen.",
    }


def _open_rules(case):
    return set(
        DueItem.objects.filter(case=case, rule__in=[ASKED, OFFERED]).values_list("rule", flat=True)
    )


def test_the_items_stay_open_until_every_parent_has_answered_both(
    login, personas, fifa_case, parent, second_parent
):
    client = login(personas["worker"])
    assert _open_rules(fifa_case) == {ASKED, OFFERED}
    response = client.post(_url(fifa_case), _asked(parent))
    assert response.status_code == 302
    answers = AdultAnswers.objects.get(case=fifa_case, person=parent)
    assert (answers.asked_about_children_on, answers.children_answer) == (
        dt.date(2026, 3, 10),
        "Barnen mår bra.",
    )
    assert answers.updated_by == personas["worker"]
    assert _open_rules(fifa_case) == {ASKED, OFFERED}  # the second parent is not asked yet

    client.post(_url(fifa_case), _both(parent))
    assert _open_rules(fifa_case) == {ASKED, OFFERED}
    page = client.get(WORKLIST).content.decode()
    assert page.count("1 of 2 adults have answered") == 2  # both items say who is missing
    client.post(_url(fifa_case), _asked(second_parent, "2026-03-15"))
    assert _open_rules(fifa_case) == {OFFERED}
    page = client.get(WORKLIST).content.decode()
    assert "Offer parenting support" in page and "Ask about the children" not in page

    client.post(_url(fifa_case), _both(second_parent, "2026-03-15", "2026-03-16", "thinking"))
    assert _open_rules(fifa_case) == set()
    page = client.get(WORKLIST).content.decode()
    assert "Offer parenting support" not in page and "Ask about the children" not in page
    events = AuditEvent.objects.filter(object_type="cases.adultanswers")
    assert [event.action for event in events.order_by("pk")] == [
        Action.CREATE,
        Action.UPDATE,
        Action.CREATE,
        Action.UPDATE,
    ]
    assert events.order_by("pk").first().detail["person"] == str(parent.public_id)


def test_the_case_page_lists_each_parent_with_what_is_missing(
    login, personas, fifa_case, parent, second_parent
):
    client = login(personas["worker"])
    client.post(_url(fifa_case), _both(parent))
    page = client.get(reverse("cases:detail", args=[fifa_case.public_id])).content.decode()
    assert _url(fifa_case) in page
    assert "Lena Berg" in page and "Jonas Berg" in page
    assert "Barnen mår bra." in page and "Accepted" in page
    assert page.count("Not asked yet") == 1 and page.count("Not offered yet") == 1
    start = page.index('class="adult-answers"')
    fifa = page[start : page.index("</section>", start)]
    assert "Elsa Berg</h3>" not in fifa  # the child is not asked


def test_a_protected_parent_is_named_by_the_display_rule(
    login, emergency_reader, fifa_case, parent
):
    page = login(emergency_reader).get(reverse("cases:detail", args=[fifa_case.public_id]))
    text = page.content.decode()
    assert "<h3>LB</h3>" in text and "Lena Berg" not in text
    assert _url(fifa_case) not in text  # emergency access reads only


def test_readers_see_the_answers_but_no_form(login, reader, fifa_case, parent):
    page = login(reader).get(reverse("cases:detail", args=[fifa_case.public_id])).content.decode()
    assert "Not asked yet" in page
    assert _url(fifa_case) not in page


def test_a_case_of_another_programme_has_no_panel(login, personas, fifa_case):
    fifa_case.programme = "bfamily"
    fifa_case.save()
    page = login(personas["worker"]).get(reverse("cases:detail", args=[fifa_case.public_id]))
    assert _url(fifa_case) not in page.content.decode()


def _other_family_parent(organisation):
    other = Family.objects.create(organisation=organisation, name="Familjen Ek")
    return Person.objects.create(
        family=other, role=PersonRole.PARENT, first_name="Per", last_name="Ek"
    )


NOT_AN_ADULT = (
    "Only a parent in the case's family is asked about the children and offered parenting "
    "support. Nothing was changed."
)
BAD = [
    (
        lambda parent, child, stranger, case: _asked(parent, "2026-03-21"),
        "An answer cannot be dated in the future.",
    ),
    (
        lambda parent, child, stranger, case: _asked(parent, "2026-02-27"),
        "The date is before the case was referred.",
    ),
    (
        lambda parent, child, stranger, case: _asked(parent, answer=""),
        "Give both the day the adult was asked and their answer. Nothing was changed.",
    ),
    (
        lambda parent, child, stranger, case: {**_both(parent), "answers-support_answer": ""},
        "Give both the day support was offered and the answer. Nothing was changed.",
    ),
    (lambda parent, child, stranger, case: _asked(stranger), NOT_AN_ADULT),
    (lambda parent, child, stranger, case: _asked(child), NOT_AN_ADULT),
    (
        lambda parent, child, stranger, case: {
            **_asked(parent),
            "answers-person": str(case.public_id),
        },
        NOT_AN_ADULT,
    ),
]


@pytest.mark.parametrize("language", ["sv", "da"])
@pytest.mark.parametrize(("post", "message"), BAD)
def test_bad_input_is_refused_in_the_reader_s_language_and_changes_nothing(
    login, personas, fifa_case, parent, child, organisation, language, post, message
):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    stranger = _other_family_parent(organisation)
    client = login(worker)
    response = client.post(_url(fifa_case), post(parent, child, stranger, fifa_case), follow=True)
    assert translated(message, language) in response.content.decode()
    assert not AdultAnswers.objects.exists()
    assert not AuditEvent.objects.filter(object_type="cases.adultanswers").exists()
    assert _open_rules(fifa_case) == {ASKED, OFFERED}


def test_a_closed_case_refuses(login, personas, fifa_case, parent):
    fifa_case.status = CaseStatus.CLOSED
    fifa_case.closed_on = dt.date(2026, 3, 18)
    fifa_case.save()
    response = login(personas["worker"]).post(_url(fifa_case), _both(parent), follow=True)
    assert "The case is closed. Nothing was changed." in response.content.decode()
    assert not AdultAnswers.objects.exists()


def test_get_is_not_allowed(login, personas, fifa_case):
    assert login(personas["worker"]).get(_url(fifa_case)).status_code == 405


def test_a_reader_may_not_write(login, reader, fifa_case, parent):
    assert login(reader).post(_url(fifa_case), _both(parent)).status_code == 403
    assert not AdultAnswers.objects.exists()


def test_an_outsider_gets_404(login, personas, fifa_case, parent):
    assert login(personas["outsider"]).post(_url(fifa_case), _both(parent)).status_code == 404
    assert not AdultAnswers.objects.exists()
