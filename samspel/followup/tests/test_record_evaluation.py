"""Recording the family's evaluation of the support closes En process i rörelse's "evaluate the
consultant every 3 months" rule (the real engine, seed 000)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem, SupportEvaluation
from samspel.followup.recompute import recompute_case

NOW = dt.datetime(2026, 9, 10, 12, tzinfo=dt.UTC)
PLACED = dt.date(2026, 3, 2)
RULE = "process-i-rorelse:consultant-evaluation"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def foster_case(case, team):
    team.programme = case.programme = "process-i-rorelse"
    team.save()
    case.status = CaseStatus.ACTIVE
    case.referred_on = case.activated_on = dt.date(2026, 3, 1)
    case.placement_started_on = PLACED
    case.save()
    recompute_case(case)
    return case


def _url(case):
    return reverse("followup:record_evaluation", kwargs={"case_id": case.public_id})


def _due(case):
    return DueItem.objects.get(case=case, rule=RULE)


def test_without_an_evaluation_the_rule_is_overdue_from_the_placement(foster_case):
    assert _due(foster_case).due_on == dt.date(2026, 6, 2)


def test_recording_it_closes_the_rule_and_starts_the_next_period(login, personas, foster_case):
    client = login(personas["worker"])
    response = client.post(_url(foster_case), {"evaluation-evaluated_on": "2026-09-01"})
    assert response.status_code == 302
    evaluation = SupportEvaluation.objects.get(case=foster_case)
    assert (evaluation.evaluated_on, evaluation.recorded_by) == (
        dt.date(2026, 9, 1),
        personas["worker"],
    )
    item = _due(foster_case)
    assert (item.counts_from, item.due_on) == (dt.date(2026, 9, 1), dt.date(2026, 12, 1))
    assert item.explanation_params["last"] == "2026-09-01"
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="followup.supportevaluation")
    assert event.detail == {"case": str(foster_case.public_id), "evaluated_on": "2026-09-01"}
    page = client.get(reverse("cases:detail", args=[foster_case.public_id]))
    assert "Last evaluation recorded: " in page.text
    assert (
        "Every 3 months (the family&#x27;s evaluation); counted from the family evaluation held"
        in page.text
    )


def test_the_form_is_on_the_case_page_of_a_foster_home_case_only(login, personas, foster_case):
    client = login(personas["worker"])
    page = client.get(reverse("cases:detail", args=[foster_case.public_id]))
    assert _url(foster_case) in page.text
    assert "No evaluation is recorded yet." in page.text
    foster_case.programme = "fifa"
    foster_case.save()
    page = client.get(reverse("cases:detail", args=[foster_case.public_id]))
    assert _url(foster_case) not in page.text


def test_readers_see_the_last_evaluation_but_no_form(login, reader, foster_case):
    page = login(reader).get(reverse("cases:detail", args=[foster_case.public_id]))
    assert "No evaluation is recorded yet." in page.text
    assert _url(foster_case) not in page.text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-09-11", "An evaluation cannot be dated in the future."),
        ("9999-12-31", "An evaluation cannot be dated in the future."),
        ("0001-01-01", "The date cannot be before 1900."),
        ("2026-02-01", "The date is before the case was referred."),
        ("2026-02-30", "Enter a valid date."),
        ("", "This field is required."),
    ],
)
def test_bad_dates_change_nothing(login, personas, foster_case, value, message):
    client = login(personas["worker"])
    response = client.post(_url(foster_case), {"evaluation-evaluated_on": value}, follow=True)
    assert message in response.text
    assert not SupportEvaluation.objects.exists()
    assert _due(foster_case).due_on == dt.date(2026, 6, 2)


def test_a_closed_case_refuses(login, personas, foster_case):
    foster_case.status = CaseStatus.CLOSED
    foster_case.closed_on = dt.date(2026, 9, 5)
    foster_case.save()
    client = login(personas["worker"])
    response = client.post(
        _url(foster_case), {"evaluation-evaluated_on": "2026-09-01"}, follow=True
    )
    assert "The case is closed. Nothing was changed." in response.text
    assert not SupportEvaluation.objects.exists()


def test_get_is_not_allowed(login, personas, foster_case):
    assert login(personas["worker"]).get(_url(foster_case)).status_code == 405


def test_outsider_gets_404(login, personas, foster_case):
    data = {"evaluation-evaluated_on": "2026-09-01"}
    assert login(personas["outsider"]).post(_url(foster_case), data).status_code == 404
    assert not SupportEvaluation.objects.exists()


def test_read_only_user_gets_403(login, reader, foster_case):
    data = {"evaluation-evaluated_on": "2026-09-01"}
    assert login(reader).post(_url(foster_case), data).status_code == 403
    assert not SupportEvaluation.objects.exists()
