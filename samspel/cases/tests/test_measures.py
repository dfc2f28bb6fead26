"""Measures (ISSUE10 item 1): a case's legal basis is its decided measures, each dated (decided
on, starts, ends). Adding or ending one through the case page is audited and recomputed; the
measures in force on a day choose the cadence that day; bad input is refused with a translated
message and changes nothing."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from conftest import make_danish_case, translated
from samspel.audit.models import Action, AuditEvent
from samspel.cases import services
from samspel.cases.models import Measure
from samspel.followup.models import DueItem

FOLLOW_UP = "sammen-om-familien:follow-up"
REFERRED = dt.date(2026, 3, 1)
TALK = dt.date(2026, 3, 10)
TWO_WEEKS_LATER = TALK + dt.timedelta(weeks=2)


def _msgid(message) -> str:
    with translation.override("en"):
        return str(message)


def _add(client, case, paragraph, decided_on, starts_on, ends_on=""):
    data = {
        "measure-paragraph": paragraph,
        "measure-decided_on": str(decided_on),
        "measure-starts_on": str(starts_on),
        "measure-ends_on": str(ends_on),
    }
    return client.post(reverse("cases:measure_add", args=[case.public_id]), data, follow=True)


def _end(client, measure, ends_on):
    url = reverse("cases:measure_end", args=[measure.case.public_id, measure.public_id])
    return client.post(url, {"end-measure-ends_on": str(ends_on)}, follow=True)


def _follow_up(case) -> DueItem:
    return DueItem.objects.get(case=case, rule=FOLLOW_UP)


def _state(case) -> tuple:
    return (
        sorted(case.measures.values_list("paragraph", "decided_on", "starts_on", "ends_on")),
        sorted(DueItem.objects.filter(case=case).values_list("rule", "due_on")),
        AuditEvent.objects.filter(action__in=[Action.CREATE, Action.UPDATE]).count(),
    )


@pytest.fixture
def dk_worker(personas):
    """The Danish worker, reading Samspel in Danish."""
    worker = personas["stranger"]
    worker.language = "da"
    worker.save(update_fields=["language"])
    return worker


@pytest.fixture
def referral(other_organisation, dk_worker):
    """A Sammen om familien referral of 1 March 2026 under §41 alone (every 3 months)."""
    with time_machine.travel(dt.datetime(2026, 3, 1, 12), tick=False):
        return make_danish_case(
            other_organisation, dk_worker, legal_basis=["SEL §41"], referred_on=REFERRED
        )


@pytest.fixture
def talk_held(client, dk_worker, referral):
    """The startup talk held on 10 March: the follow-up counts from it, 3 months under §41."""
    client.force_login(dk_worker)
    with time_machine.travel(dt.datetime(2026, 3, 10, 15), tick=False):
        url = reverse("activities:record_held", kwargs={"case_id": referral.public_id})
        data = {"held-kind": "startup_talk", "held-context": "home", "held-held_on": str(TALK)}
        assert client.post(url, data).status_code == 302
    assert _follow_up(referral).due_on == dt.date(2026, 6, 10)
    return client


def test_adding_section_50_two_weeks_after_the_talk_moves_the_follow_up_to_six_weeks_after_it(
    talk_held, referral
):
    with time_machine.travel(dt.datetime(2026, 3, 24, 9), tick=False):
        talk_held.force_login(referral.responsible)
        response = _add(talk_held, referral, "SEL §50", TWO_WEEKS_LATER, TWO_WEEKS_LATER)
    assert translated("The measure is recorded.", "da") in response.text
    item = _follow_up(referral)
    assert item.due_on == TALK + dt.timedelta(weeks=6) == dt.date(2026, 4, 21)
    assert item.counts_from == TALK
    measure = referral.measures.get(paragraph="SEL §50")
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(measure.public_id))
    assert event.detail["paragraph"] == "SEL §50"
    assert event.detail["starts_on"] == "2026-03-24"


def test_a_measure_recorded_late_counts_from_its_own_start(talk_held, referral):
    """Dated in the past: recorded on 10 April, in force since 24 March."""
    with time_machine.travel(dt.datetime(2026, 4, 10, 9), tick=False):
        talk_held.force_login(referral.responsible)
        _add(talk_held, referral, "BL §20", TWO_WEEKS_LATER, TWO_WEEKS_LATER)
    assert _follow_up(referral).due_on == dt.date(2026, 4, 21)


def test_ending_section_50_gives_back_three_months_and_keeps_the_history(talk_held, referral):
    with time_machine.travel(dt.datetime(2026, 3, 24, 9), tick=False):
        talk_held.force_login(referral.responsible)
        _add(talk_held, referral, "SEL §50", TWO_WEEKS_LATER, TWO_WEEKS_LATER)
    measure = referral.measures.get(paragraph="SEL §50")
    with time_machine.travel(dt.datetime(2026, 4, 2, 9), tick=False):
        talk_held.force_login(referral.responsible)
        response = _end(talk_held, measure, dt.date(2026, 4, 1))
        assert translated("The measure's end is recorded.", "da") in response.text
        page = talk_held.get(reverse("cases:detail", args=[referral.public_id])).text
    assert _follow_up(referral).due_on == dt.date(2026, 6, 10)
    measure.refresh_from_db()
    assert measure.ends_on == dt.date(2026, 4, 1)
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(measure.public_id))
    ended = page.split(f"<h3>{translated('Ended', 'da')}</h3>")[1]
    assert "SEL §50" in ended and "BL §20" in ended  # the old and the new numbering
    assert translated("Measures and legal basis", "da") in page


def test_a_measure_decided_ahead_takes_effect_on_its_start_with_the_nightly_recompute(
    talk_held, referral
):
    starts = dt.date(2026, 4, 1)
    with time_machine.travel(dt.datetime(2026, 3, 24, 9), tick=False):
        talk_held.force_login(referral.responsible)
        _add(talk_held, referral, "SEL §50", TWO_WEEKS_LATER, starts)
        page = talk_held.get(reverse("cases:detail", args=[referral.public_id])).text
    assert _follow_up(referral).due_on == dt.date(2026, 6, 10)  # not in force yet
    assert "SEL §50" in page.split(f"<h3>{translated('Decided, starting later', 'da')}</h3>")[1]
    with time_machine.travel(dt.datetime(2026, 4, 1, 2), tick=False):
        call_command("recompute_due_items", "--basis-changes-today", stdout=io.StringIO())
    assert _follow_up(referral).due_on == dt.date(2026, 4, 21)


def test_the_nightly_recompute_touches_only_cases_whose_basis_changes(
    talk_held, referral, active_case, capsys
):
    with time_machine.travel(dt.datetime(2026, 4, 1, 2), tick=False):
        call_command("recompute_due_items", "--basis-changes-today", "--dry-run")
    assert "total: 0 cases" in capsys.readouterr().out


# Bad input ---------------------------------------------------------------------------------------

TODAY = dt.datetime(2026, 3, 24, 9)


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize(
    ("paragraph", "decided", "starts", "ends", "message"),
    [
        ("SoL 6:1", "2026-03-20", "2026-03-18", "", services.MEASURE_STARTS_BEFORE_DECISION),
        ("SoL 6:1", "2026-03-20", "2026-03-20", "2026-03-19", services.MEASURE_ENDS_BEFORE_START),
        ("SoL 6:1", "2026-04-20", "2026-04-20", "", "A decision cannot be dated in the future."),
        (
            "SoL 6:1",
            "2026-03-20",
            "2029-03-20",
            "",
            "The date cannot be more than a year from today.",
        ),
        ("SoL 6:1", "2026-03-20", "2026-03-20", "2036-01-01", "A planned time must be within"),
        ("SoL 6:1", "2026-02-30", "2026-03-20", "", "Enter a valid date."),
        ("SoL 6:1", "1899-12-31", "2026-03-20", "", "The date cannot be before 1900."),
    ],
)
def test_bad_measures_are_refused_translated_and_change_nothing(
    login, personas, active_case, paragraph, decided, starts, ends, message, language
):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    client = login(worker)
    before = _state(active_case)
    with time_machine.travel(TODAY, tick=False):
        response = _add(client, active_case, paragraph, decided, starts, ends)
    msgid = _msgid(message)
    if language == "en":
        assert escape(msgid) in response.text
    elif msgid.endswith("."):
        assert translated(msgid, language) in response.text
    assert _state(active_case) == before


def test_a_paragraph_of_the_other_country_is_refused(login, personas, active_case):
    before = _state(active_case)
    with time_machine.travel(TODAY, tick=False):
        response = _add(
            login(personas["worker"]), active_case, "BL §20", "2026-03-20", "2026-03-20"
        )
    assert (
        "BL §20 is not a paragraph of the law of the organisation&#x27;s country." in response.text
    )
    assert _state(active_case) == before
    with pytest.raises(services.Refused):
        services.add_measure(
            active_case,
            by=personas["worker"],
            paragraph="BL §20",
            decided_on=dt.date(2026, 3, 20),
            starts_on=dt.date(2026, 3, 20),
        )


def test_the_same_paragraph_cannot_be_in_force_twice_in_either_numbering(
    login, personas, referral, dk_worker
):
    """SEL §41 is in force from the referral: BL §86 is the same paragraph renumbered."""
    client = login(dk_worker)
    before = _state(referral)
    with time_machine.travel(TODAY, tick=False):
        response = _add(client, referral, "BL §86", "2026-03-20", "2026-03-20")
    assert (
        "is already a measure of the case from" in response.text
        or translated(
            "%(code)s is already a measure of the case from %(starts_on)s. End that one first, or "
            "date the new one after its end. Nothing was changed.",
            "da",
        ).split("%")[0]
        in response.text
    )
    assert _state(referral) == before
    # After the end of the first, the renumbered paragraph may follow it.
    with time_machine.travel(TODAY, tick=False):
        _end(client, referral.measures.get(), "2026-03-19")
        _add(client, referral, "BL §86", "2026-03-20", "2026-03-20")
    assert set(referral.measures.values_list("paragraph", "ends_on")) == {
        ("SEL §41", dt.date(2026, 3, 19)),
        ("BL §86", None),
    }


def test_a_measure_ends_once_and_not_before_it_starts(login, personas, active_case):
    client = login(personas["worker"])
    measure = active_case.measures.get()
    before = _state(active_case)
    with time_machine.travel(TODAY, tick=False):
        response = _end(client, measure, "2026-01-01")
        assert _msgid(services.MEASURE_ENDS_BEFORE_START) in response.text
        assert _state(active_case) == before
        _end(client, measure, "2026-03-23")
        after = _state(active_case)
        response = _end(client, measure, "2026-03-24")
    assert _msgid(services.MEASURE_ALREADY_ENDS) in response.text
    assert _state(active_case) == after
    measure.refresh_from_db()
    assert measure.ends_on == dt.date(2026, 3, 23) and measure.ended_by == personas["worker"]


def test_another_cases_measure_is_404_and_unchanged(login, personas, active_case, open_case):
    other = open_case.measures.get()
    url = reverse("cases:measure_end", args=[active_case.public_id, other.public_id])
    response = login(personas["worker"]).post(url, {"end-measure-ends_on": "2026-03-23"})
    assert response.status_code == 404
    assert Measure.objects.get(pk=other.pk).ends_on is None


def test_the_case_page_shows_the_basis_in_force_and_readers_get_no_form(
    login, personas, active_case, reader
):
    page = login(reader).get(reverse("cases:detail", args=[active_case.public_id])).text
    assert "SoL 4:1" in page.split('class="legal-basis"')[1].split("</ul>")[0]
    assert reverse("cases:measure_add", args=[active_case.public_id]) not in page
    page = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    assert reverse("cases:measure_add", args=[active_case.public_id]) in page.text


def test_the_2025_acts_number_is_shown_beside_the_old_where_the_catalogue_holds_it(
    login, personas, active_case, monkeypatch
):
    from dataclasses import replace

    from samspel.catalogues.loader import catalogue

    paragraphs = catalogue("SE").paragraphs
    page = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    assert "2025:400" not in page.text  # none confirmed in the shipped catalogue: none invented
    confirmed = replace(paragraphs["SoL 4:1"], act_2025="SoL (2025:400) 4 kap. 1 §")
    monkeypatch.setitem(paragraphs, "SoL 4:1", confirmed)
    page = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    measures = page.text.split('id="measures-heading"')[1]
    assert measures.count("(SoL (2025:400) 4 kap. 1 §)") == 2  # the measure and the choice
