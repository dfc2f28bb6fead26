"""The feeds read back with an independent parser (icalendar.Calendar.from_ical): every planned
activity once, cancelled ones marked, stable UIDs with a raised SEQUENCE, the jurisdiction's
TZID with its VTIMEZONE, and nothing protected or private anywhere in the bytes."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from samspel.activities.models import ActivityStatus, AgencyKind
from samspel.audit.models import Action, AuditEvent
from samspel.calendars.feeds import create_feed
from samspel.calendars.tests.conftest import NOW, TODAY, at, make_activity, make_appointment

YEAR = dt.timedelta(days=365)


def feed_url(token: str) -> str:
    return reverse("ical:feed", kwargs={"token": token})


def worker_token(personas) -> str:
    return create_feed(created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR)[1]


def family_token(personas, family) -> str:
    return create_feed(created_by=personas["worker"], family=family, lifetime=YEAR)[1]


def fetch(client, token) -> tuple[bytes, Calendar]:
    response = client.get(feed_url(token))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content, Calendar.from_ical(response.content)


def events(calendar: Calendar) -> dict[str, object]:
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in found, f"{uid} twice"
        found[uid] = event
    return found


@pytest.fixture
def private_case(case, parent, child):
    """The protected parent gets a phone number and the activities a journal note and a place."""
    parent.phone = "070-123 45 67"
    parent.email = "lena@example.invalid"
    parent.save()
    return case


def test_every_planned_activity_once_with_the_right_fields(client, personas, private_case, frozen):
    planned = [make_activity(private_case, at(TODAY + dt.timedelta(days=d), 10)) for d in range(5)]
    cancelled = make_activity(
        private_case, at(TODAY, 15), status=ActivityStatus.CANCELLED, sequence=3
    )
    body, calendar = fetch(client, worker_token(personas))
    found = events(calendar)
    assert set(found) == {f"{a.public_id}@samspel" for a in [*planned, cancelled]}
    first = found[f"{planned[0].public_id}@samspel"]
    assert str(first["STATUS"]) == "CONFIRMED"
    assert first["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert first.start == at(TODAY, 10)
    assert first.end == at(TODAY, 11)
    assert str(first["SUMMARY"]) == "EB · Home visit"
    assert str(first["LOCATION"]) == "In the home"
    assert "DTSTAMP" in first
    gone = found[f"{cancelled.public_id}@samspel"]
    assert str(gone["STATUS"]) == "CANCELLED" and gone["SEQUENCE"] == 3
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert b"PRODID:-//Samspel" in body


def test_nothing_private_in_the_bytes(client, personas, private_case, parent, frozen):
    make_activity(
        private_case,
        note="Mamma berättade om oron hemma",
        place_detail="Skyddade vägen 7, lgh 1102",
        child_safety_note="Barnet var ledset",
    )
    make_appointment(
        private_case.family,
        person=parent,
        title="Samtal Lena Berg",
        place_detail="Skyddade vägen 7",
    )
    for token in (worker_token(personas), family_token(personas, private_case.family)):
        body, _calendar = fetch(client, token)
        text = body.decode()
        for secret in [
            "Mamma berättade",
            "Skyddade",
            "lgh 1102",
            "Barnet var ledset",
            "070-123",
            "lena@example",
            "Lena",
            "Berg",
            "Elsa",
        ]:
            assert secret not in text, f"{secret!r} leaked into the feed"


def test_place_detail_only_when_no_one_is_protected(client, personas, private_case, parent, frozen):
    parent.protected_identity = False
    parent.save()
    activity = make_activity(private_case, place_detail="Rum 4, Familjecentralen")
    _body, calendar = fetch(client, worker_token(personas))
    event = events(calendar)[f"{activity.public_id}@samspel"]
    assert str(event["LOCATION"]) == "In the home, Rum 4, Familjecentralen"


def test_uid_stays_and_sequence_rises_after_an_edit(client, personas, case, frozen):
    activity = make_activity(case, at(TODAY, 10))
    token = worker_token(personas)
    _body, before = fetch(client, token)
    frozen.shift(dt.timedelta(minutes=5))
    activity.planned_start = at(TODAY, 12)
    activity.planned_end = at(TODAY, 13)
    activity.sequence += 1  # as samspel.activities.services raises it on a move
    activity.save()
    _body, after = fetch(client, token)
    uid = f"{activity.public_id}@samspel"
    assert set(events(before)) == set(events(after)) == {uid}
    assert events(after)[uid]["SEQUENCE"] == events(before)[uid]["SEQUENCE"] + 1
    assert events(after)[uid].start == at(TODAY, 12)
    assert events(after)[uid]["DTSTAMP"].dt > events(before)[uid]["DTSTAMP"].dt


def test_danish_feeds_use_copenhagen(client, personas, case, organisation, frozen):
    organisation.jurisdiction = "DK"
    organisation.save()
    make_activity(case)
    make_appointment(case.family)
    for token in (worker_token(personas), family_token(personas, case.family)):
        _body, calendar = fetch(client, token)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
        for event in calendar.walk("VEVENT"):
            assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
            assert event["DTEND"].params["TZID"] == "Europe/Copenhagen"


def test_family_feed_holds_activities_and_appointments(client, personas, case, child, frozen):
    activity = make_activity(case)
    appointment = make_appointment(case.family, person=child, agency_kind="school")
    cancelled = make_appointment(case.family, status="cancelled")
    _body, calendar = fetch(client, family_token(personas, case.family))
    found = events(calendar)
    assert set(found) == {
        f"{activity.public_id}@samspel",
        f"{appointment.public_id}@samspel",
        f"{cancelled.public_id}@samspel",
    }
    # Family feeds are written in the organisation's language (Swedish here).
    with translation.override(case.organisation.default_language):
        school = str(AgencyKind.SCHOOL.label)
    assert school == "Skola eller förskola"
    assert str(found[f"{appointment.public_id}@samspel"]["SUMMARY"]) == f"EB · {school}"
    assert str(found[f"{cancelled.public_id}@samspel"]["STATUS"]) == "CANCELLED"


def test_worker_feed_has_only_the_workers_activities(client, personas, case, frozen):
    from samspel.calendars.tests.conftest import take_part

    theirs = make_activity(case)
    take_part(theirs, personas["buddy"])
    mine = make_activity(case, at(TODAY, 8))
    _body, calendar = fetch(client, worker_token(personas))
    assert set(events(calendar)) == {f"{mine.public_id}@samspel"}


def test_held_activities_without_times_are_left_out(client, personas, case, frozen):
    logged = make_activity(case, None, minutes=0, status=ActivityStatus.HELD, kind="sms")
    logged.planned_start = None
    logged.held_on = TODAY
    logged.save()
    held = make_activity(case, at(TODAY, 8), status=ActivityStatus.HELD)
    _body, calendar = fetch(client, worker_token(personas))
    assert set(events(calendar)) == {f"{held.public_id}@samspel"}


def test_every_fetch_is_audited_without_an_actor(client, personas, case, frozen):
    make_activity(case)
    token = worker_token(personas)
    fetch(client, token)
    fetch(client, token)
    fetches = AuditEvent.objects.filter(action=Action.EXPORT, object_type="calendars.calendarfeed")
    assert fetches.count() == 2
    assert all(event.actor_id is None for event in fetches)
    # Auditors search by organisation: a fetch without a user still belongs to the feed's.
    assert {event.organisation_id for event in fetches} == {personas["worker"].organisation_id}
    assert fetches.first().detail["events"] == 1


@pytest.mark.parametrize(
    "token",
    ["x" * 43, "short", "a" * 44, "ÅÄÖ" * 14 + "a", "%2e%2e"],
)
def test_unknown_or_malformed_tokens_404(client, personas, token, frozen):
    worker_token(personas)
    assert client.get(f"/ical/{token}.ics").status_code == 404
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_revoked_feed_404(client, personas, frozen):
    feed, token = create_feed(
        created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR
    )
    assert client.get(feed_url(token)).status_code == 200
    feed.revoked_at = NOW
    feed.save()
    assert client.get(feed_url(token)).status_code == 404


def test_expired_feed_404(client, personas, db):
    with time_machine.travel(NOW, tick=False):
        _feed, token = create_feed(
            created_by=personas["worker"], owner=personas["worker"], lifetime=dt.timedelta(days=30)
        )
        assert client.get(feed_url(token)).status_code == 200
    with time_machine.travel(NOW + dt.timedelta(days=30, seconds=1), tick=False):
        assert client.get(feed_url(token)).status_code == 404


def test_feed_stops_when_its_owner_is_deactivated(client, personas, frozen):
    token = worker_token(personas)
    personas["worker"].is_active = False
    personas["worker"].save()
    assert client.get(feed_url(token)).status_code == 404


def test_family_feed_stops_when_its_creator_loses_the_family(client, personas, case, frozen):
    token = family_token(personas, case.family)
    case.responsible = personas["leader"]
    case.buddy = None
    case.save()
    personas["worker"].membership_set.all().delete()
    assert client.get(feed_url(token)).status_code == 404


def test_feed_rejects_post(client, personas, frozen):
    assert client.post(feed_url(worker_token(personas))).status_code == 405
