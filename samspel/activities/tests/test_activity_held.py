import datetime as dt

import pytest
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import at, planned_activity
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem

YESTERDAY = TODAY - dt.timedelta(days=1)


def _url(activity):
    return reverse("activities:held", args=[activity.case.public_id, activity.public_id])


def _data(**changes):
    data = {"held_on": YESTERDAY.isoformat(), "minutes": "75", "note": "Samtal i köket."}
    data.update(changes)
    return data


def test_the_form_proposes_the_planned_day_and_length(login, personas, active_case):
    activity = planned_activity(active_case, start=at(YESTERDAY, 10), minutes=90)
    form = login(personas["worker"]).get(_url(activity)).context["form"]
    assert form.initial["held_on"] == YESTERDAY and form.initial["minutes"] == 90
    assert "child_safety_rating" not in form.fields


def test_recording_a_weekly_follow_up_moves_the_due_item(login, personas, foster_case):
    activity = planned_activity(foster_case, start=at(YESTERDAY, 10))
    response = login(personas["worker"]).post(_url(activity), _data())
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.minutes, activity.note) == ("held", 75, "Samtal i köket.")
    assert activity.held_on == YESTERDAY and activity.sequence == 1
    item = DueItem.objects.get(case=foster_case, rule="process-i-rorelse:weekly-follow-up")
    assert item.due_on == YESTERDAY + dt.timedelta(weeks=1)
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(activity.public_id))
    assert event.detail["status"] == ["planned", "held"] and "note" not in event.detail


def test_a_contact_visit_records_the_childs_rating(login, personas, active_case):
    visit = planned_activity(active_case, kind="contact_visit", start=at(YESTERDAY, 10))
    client = login(personas["worker"])
    assert "how safe the visit felt" in client.get(_url(visit)).content.decode()
    client.post(_url(visit), _data(child_safety_rating="8", child_safety_note="Lugnt."))
    visit.refresh_from_db()
    assert (visit.child_safety_rating, visit.child_safety_note) == (8, "Lugnt.")
    page = client.get(reverse("activities:detail", args=[active_case.public_id, visit.public_id]))
    assert "8 / 10" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": "2026-03-11"}, "A held activity cannot be dated in the future."),
        ({"held_on": "9999-12-31"}, "A held activity cannot be dated in the future."),
        ({"held_on": "0001-01-01"}, "The date cannot be before 1900."),
        ({"held_on": "2025-12-31"}, "The date is before the case was referred."),
        ({"child_safety_rating": "11"}, "The child&#x27;s rating must be between 0 and 10."),
        ({"child_safety_rating": "-1"}, "The child&#x27;s rating must be between 0 and 10."),
        ({"minutes": "-5"}, "Minutes must be between 0 and 1440."),
        ({"minutes": "99999999999999999999"}, "Minutes must be between 0 and 1440."),
        ({"participants": ["user:00000000-0000-0000-0000-000000000000"]}, "Choose participants"),
        ({"participants": ["person:not-a-uuid"]}, "Choose participants"),
        ({"child_safety_rating": "x"}, "Enter a whole number."),
        ({"held_on": "2026-03-09T10:00"}, "Enter a valid date."),
    ],
)
def test_bad_input_changes_nothing(login, personas, active_case, changes, message):
    visit = planned_activity(active_case, kind="contact_visit", start=at(YESTERDAY, 10))
    response = login(personas["worker"]).post(_url(visit), _data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == ActivityStatus.PLANNED and visit.held_on is None


def test_a_closed_case_takes_nothing(login, personas, active_case):
    activity = planned_activity(active_case, start=at(YESTERDAY, 10))
    active_case.status = CaseStatus.CLOSED
    active_case.closed_on = TODAY
    active_case.save()
    response = login(personas["worker"]).post(_url(activity), _data(), follow=True)
    assert "The case is closed. Nothing was changed." in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_put_is_not_allowed(login, personas, active_case):
    activity = planned_activity(active_case)
    assert login(personas["worker"]).put(_url(activity)).status_code == 405


def test_outsider_gets_404(login, personas, active_case):
    activity = planned_activity(active_case)
    for persona in ("outsider", "stranger", "admin"):
        assert login(personas[persona]).post(_url(activity), _data()).status_code == 404


def test_read_only_user_gets_403(login, reader, active_case):
    activity = planned_activity(active_case)
    assert login(reader).post(_url(activity), _data()).status_code == 403
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED
