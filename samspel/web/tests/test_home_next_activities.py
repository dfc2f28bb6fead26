"""The worker's home page: the next planned activities on the organisation's clock, and one
audit event naming every case the page lists."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.activities.tests.factories import at, planned_activity
from samspel.audit.models import Action, AuditEvent

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _home(client, user) -> str:
    client.force_login(user)
    return client.get("/").content.decode()


def test_the_next_planned_activities_link_to_their_pages(client, personas, active_case):
    visit = planned_activity(active_case, start=at(TODAY + dt.timedelta(days=1), 9, 30))
    html = _home(client, personas["worker"])
    assert "Next in your calendar" in html
    assert reverse("activities:detail", args=[active_case.public_id, visit.public_id]) in html
    assert "09:30" in html and active_case.number in html


def test_past_and_cancelled_activities_are_left_out(client, personas, active_case):
    planned_activity(active_case, start=at(TODAY - dt.timedelta(days=1), 9), kind="video_call")
    cancelled = planned_activity(
        active_case, start=at(TODAY + dt.timedelta(days=2), 9), kind="group_talk"
    )
    cancelled.status = ActivityStatus.CANCELLED
    cancelled.save()
    html = _home(client, personas["worker"])
    assert "Video call" not in html and "Group talk" not in html
    assert "Nothing is planned." in html


def test_only_five_are_shown_in_time_order(client, personas, active_case):
    for day in range(1, 8):
        planned_activity(active_case, start=at(TODAY + dt.timedelta(days=day), 8 + day))
    html = _home(client, personas["worker"])
    times = [f"{8 + day:02d}:00" for day in range(1, 8)]
    shown = [time for time in times if time in html]
    assert shown == times[:5]


def test_an_outsider_sees_nothing_of_the_case(client, personas, active_case):
    planned_activity(active_case, start=at(TODAY + dt.timedelta(days=1), 9, 30))
    html = _home(client, personas["outsider"])
    assert active_case.number not in html and "09:30" not in html


def test_the_read_names_the_listed_cases(client, personas, active_case):
    planned_activity(active_case, start=at(TODAY + dt.timedelta(days=1), 9, 30))
    _home(client, personas["worker"])
    event = AuditEvent.objects.get(action=Action.VIEW, actor_id=personas["worker"].pk)
    assert event.detail["cases"] == [str(active_case.public_id)]


def test_a_coming_activity_whose_reminder_failed_is_flagged(client, personas, active_case, parent):
    from samspel.reminders.models import Reminder, ReminderStatus

    visit = planned_activity(active_case, start=at(TODAY + dt.timedelta(days=1), 9, 30))

    def reminder_by(channel, status):
        return Reminder.objects.create(
            activity=visit,
            person=parent,
            channel=channel,
            lead_hours=24,
            send_at=at(TODAY, 9, 30),
            status=status,
        )

    reminder = reminder_by("sms", ReminderStatus.SENT)
    assert "Reminders that could not be sent" not in _home(client, personas["worker"])
    reminder.status = ReminderStatus.FAILED
    reminder.save()
    html = _home(client, personas["worker"])
    assert "Reminders that could not be sent" in html
    assert (
        html.count(reverse("activities:detail", args=[active_case.public_id, visit.public_id])) == 2
    )
    assert "Reminders that could not be sent" not in _home(client, personas["outsider"])
    # A second failed reminder (the e-mail as well as the SMS) lists the activity once.
    reminder_by("email", ReminderStatus.FAILED)
    html = _home(client, personas["worker"])
    assert (
        html.count(reverse("activities:detail", args=[active_case.public_id, visit.public_id])) == 2
    )
