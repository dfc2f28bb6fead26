import datetime as dt

from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import at, planned_activity


def test_the_case_page_shows_upcoming_and_recent_activities(login, personas, active_case):
    upcoming = planned_activity(active_case, kind="network_meeting")
    held = planned_activity(active_case, kind="child_focus_talk", start=at(TODAY, 8))
    held.status, held.held_on, held.minutes = ActivityStatus.HELD, TODAY, 45
    held.save()
    cancelled = planned_activity(active_case, kind="group_talk")
    cancelled.status = ActivityStatus.CANCELLED
    cancelled.save()
    html = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    html = html.content.decode()
    for activity in (upcoming, held):
        assert (
            reverse("activities:detail", args=[active_case.public_id, activity.public_id]) in html
        )
    assert (
        reverse("activities:detail", args=[active_case.public_id, cancelled.public_id]) not in html
    )
    assert "45 minutes" in html
    assert reverse("activities:plan", args=[active_case.public_id]) in html


def test_a_reader_gets_no_plan_link(login, reader, active_case):
    html = login(reader).get(reverse("cases:detail", args=[active_case.public_id])).content.decode()
    assert "Nothing is planned." in html
    assert reverse("activities:plan", args=[active_case.public_id]) not in html


def test_only_the_next_five_are_shown(login, personas, active_case):
    for day in range(7):
        planned_activity(active_case, start=at(TODAY + dt.timedelta(days=day + 1), 9))
    page = login(personas["worker"]).get(reverse("cases:detail", args=[active_case.public_id]))
    assert len(page.context["upcoming_activities"]) == 5
