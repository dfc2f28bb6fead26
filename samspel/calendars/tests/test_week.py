"""The worker's week: their own activities on cases they may read, in the organisation's time
zone, with navigation, one list audit event and a pinned number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.audit.models import AuditEvent
from samspel.calendars.tests.conftest import TODAY, at, make_activity, take_part

URL = reverse("calendars:week")


def test_rejects_post(login, personas, frozen):
    assert login(personas["worker"]).post(URL).status_code == 405


def test_needs_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["auditor", "admin"])
def test_no_calendar_for_auditors_and_admins(login, personas, role):
    assert login(personas[role]).get(URL).status_code == 404


def test_shows_the_workers_week_in_local_time(login, personas, case, frozen):
    mine = make_activity(case, at(TODAY, 14, 30))
    response = login(personas["worker"]).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-activity="{mine.public_id}"' in body
    assert "14:30" in body
    assert reverse("cases:detail", args=[case.public_id]) in body
    assert 'aria-current="date"' in body
    assert "?week=2026-W47" in body and "?week=2026-W49" in body


def test_outsider_sees_none_of_the_case(login, personas, case, frozen):
    activity = make_activity(case)
    take_part(activity, personas["outsider"])  # named on it, but the case is not theirs
    body = login(personas["outsider"]).get(URL).content.decode()
    assert str(activity.public_id) not in body
    assert case.number not in body


def test_only_the_workers_own_activities(login, personas, case, frozen):
    unassigned = make_activity(case, at(TODAY, 9))  # no worker named: the responsible's
    buddys = make_activity(case, at(TODAY, 11))
    take_part(buddys, personas["buddy"])
    worker_body = login(personas["worker"]).get(URL).content.decode()
    assert str(unassigned.public_id) in worker_body
    assert str(buddys.public_id) not in worker_body
    buddy_body = login(personas["buddy"]).get(URL).content.decode()
    assert str(buddys.public_id) in buddy_body
    assert str(unassigned.public_id) not in buddy_body


def test_planned_held_and_cancelled_with_a_date_only_held_activity(login, personas, case, frozen):
    cancelled = make_activity(case, at(TODAY, 8), status=ActivityStatus.CANCELLED)
    held = make_activity(case, None, minutes=0, status=ActivityStatus.HELD, kind="sms")
    held.planned_start = None
    held.held_on = TODAY - dt.timedelta(days=1)
    held.save()
    body = login(personas["worker"]).get(URL).content.decode()
    assert str(cancelled.public_id) in body and "status-cancelled" in body
    assert str(held.public_id) in body and "No time" in body


def test_week_parameter_and_its_edges(login, personas, case, frozen):
    last_minute = make_activity(case, at(dt.date(2026, 12, 6), 23, 30))  # Sunday of W49
    next_week = make_activity(case, at(dt.date(2026, 12, 7), 0, 0))  # Monday of W50
    body = login(personas["worker"]).get(URL, {"week": "2026-W49"}).content.decode()
    assert str(last_minute.public_id) in body
    assert str(next_week.public_id) not in body


def test_the_week_the_clocks_go_back(login, personas, case, frozen):
    """Week 43 of 2026 ends on Sunday 25 October, the night CEST becomes CET."""
    late_sunday = make_activity(case, at(dt.date(2026, 10, 25), 23, 30))
    early_monday = make_activity(case, at(dt.date(2026, 10, 26), 0, 15))
    body = login(personas["worker"]).get(URL, {"week": "2026-W43"}).content.decode()
    assert str(late_sunday.public_id) in body
    assert "23:30" in body
    assert str(early_monday.public_id) not in body


def test_danish_worker_sees_copenhagen_time(login, personas, case, organisation, frozen):
    organisation.jurisdiction = "DK"
    organisation.save()
    make_activity(case, dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC))
    body = login(personas["worker"]).get(URL).content.decode()
    assert "Europe/Copenhagen" in body
    assert "10:00" in body


def test_bad_week_shows_this_week_with_a_message(login, personas, frozen, db):
    response = login(personas["worker"]).get(URL, {"week": "2026-W99"})
    assert response.status_code == 200
    assert "That is not a date the calendar knows" in response.content.decode()
    assert "Week 48" in response.content.decode()


def test_one_list_audit_event_naming_the_cases(login, personas, case, frozen):
    make_activity(case)
    make_activity(case, at(TODAY, 8))
    client = login(personas["worker"])
    AuditEvent.objects.all()  # nothing before
    before = AuditEvent.objects.count()
    client.get(URL)
    events = AuditEvent.objects.filter(object_type="calendars.week")
    assert AuditEvent.objects.count() == before + 1
    assert events.get().detail["cases"] == [str(case.public_id)]


def test_query_count_does_not_grow_with_activities(
    login, personas, case, frozen, django_assert_max_num_queries
):
    client = login(personas["worker"])
    for hour in range(8, 16):
        make_activity(case, at(TODAY, hour))
    # 10: the list's audit event writes its cases' rows too (AuditEventCase)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
