import datetime as dt
import threading

import pytest
from django.db import connection

from samspel.families.models import ReminderContact
from samspel.reminders.delivery import backoff, deliver_due
from samspel.reminders.models import Reminder, ReminderStatus
from samspel.reminders.tests.conftest import in_hours, plan

pytestmark = pytest.mark.django_db


def due_now(time_machine):
    time_machine.move_to(in_hours(24), tick=False)


def test_exactly_one_message_per_reminder_arrives(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server
):
    activity = plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    assert deliver_due() == 2
    assert deliver_due() == 0

    sms = Reminder.objects.get(activity=activity, channel="sms")
    email = Reminder.objects.get(activity=activity, channel="email")
    assert [r["reference"] for r in sms_stub.requests] == [str(sms.reference)]
    assert sms_stub.requests[0]["to"] == "+46707654321"
    [message] = smtp_server.messages
    assert message["To"] == "nils@example.org"
    assert message["Message-ID"] == f"<reminder-{email.reference}@localhost>"
    for reminder in (sms, email):
        reminder.refresh_from_db()
        assert reminder.status == ReminderStatus.SENT
        assert reminder.sent_at == in_hours(0)
        assert reminder.attempts == 1


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("sv", ["Påminnelse från Testkommun", "Hembesök", "4 mars 2026", "10:00"]),
        ("da", ["Påmindelse fra Testkommun", "Hjemmebesøg", "4. marts 2026", "10:00"]),
        ("en", ["Reminder from Testkommun", "Home visit", "4 March 2026", "10:00"]),
    ],
)
def test_message_is_in_the_family_members_language_and_local_time(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server, language, words
):
    ReminderContact.objects.create(person=dad, language=language)
    # 09:00 UTC on 4 March is 10:00 in Stockholm.
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    deliver_due()
    [sms] = sms_stub.requests
    [mail] = smtp_server.messages
    body = mail.get_payload(decode=True).decode()
    for text in (sms["text"], body):
        for word in words:
            assert word in text, (word, text)
        assert "Room 3, Storgatan 1" in text
        assert "Journal" not in text


def test_default_language_is_the_organisations(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server
):
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    deliver_due()
    assert sms_stub.requests[0]["text"].startswith("Påminnelse från Testkommun")


