"""The feeds' raw bytes against RFC 5545, beyond what a lenient parser forgives: CRLF line
endings, lines folded at 75 octets (never inside a UTF-8 character), VERSION and PRODID,
DTSTAMP in UTC, a VTIMEZONE for every TZID used, one UID per event; SEQUENCE raised and
STATUS:CANCELLED kept when activities (through the services) and appointments (through the
views) change; and the HTTP side: content type, file name, ETag and a 304 on revalidation."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from samspel.activities.services import cancel_activity, plan_activity, update_activity
from samspel.calendars.feeds import create_feed
from samspel.calendars.tests.conftest import TODAY, at, make_activity, make_appointment

YEAR = dt.timedelta(days=365)
UTC_STAMP = re.compile(r"^\d{8}T\d{6}Z$")
# Long enough to fold (within the 200 characters the field holds), with letters of two octets.
LONG_PLACE = "Familjecentralen Östermalm, ingång från gården, rum 4 – åäö ÅÄÖ æøå " * 2


def physical_lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n"), "the last line must end with CRLF"
    lines = body[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, f"bare LF or CR in {line!r}"
    return lines


def content_lines(body: bytes) -> list[str]:
    """Unfolded content lines, after checking each physical line (RFC 5545 §3.1)."""
    unfolded: list[bytes] = []
    for line in physical_lines(body):
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise AssertionError(f"a fold splits a character: {line!r}") from None
        if line[:1] in (b" ", b"\t"):
            assert unfolded, "a continuation line cannot come first"
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    return [line.decode("utf-8") for line in unfolded]


def components(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(name, own lines) for every component, nested ones listed separately."""
    stack: list[tuple[str, list[str]]] = []
    done: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("BEGIN:"):
            stack.append((line[6:], []))
        elif line.startswith("END:"):
            name, own = stack.pop()
            assert name == line[4:], f"END:{line[4:]} closes {name}"
            done.append((name, own))
        else:
            stack[-1][1].append(line)
    assert not stack, "unclosed components"
    return done


def values(own: list[str], name: str) -> list[str]:
    return [line.split(":", 1)[1] for line in own if re.match(rf"^{name}[;:]", line)]


def assert_rfc5545(body: bytes) -> None:
    lines = content_lines(body)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    found = components(lines)
    [(_name, calendar)] = [c for c in found if c[0] == "VCALENDAR"]
    assert values(calendar, "VERSION") == ["2.0"]
    assert len(values(calendar, "PRODID")) == 1
    events = [own for name, own in found if name == "VEVENT"]
    uids = [uid for own in events for uid in values(own, "UID")]
    assert len(uids) == len(events) == len(set(uids)), "one UID per event, never twice"
    for own in events:
        [stamp] = values(own, "DTSTAMP")
        assert UTC_STAMP.match(stamp), f"DTSTAMP {stamp} is not UTC"
        assert len(values(own, "DTSTART")) == 1
    used = set(re.findall(r";TZID=([^;:]+)", "\n".join(lines)))
    defined = {tzid for name, own in found if name == "VTIMEZONE" for tzid in values(own, "TZID")}
    assert used == defined, f"TZIDs used {used}, VTIMEZONEs {defined}"


def feed_url(token: str) -> str:
    return reverse("ical:feed", kwargs={"token": token})


def fetch(client, token: str, **headers):
    response = client.get(feed_url(token), headers=headers)
    assert response.status_code in (200, 304), response.status_code
    return response


def event_of(body: bytes, obj):
    [event] = [
        e for e in Calendar.from_ical(body).walk("VEVENT") if e["UID"] == f"{obj.public_id}@samspel"
    ]
    return event


@pytest.fixture
def open_family(open_case):
    """A family without protected identity, so that place details reach the feed."""
    return open_case.family


@pytest.mark.parametrize("jurisdiction", ["SE", "DK"])
def test_worker_and_family_feeds_follow_rfc5545_byte_for_byte(
    client, personas, open_family, organisation, jurisdiction, frozen
):
    organisation.jurisdiction = jurisdiction
    organisation.save()
    case = open_family.cases.get()
    for days in range(3):
        make_activity(case, at(TODAY + dt.timedelta(days=days), 10), place_detail=LONG_PLACE)
    make_activity(case, at(TODAY, 15), status="cancelled", sequence=1)
    # Across the change to summer time, and the next year: one VTIMEZONE still serves all.
    make_activity(case, at(dt.date(2027, 6, 1), 9))
    make_appointment(open_family, place_detail=LONG_PLACE)
    worker = create_feed(created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR)
    family = create_feed(created_by=personas["worker"], family=open_family, lifetime=YEAR)
    for _feed, token in (worker, family):
        body = fetch(client, token).content
        assert_rfc5545(body)
        assert b"\r\n " in body, "the long LOCATION is folded"
        assert "åäö ÅÄÖ æøå" in Calendar.from_ical(body).walk("VEVENT")[0]["LOCATION"]


HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
EVENT = (
    b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261125T080000Z\r\n"
    b"DTSTART:20261125T080000Z\r\nEND:VEVENT\r\n"
)
TAIL = b"END:VCALENDAR\r\n"


