"""A real SMTP server (aiosmtpd) and an SMS provider stub on loopback, and a planned activity
with two family members who have contact details."""

import datetime as dt
import json
import socket
import threading
import time
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django.utils import timezone

from samspel.activities.models import Activity, ActivityKind, ActivityParticipant, Context
from samspel.families.models import Person, PersonRole
from samspel.reminders.scheduling import sync_reminders

SMS_TOKEN = "test-token-123"  # noqa: S105


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailBox:
    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    mailbox = MailBox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    yield mailbox
    controller.stop()


class SmsStub:
    """An SMS provider: checks the bearer token, and treats `reference` as idempotency key (a
    repeated reference is acknowledged but not delivered again), as real providers do."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.delivered: dict[str, dict] = {}
        self.fail_next = 0
        self.delay = 0.0
        self.lock = threading.Lock()

    def deliveries(self, reference: str) -> int:
        return sum(1 for r in self.delivered.values() if r["reference"] == reference)


def stub_handler(stub: SmsStub):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's hook name
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            time.sleep(stub.delay)
            with stub.lock:
                stub.requests.append(body)
                if self.headers.get("Authorization") != f"Bearer {SMS_TOKEN}":
                    status = 401
                elif stub.fail_next > 0:
                    stub.fail_next -= 1
                    status = 503
                else:
                    stub.delivered.setdefault(body["reference"], body)
                    status = 200
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def sms_stub(settings):
    stub = SmsStub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), stub_handler(stub))
    # shutdown() waits for the loop's next poll: 0.5 s by default, for every test.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/sms"
    settings.SMS_BACKEND = "samspel.reminders.sms.HttpBackend"
    settings.SMS_HTTP_URL = stub.url
    settings.SMS_HTTP_TOKEN = SMS_TOKEN
    settings.SMS_HTTP_TIMEOUT = 2
    yield stub
    server.shutdown()
    server.server_close()


NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def mother(family):
    return Person.objects.create(
        family=family,
        role=PersonRole.PARENT,
        first_name="Anna",
        last_name="Berg",
        phone="070-123 45 67",
        email="anna@example.org",
    )


def plan(case, persons, start, *, user, place_detail="Room 3, Storgatan 1", **extra) -> Activity:
    """A planned activity with these family members, reminders synced in the same transaction."""
    with transaction.atomic():
        activity = Activity.objects.create(
            case=case,
            kind=extra.pop("kind", ActivityKind.HOME_VISIT),
            context=extra.pop("context", Context.OFFICE),
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1),
            place_detail=place_detail,
            note="Journal: the father drinks again",
            created_by=user,
            **extra,
        )
        for person in persons:
            ActivityParticipant.objects.create(activity=activity, person=person)
        sync_reminders(activity)
    return activity


def move(activity, start) -> None:
    with transaction.atomic():
        activity.planned_start = start
        activity.planned_end = start + dt.timedelta(hours=1)
        activity.save()
        sync_reminders(activity)


def in_hours(hours: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


@pytest.fixture
def dad(open_case):
    return Person.objects.create(
        family=open_case.family,
        role=PersonRole.PARENT,
        first_name="Nils",
        last_name="Ek",
        phone="+46 70 765 43 21",
        email="nils@example.org",
    )