def test_no_place_details_when_anyone_in_the_family_is_protected(
    case, mother, personas, frozen, time_machine, sms_stub, smtp_server
):
    assert case.family.persons.get(first_name="Lena").protected_identity
    plan(case, [mother], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    deliver_due()
    texts = [
        sms_stub.requests[0]["text"],
        smtp_server.messages[0].get_payload(decode=True).decode(),
    ]
    for text in texts:
        assert "Storgatan" not in text
        assert "Skyddade" not in text
        assert "Lena" not in text
        assert "Journal" not in text


def test_failures_are_retried_with_backoff_then_failed(
    open_case, dad, personas, frozen, time_machine, sms_stub, settings
):
    settings.REMINDER_MAX_ATTEMPTS = 3
    # settings are read at call time
    from samspel.reminders.models import ReminderSettings

    ReminderSettings.objects.create(organisation=open_case.organisation, email_enabled=False)
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    reminder = Reminder.objects.get()
    sms_stub.fail_next = 10
    due_now(time_machine)

    deliver_due()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (ReminderStatus.SCHEDULED, 1)
    assert reminder.send_at == in_hours(0) + dt.timedelta(minutes=1)
    assert "503" in reminder.last_error
    assert deliver_due() == 0  # not yet due again

    time_machine.move_to(reminder.send_at, tick=False)
    deliver_due()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (ReminderStatus.SCHEDULED, 2)
    assert reminder.send_at == in_hours(0) + dt.timedelta(minutes=5)

    time_machine.move_to(reminder.send_at, tick=False)
    deliver_due()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (ReminderStatus.FAILED, 3)
    assert len(sms_stub.requests) == 3
    assert sms_stub.delivered == {}


def test_backoff_grows_fivefold():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [dt.timedelta(minutes=m) for m in (1, 5, 25, 125)]


def test_a_retry_that_succeeds_sends_once(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server
):
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    sms_stub.fail_next = 1
    due_now(time_machine)
    deliver_due()
    time_machine.move_to(in_hours(1), tick=False)
    deliver_due()
    sms = Reminder.objects.get(channel="sms")
    assert (sms.status, sms.attempts) == (ReminderStatus.SENT, 2)
    assert sms_stub.deliveries(str(sms.reference)) == 1
    assert len(smtp_server.messages) == 1


def test_an_unreachable_provider_is_a_failure(
    open_case, dad, personas, frozen, time_machine, settings
):
    settings.SMS_BACKEND = "samspel.reminders.sms.HttpBackend"
    settings.SMS_HTTP_URL = "http://127.0.0.1:9/nothing-listens-here"
    settings.SMS_HTTP_TOKEN = "x"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    deliver_due()
    sms = Reminder.objects.get(channel="sms")
    assert sms.status == ReminderStatus.SCHEDULED
    assert "unreachable" in sms.last_error


def test_a_cancelled_activity_is_not_sent_even_if_claimed(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server
):
    activity = plan(open_case, [dad], in_hours(48), user=personas["worker"])
    activity.status = "cancelled"
    activity.save()  # without sync: the sender checks again
    due_now(time_machine)
    deliver_due()
    assert sms_stub.requests == [] and smtp_server.messages == []
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.DROPPED}


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_senders_send_each_reminder_once(
    open_case, dad, personas, sms_stub, smtp_server, settings
):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite: one writer at a time; run with DATABASE_URL=postgres://…")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sms_stub.delay = 0.05
    for _ in range(10):
        plan(open_case, [dad], in_hours(48), user=personas["worker"])
    Reminder.objects.update(send_at=in_hours(-1))
    assert Reminder.objects.count() == 20
    barrier = threading.Barrier(2)
    counts = []

    def sender():
        barrier.wait()
        try:
            counts.append(deliver_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(counts) == 20
    assert all(counts)  # both took part
    assert len(sms_stub.requests) == 10
    assert len({r["reference"] for r in sms_stub.requests}) == 10
    assert set(Reminder.objects.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_a_claim_whose_sender_died_is_taken_over_after_the_lease(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server, settings
):
    from samspel.reminders.delivery import claim

    settings.REMINDER_CLAIM_LEASE_SECONDS = 300
    plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    dead = claim()  # a sender claimed it, then died before recording anything
    assert dead.status == ReminderStatus.SENDING
    time_machine.move_to(in_hours(0) + dt.timedelta(seconds=299), tick=False)
    assert deliver_due() == 1  # only the other one: the lease still holds
    time_machine.move_to(in_hours(0) + dt.timedelta(seconds=2), tick=False)
    assert deliver_due() == 1
    dead.refresh_from_db()
    assert (dead.status, dead.attempts) == (ReminderStatus.SENT, 2)
    references = [r["reference"] for r in sms_stub.requests] + [
        m["Message-ID"] for m in smtp_server.messages
    ]
    assert len(references) == 2  # one message per reminder


def test_an_activity_that_lost_its_start_is_dropped_not_a_crash(
    open_case, dad, personas, frozen, time_machine, sms_stub, smtp_server
):
    from samspel.activities.models import Activity

    activity = plan(open_case, [dad], in_hours(48), user=personas["worker"])
    # Changed without a sync (an older code path, a data fix): the sweep must still not crash.
    Activity.objects.filter(pk=activity.pk).update(planned_start=None, planned_end=None)
    due_now(time_machine)
    assert deliver_due() == 2
    statuses = set(Reminder.objects.filter(activity=activity).values_list("status", flat=True))
    assert statuses == {ReminderStatus.DROPPED}
    assert sms_stub.requests == [] and smtp_server.messages == []


def test_a_misconfigured_channel_does_not_stop_the_sweep(
    open_case, dad, personas, frozen, time_machine, smtp_server, settings
):
    settings.SMS_BACKEND = "samspel.reminders.sms.HttpBackend"
    settings.SMS_HTTP_URL = ""  # ImproperlyConfigured when the SMS is sent
    activity = plan(open_case, [dad], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    assert deliver_due() == 2  # the SMS fails, the e-mail behind it is still sent
    email = Reminder.objects.get(activity=activity, channel="email")
    sms = Reminder.objects.get(activity=activity, channel="sms")
    assert email.status == ReminderStatus.SENT
    assert len(smtp_server.messages) == 1
    assert sms.status == ReminderStatus.SCHEDULED  # retried with backoff, then failed
    assert sms.last_error == "unexpected error: ImproperlyConfigured"
    assert sms.send_at == in_hours(0) + backoff(1)


def test_a_protected_recipient_is_named_nowhere_in_the_message(
    case, parent, personas, frozen, time_machine, sms_stub, smtp_server
):
    parent.email = "skyddad@example.org"
    parent.phone = "070-111 22 33"
    parent.save()
    plan(case, [parent], in_hours(48), user=personas["worker"])
    due_now(time_machine)
    assert deliver_due() == 2
    [mail] = smtp_server.messages
    assert mail["To"] == "skyddad@example.org"  # the bare address: no display name
    headers = "\n".join(f"{name}: {value}" for name, value in mail.items())
    texts = [headers, mail.get_payload(decode=True).decode(), sms_stub.requests[0]["text"]]
    for text in texts:
        for secret in ["Lena", "Berg", "Skyddade", "Storgatan", "070-111", "Journal"]:
            assert secret not in text, (secret, text)