def test_the_checker_catches_what_it_checks():
    good = HEAD + EVENT + TAIL
    assert_rfc5545(good)
    two_octets = "é".encode()
    broken = {
        "LF only": good.replace(b"\r\n", b"\n"),
        "76 octets": good.replace(b"UID:a", b"UID:" + b"a" * 72),
        "a character split by the fold": good.replace(
            b"UID:a", b"UID:" + b"a" * 70 + two_octets[:1] + b"\r\n " + two_octets[1:]
        ),
        "no VERSION": good.replace(b"VERSION:2.0\r\n", b""),
        "no PRODID": good.replace(b"PRODID:-//x//y//EN\r\n", b""),
        "local DTSTAMP": good.replace(b"080000Z\r\nDTSTART", b"080000\r\nDTSTART"),
        "TZID without VTIMEZONE": good.replace(b"DTSTART:", b"DTSTART;TZID=Europe/Oslo:"),
        "UID twice": HEAD + EVENT + EVENT + TAIL,
    }
    for what, body in broken.items():
        with pytest.raises(AssertionError):
            assert_rfc5545(body)
            pytest.fail(f"not caught: {what}")
    folded = good.replace(b"UID:a", b"UID:" + b"a" * 71 + b"\r\n " + b"a" * 20)
    assert_rfc5545(folded)


def test_an_activity_moved_and_cancelled_through_the_services_keeps_its_uid(
    client, personas, case, frozen
):
    worker = personas["worker"]
    _feed, token = create_feed(created_by=worker, owner=worker, lifetime=YEAR)
    activity = plan_activity(
        case,
        by=worker,
        kind="home_visit",
        context="home",
        planned_start=at(TODAY + dt.timedelta(days=2), 10),
        planned_end=at(TODAY + dt.timedelta(days=2), 11),
    )
    planned = event_of(fetch(client, token).content, activity)
    assert (planned["SEQUENCE"], str(planned["STATUS"])) == (0, "CONFIRMED")

    frozen.shift(dt.timedelta(minutes=10))
    update_activity(
        activity,
        by=worker,
        planned_start=at(TODAY + dt.timedelta(days=3), 13),
        planned_end=at(TODAY + dt.timedelta(days=3), 14),
    )
    moved = event_of(fetch(client, token).content, activity)
    assert moved["SEQUENCE"] == 1 and moved.start == at(TODAY + dt.timedelta(days=3), 13)
    assert moved["DTSTAMP"].dt > planned["DTSTAMP"].dt

    frozen.shift(dt.timedelta(minutes=10))
    cancel_activity(activity, by=worker, reason="Familjen är sjuk")
    body = fetch(client, token).content
    assert_rfc5545(body)
    cancelled = event_of(body, activity)
    assert (cancelled["SEQUENCE"], str(cancelled["STATUS"])) == (2, "CANCELLED")
    assert b"sjuk" not in body  # the reason is a journal matter, not the feed's


def test_an_appointment_changed_and_cancelled_through_the_views_keeps_its_uid(
    client, login, personas, case, frozen
):
    appointment = make_appointment(case.family, at(TODAY + dt.timedelta(days=2), 13))
    _feed, token = create_feed(created_by=personas["worker"], family=case.family, lifetime=YEAR)
    assert event_of(fetch(client, token).content, appointment)["SEQUENCE"] == 0
    kwargs = {"family_id": case.family.public_id, "appointment_id": appointment.public_id}
    data = {
        "person": "",
        "agency_kind": "psychiatry",
        "agency_name": "",
        "title": "BUP-besök",
        "start": "2026-11-30T08:00",
        "end": "2026-11-30T09:00",
        "place_detail": "",
    }
    login(personas["worker"])
    edit = client.post(reverse("family_calendar:appointment_edit", kwargs=kwargs), data)
    assert edit.status_code == 302
    moved = event_of(fetch(client, token).content, appointment)
    assert moved["SEQUENCE"] == 1
    assert moved.start == dt.datetime(2026, 11, 30, 8, tzinfo=moved.start.tzinfo)
    cancel = client.post(reverse("family_calendar:appointment_cancel", kwargs=kwargs))
    assert cancel.status_code == 302
    body = fetch(client, token).content
    assert_rfc5545(body)
    cancelled = event_of(body, appointment)
    assert (cancelled["SEQUENCE"], str(cancelled["STATUS"])) == (2, "CANCELLED")


def test_feed_response_names_its_type_and_file(client, personas, case, frozen):
    make_activity(case)
    _feed, token = create_feed(
        created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR
    )
    response = fetch(client, token)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="samspel.ics"'
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    # An ETag, not Last-Modified: an entry that leaves the feed changes no timestamp.
    assert "Last-Modified" not in response
    # Calendar programs may keep a copy but must ask again; shared caches must not keep it.
    assert response["Cache-Control"] == "private, no-cache"


def test_an_unchanged_feed_answers_304_and_the_fetch_is_still_audited(
    client, personas, case, frozen
):
    from samspel.audit.models import Action, AuditEvent

    activity = make_activity(case)
    _feed, token = create_feed(
        created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR
    )
    etag = fetch(client, token)["ETag"]
    again = fetch(client, token, if_none_match=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert AuditEvent.objects.filter(action=Action.EXPORT).count() == 2
    frozen.shift(dt.timedelta(minutes=1))
    activity.planned_start = at(TODAY, 16)
    activity.save()
    changed = fetch(client, token, if_none_match=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
