"""Sending reminders exactly once per (activity, person, channel, lead time).

How:
1. **Claim** in its own short transaction: the row is locked with
   `select_for_update(skip_locked=True)` (another worker on another machine skips it instead of
   waiting) and moved `scheduled → sending` by an update that only succeeds while the row still
   has the status and attempt count we read (so it also holds on SQLite, which has no row locks).
   The claim commits **before** anything is sent.
2. **Send** outside any transaction, with the reminder's stable `reference`: the SMS provider
   gets it as idempotency key, the e-mail as a deterministic Message-ID.
3. **Record** `sending → sent` (or back to `scheduled` with a later `send_at`, or `failed`) in a
   second transaction.

A message is therefore never sent twice by two workers, and a sent reminder is never picked up
again. The crash window that remains is between 2 and 3: a worker killed after the provider
accepted the message but before `sent` was committed leaves the row in `sending`. After
REMINDER_CLAIM_LEASE_SECONDS the sweep (`send_due_reminders`) takes it over and sends again
with the **same reference**: the SMS provider drops the duplicate by its idempotency key, so
the family gets one SMS. SMTP has no idempotency key: in that window an e-mail can arrive twice
(same Message-ID, which most mail clients show once). A worker killed between 1 and 2 sent
nothing; the takeover sends the first message. The lease must be longer than a send can take
(SMS_HTTP_TIMEOUT, the SMTP timeout) or a slow but living sender would be overtaken.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from samspel.activities.models import ActivityStatus
from samspel.families.phone import normalise_phone
from samspel.reminders.messages import reminder_text
from samspel.reminders.models import Channel, Reminder, ReminderStatus
from samspel.reminders.sms import SmsError, get_backend

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    """Sending failed in a way that may succeed later."""


class Undeliverable(Exception):
    """Sending can never succeed (no address); no retry."""


def due(now):
    """Reminders a sender may claim now: scheduled and due, or stuck in `sending` longer than
    the lease (their sender died)."""
    lease = timedelta(seconds=settings.REMINDER_CLAIM_LEASE_SECONDS)
    return Q(status=ReminderStatus.SCHEDULED, send_at__lte=now) | Q(
        status=ReminderStatus.SENDING, claimed_at__lt=now - lease
    )


def claim(reminder_id: int | None = None) -> Reminder | None:
    """Claim one due reminder (the given one, or the next due), committed before returning."""
    now = timezone.now()
    with transaction.atomic():
        candidates = Reminder.objects.select_for_update(skip_locked=True).filter(due(now))
        if reminder_id is not None:
            candidates = candidates.filter(pk=reminder_id)
        reminder = candidates.order_by("send_at", "id").first()
        if reminder is None:
            return None
        won = Reminder.objects.filter(
            pk=reminder.pk, status=reminder.status, attempts=reminder.attempts
        ).update(status=ReminderStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
        if not won:
            return None
    reminder.refresh_from_db()
    return reminder


def deliver(reminder_id: int) -> str:
    """Send one reminder if it is due and nobody else has it. Returns what happened."""
    reminder = claim(reminder_id)
    if reminder is None:
        return "not due"
    return _send_claimed(reminder)


def deliver_due(limit: int | None = None) -> int:
    """Send every due reminder, one claim at a time; safe to run in many processes at once."""
    handled = 0
    while limit is None or handled < limit:
        reminder = claim()
        if reminder is None:
            break
        _send_claimed(reminder)
        handled += 1
    return handled


def _send_claimed(reminder: Reminder) -> str:
    activity = reminder.activity
    start = activity.planned_start
    if activity.status != ActivityStatus.PLANNED or start is None or start <= timezone.now():
        _finish(reminder, status=ReminderStatus.DROPPED)
        return "dropped"
    try:
        _send(reminder)
    except Undeliverable as exc:
        _finish(reminder, status=ReminderStatus.FAILED, error=str(exc))
        return "failed"
    except DeliveryError as exc:
        return _retry_or_fail(reminder, str(exc))
    except Exception as exc:  # a bug or a misconfiguration: retried, and never stops the sweep
        logger.exception("reminder %s could not be sent", reminder.reference)
        return _retry_or_fail(reminder, f"unexpected error: {type(exc).__name__}")
    _finish(reminder, status=ReminderStatus.SENT, sent_at=timezone.now())
    return "sent"


def _send(reminder: Reminder) -> None:
    person = reminder.person
    text = reminder_text(reminder.activity, person)
    reference = str(reminder.reference)
    if reminder.channel == Channel.SMS:
        jurisdiction = person.family.organisation.jurisdiction
        number = normalise_phone(person.phone, jurisdiction)
        if number is None:
            raise Undeliverable("no valid phone number")
        try:
            get_backend().send(number, text.body, reference)
        except SmsError as exc:
            raise DeliveryError(str(exc)) from exc
        return
    if not person.email:
        raise Undeliverable("no e-mail address")
    message = EmailMessage(
        subject=text.subject,
        body=text.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
        headers={"Message-ID": message_id(reference)},
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"e-mail not accepted: {exc}") from exc


def message_id(reference: str) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "samspel.localhost"
    return f"<reminder-{reference}@{domain}>"


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: 1, 5, 25, 125 … minutes (REMINDER_RETRY_BASE_MINUTES
    times 5**(n-1))."""
    return timedelta(minutes=settings.REMINDER_RETRY_BASE_MINUTES * 5 ** (attempts - 1))


def _retry_or_fail(reminder: Reminder, error: str) -> str:
    if reminder.attempts >= settings.REMINDER_MAX_ATTEMPTS:
        _finish(reminder, status=ReminderStatus.FAILED, error=error)
        return "failed"
    from samspel.reminders.scheduling import enqueue

    with transaction.atomic():
        updated = _claimed(reminder).update(
            status=ReminderStatus.SCHEDULED,
            send_at=timezone.now() + backoff(reminder.attempts),
            version=F("version") + 1,
            last_error=error[:500],
        )
        if updated:
            reminder.refresh_from_db()
            enqueue(reminder)
    logger.warning(
        "reminder %s attempt %s failed: %s", reminder.reference, reminder.attempts, error
    )
    return "retry"


def _claimed(reminder: Reminder):
    """Our claim, unless a sweep took it over after the lease ran out."""
    return Reminder.objects.filter(
        pk=reminder.pk, status=ReminderStatus.SENDING, attempts=reminder.attempts
    )


def _finish(reminder: Reminder, *, status: str, error: str = "", sent_at=None) -> None:
    fields = {"status": status, "last_error": error[:500], "updated_at": timezone.now()}
    if sent_at is not None:
        fields["sent_at"] = sent_at
    if not _claimed(reminder).update(**fields):
        logger.warning("reminder %s was taken over before it was recorded", reminder.reference)
