"""Which activities count, said where they are recorded (ISSUE10 item 6), and the first contact
of a referral offering to make the case active from that day (item 5), with the real engine."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_danish_case
from samspel.activities.models import Activity
from samspel.activities.tests.factories import at, planned_activity
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem
from samspel.programmes.counting import counting
from samspel.programmes.loader import law, programme

WEEKLY = "process-i-rorelse:weekly-follow-up"


def _record(client, case, kind, held_on="2026-03-09", context="home"):
    data = {"held-kind": kind, "held-context": context, "held-held_on": held_on}
    return client.post(
        reverse("activities:record_held", kwargs={"case_id": case.public_id}), data, follow=True
    )


def _said(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_the_rule_says_which_kinds_count_for_an_open_item():
    rules = programme("process-i-rorelse"), law("SE")
    item = [(WEEKLY, "Weekly follow-up")]
    counts, not_counts = counting("home_visit", item, *rules)
    assert [c.key for c in counts] == [WEEKLY] and not_counts == []
    counts, not_counts = counting("follow_up_meeting", item, *rules)
    assert counts == [] and not_counts[0].kinds == ("home_visit", "video_call")
    # An item no activity closes (the family's evaluation) is neither.
    evaluation = [("process-i-rorelse:consultant-evaluation", "Evaluation")]
    assert counting("home_visit", evaluation, *rules) == ([], [])


def test_the_held_form_marks_the_kinds_that_count(login, personas, foster_case):
    page = login(personas["worker"]).get(reverse("cases:detail", args=[foster_case.public_id]))
    assert "Home visit (counts as the weekly follow-up)" in page.text
    assert "Video call (counts as the weekly follow-up)" in page.text
    assert "Follow-up meeting (counts" not in page.text
    assert "Phone call (counts" not in page.text


def test_the_plan_form_marks_them_too(login, personas, foster_case):
    page = login(personas["worker"]).get(reverse("activities:plan", args=[foster_case.public_id]))
    assert "Home visit (counts as the weekly follow-up)" in page.text


def test_a_home_visit_says_it_closed_the_weekly_follow_up_and_when_the_next_is_due(
    login, personas, foster_case
):
    response = _record(login(personas["worker"]), foster_case, "home_visit")
    said = _said(response)
    assert said.startswith("Home visit on ")  # the saving's own message, then what it closed
    assert said.endswith(
        " is recorded. It closed the weekly follow-up; the next is due 16 March 2026."
    )
    assert DueItem.objects.get(case=foster_case, rule=WEEKLY).due_on == dt.date(2026, 3, 16)


def test_a_follow_up_meeting_says_why_it_closed_nothing(login, personas, foster_case):
    due = DueItem.objects.get(case=foster_case, rule=WEEKLY).due_on
    client = login(personas["worker"])
    response = _record(client, foster_case, "follow_up_meeting", context="office")
    assert _said(response).endswith(
        "It closed nothing: a follow-up meeting does not count for the weekly follow-up "
        "(home visit or video call)."
    )
    assert DueItem.objects.get(case=foster_case, rule=WEEKLY).due_on == due


def test_an_older_home_visit_says_the_follow_up_counts_from_a_later_day(
    login, personas, foster_case
):
    client = login(personas["worker"])
    _record(client, foster_case, "home_visit", held_on="2026-03-09")
    response = _record(client, foster_case, "home_visit", held_on="2026-03-02")
    assert "It did not close the weekly follow-up, which counts from 9 March 2026." in _said(
        response
    )


def test_marking_a_planned_visit_held_says_what_it_closed(login, personas, foster_case):
    activity = planned_activity(foster_case, start=at(dt.date(2026, 3, 9), 10))
    url = reverse("activities:held", args=[foster_case.public_id, activity.public_id])
    response = login(personas["worker"]).post(
        url, {"held_on": "2026-03-09", "minutes": "60"}, follow=True
    )
    assert "It closed the weekly follow-up; the next is due 16 March 2026." in _said(response)


# The startup talk of a referral ----------------------------------------------------------------


@pytest.fixture
def danish_referral(other_organisation, personas):
    """A Sammen om familien case of the Danish organisation, referred on 1 March 2026 for §41
    and §50."""
    return make_danish_case(
        other_organisation,
        personas["stranger"],
        legal_basis=["SEL §41", "SEL §50"],
        referred_on=dt.date(2026, 3, 1),
    )


def test_the_startup_talk_starts_the_cadence_and_offers_to_make_the_case_active(
    login, personas, danish_referral
):
    case = danish_referral
    client = login(personas["stranger"])
    response = _record(client, case, "startup_talk", held_on="2026-03-10")
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRAL  # offered, never changed silently
    item = DueItem.objects.get(case=case, rule="sammen-om-familien:follow-up")
    assert (item.counts_from, item.due_on) == (dt.date(2026, 3, 10), dt.date(2026, 4, 21))
    assert item.explanation_params["held"] == "startup_talk"
    assert "counted from the startup talk held 10 March 2026" in response.text
    assert "Make the case active from 10 March 2026" in response.text

    response = client.post(
        reverse("cases:status", args=[case.public_id]),
        {"status": "active", "on": "2026-03-10"},
        follow=True,
    )
    case.refresh_from_db()
    assert (case.status, case.activated_on) == (CaseStatus.ACTIVE, dt.date(2026, 3, 10))
    event = AuditEvent.objects.filter(object_type="cases.case", action=Action.UPDATE).last()
    assert event.detail["status"] == [CaseStatus.REFERRAL, CaseStatus.ACTIVE]
    assert event.detail["on"] == "2026-03-10"
    assert "Make the case active" not in response.text


def test_the_explanation_and_the_offer_read_in_danish(login, personas, danish_referral):
    personas["stranger"].language = "da"
    personas["stranger"].save()
    client = login(personas["stranger"])
    response = _record(client, danish_referral, "startup_talk", held_on="2026-03-10")
    assert "regnet fra opstartssamtale den 10. marts 2026" in response.text
    assert "Gør sagen aktiv fra 10. marts 2026" in response.text
    assert "Aktiviteten opfyldte opstartssamtale." in response.text


def test_an_active_case_is_not_offered_activation(login, personas, foster_case):
    client = login(personas["worker"])
    response = _record(client, foster_case, "home_visit")
    assert "Make the case active" not in response.text
    assert Activity.objects.filter(case=foster_case).count() == 1
