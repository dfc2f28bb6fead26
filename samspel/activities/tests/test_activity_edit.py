import datetime as dt

import pytest
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import appointment, at, planned_activity
from samspel.audit.models import Action, AuditEvent

DAY = TODAY + dt.timedelta(days=2)


@pytest.fixture
def activity(active_case):
    return planned_activity(active_case, start=at(DAY, 10))


def _url(activity):
    return reverse("activities:edit", args=[activity.case.public_id, activity.public_id])


def _data(**changes):
    data = {
        "kind": "home_visit",
        "context": "home",
        "planned_start": "2026-03-12T10:00",
        "planned_end": "2026-03-12T11:00",
    }
    data.update(changes)
    return data


def test_the_form_shows_the_activity(login, personas, activity):
    html = login(personas["worker"]).get(_url(activity)).content.decode()
    assert 'value="2026-03-12T10:00"' in html and "Change or move: Home visit" in html


def test_moving_saves_and_raises_the_sequence(login, personas, activity):
    response = login(personas["buddy"]).post(
        _url(activity), _data(planned_start="2026-03-13T08:00", planned_end="2026-03-13T09:30")
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.planned_start == at(DAY + dt.timedelta(days=1), 8) and activity.sequence == 1
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(activity.public_id))
    assert event.actor_id == personas["buddy"].pk
    assert event.detail["fields"] == ["planned_end", "planned_start"]


def test_the_activity_does_not_collide_with_itself(login, personas, activity, parent):
    parent.authorised_users.add(personas["worker"])  # sees the protected parent: may set places
    response = login(personas["worker"]).post(_url(activity), _data(place_detail="Köket"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.place_detail == "Köket" and activity.sequence == 1  # the feed's location


def test_moving_onto_an_appointment_warns_and_changes_nothing(login, personas, activity):
    appointment(activity.case.family, at(DAY + dt.timedelta(days=1), 8, 30))
    response = login(personas["worker"]).post(
        _url(activity), _data(planned_start="2026-03-13T08:00", planned_end="2026-03-13T09:00")
    )
    assert "The time overlaps other appointments" in response.content.decode()
    activity.refresh_from_db()
    assert activity.planned_start == at(DAY, 10) and activity.sequence == 0


def test_end_before_start_changes_nothing(login, personas, activity):
    response = login(personas["worker"]).post(_url(activity), _data(planned_end="2026-03-12T09:00"))
    assert "The end must be after the start." in response.content.decode()
    activity.refresh_from_db()
    assert activity.planned_end == at(DAY, 11)


def test_a_held_activity_is_not_moved(login, personas, activity):
    activity.status = ActivityStatus.HELD
    activity.held_on = TODAY
    activity.save()
    response = login(personas["worker"]).post(_url(activity), _data(), follow=True)
    assert "Only a planned activity can be changed." in response.content.decode()
    activity.refresh_from_db()
    assert activity.sequence == 0


def test_a_cancelled_activity_is_not_changed(login, personas, activity):
    activity.status, activity.cancelled_reason = ActivityStatus.CANCELLED, "Sjuk"
    activity.save()
    response = login(personas["worker"]).post(_url(activity), _data(kind="sms"), follow=True)
    assert "Only a planned activity can be changed." in response.content.decode()
    activity.refresh_from_db()
    assert activity.kind == "home_visit" and activity.status == ActivityStatus.CANCELLED


def test_an_activity_of_another_case_is_404(login, personas, activity, case):
    url = reverse("activities:edit", args=[case.public_id, "00000000-0000-0000-0000-000000000000"])
    assert login(personas["worker"]).get(url).status_code == 404


def test_put_is_not_allowed(login, personas, activity):
    assert login(personas["worker"]).put(_url(activity)).status_code == 405


def test_outsider_gets_404(login, personas, activity):
    for persona in ("outsider", "stranger"):
        assert login(personas[persona]).post(_url(activity), _data()).status_code == 404


def test_read_only_user_gets_403(login, reader, activity):
    assert login(reader).post(_url(activity), _data(place_detail="x")).status_code == 403
    activity.refresh_from_db()
    assert activity.place_detail == ""


def test_the_exact_place_is_neither_shown_nor_changed_by_a_reader_not_granted(
    login, personas, active_case, parent
):
    """The family has a protected parent the buddy was not granted: the exact place of a
    planned activity can lead to a hidden address, so the form leaves it out and keeps it."""
    assert parent.protected_identity
    hidden = planned_activity(active_case, start=at(DAY, 10), place_detail="Storgatan 5, 2 tr")
    client = login(personas["buddy"])
    html = client.get(_url(hidden)).content.decode()
    assert "Storgatan" not in html and 'name="place_detail"' not in html
    response = client.post(
        _url(hidden), _data(place_detail="Somewhere else", planned_end="2026-03-12T11:30")
    )
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.place_detail == "Storgatan 5, 2 tr"
    assert hidden.planned_end == at(DAY, 11, 30)  # the rest of the change is saved
