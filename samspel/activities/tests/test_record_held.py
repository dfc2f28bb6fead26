import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.activities.models import Activity, ActivityStatus
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem
from samspel.followup.tests import fake_engine

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
pytestmark = pytest.mark.usefixtures("fake")


@pytest.fixture
def fake(monkeypatch):
    fake_engine.install(monkeypatch)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _url(case):
    return reverse("activities:record_held", kwargs={"case_id": case.public_id})


def _data(**changes):
    data = {
        "held-kind": "home_visit",
        "held-context": "home",
        "held-held_on": "2026-03-09",
        "held-minutes": "60",
        "held-note": "Besök i hemmet, barnet visade sitt rum.",
    }
    data.update({f"held-{key}": value for key, value in changes.items()})
    return data


def test_a_held_activity_is_saved_audited_and_moves_the_due_item(login, personas, active_case):
    client = login(personas["buddy"])
    response = client.post(_url(active_case), _data())
    assert response.status_code == 302 and response.url == reverse(
        "cases:detail", args=[active_case.public_id]
    )
    activity = Activity.objects.get(case=active_case)
    assert activity.status == ActivityStatus.HELD and activity.held_on == dt.date(2026, 3, 9)
    assert (activity.kind, activity.context, activity.minutes) == ("home_visit", "home", 60)
    assert activity.created_by == personas["buddy"]
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(activity.public_id))
    assert event.detail["kind"] == "home_visit" and event.detail["held_on"] == "2026-03-09"
    assert "note" not in event.detail  # the journal note stays out of the audit trail
    assert DueItem.objects.get(case=active_case).due_on == dt.date(2026, 4, 8)


def test_the_form_is_on_the_case_page(login, personas, active_case):
    page = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    html = page.content.decode()
    assert _url(active_case) in html and "Record a held activity" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": "2026-03-11"}, "A held activity cannot be dated in the future."),
        ({"held_on": "9999-12-31"}, "A held activity cannot be dated in the future."),
        ({"held_on": "0001-01-01"}, "The date cannot be before 1900."),
        ({"held_on": "2026-01-01"}, "The date is before the case was referred."),
        ({"held_on": ""}, "This field is required."),
        ({"minutes": "1441"}, "Minutes must be between 0 and 1440."),
        ({"minutes": "-5"}, "greater than or equal to 0"),
        ({"kind": "teleportation"}, "Choose one from the list."),
    ],
)
def test_bad_input_changes_nothing(login, personas, active_case, changes, message):
    response = login(personas["worker"]).post(_url(active_case), _data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_a_closed_case_takes_no_activity(login, personas, active_case):
    active_case.status = CaseStatus.CLOSED
    active_case.closed_on = dt.date(2026, 3, 1)
    active_case.save()
    response = login(personas["worker"]).post(_url(active_case), _data(), follow=True)
    assert "The case is closed." in response.content.decode()
    assert not Activity.objects.exists()


def test_get_is_not_allowed(login, personas, active_case):
    assert login(personas["worker"]).get(_url(active_case)).status_code == 405


def test_outsider_gets_404(login, personas, active_case):
    for persona in ("outsider", "stranger", "auditor"):
        assert login(personas[persona]).post(_url(active_case), _data()).status_code == 404
    assert not Activity.objects.exists()


def test_read_only_user_gets_403(login, reader, active_case):
    assert login(reader).post(_url(active_case), _data()).status_code == 403
    assert not Activity.objects.exists()
