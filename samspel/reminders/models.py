"""Reminders of planned activities to family members by e-mail and SMS (DOMAIN.md §3.5).

An organisation sets its lead times and channels (`ReminderSettings`); a family member's
language for messages lives in `samspel.families.models.ReminderContact`; one `Reminder` row
exists per activity, person, channel and lead time, and carries its own delivery state."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def default_lead_times() -> list[int]:
    return [24]


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class ReminderSettings(models.Model):
    """What an organisation sends: lead times in hours before the start, and on which channels."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="reminder_settings"
    )
    lead_times = models.JSONField(_("lead times in hours"), default=default_lead_times)
    email_enabled = models.BooleanField(_("send reminders by e-mail"), default=True)
    sms_enabled = models.BooleanField(_("send reminders by SMS"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.lead_times}"

    def channels(self) -> list[str]:
        enabled = [(Channel.EMAIL, self.email_enabled), (Channel.SMS, self.sms_enabled)]
        return [channel.value for channel, on in enabled if on]


class ReminderStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    DROPPED = "dropped", _("Dropped")


class Reminder(models.Model):
    # Stable across retries and reschedules: the SMS provider's idempotency key and the
    # e-mail's Message-ID are derived from it.
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="reminders"
    )
    person = models.ForeignKey("families.Person", on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    lead_hours = models.PositiveIntegerField(
        _("hours before"), validators=[MinValueValidator(1), MaxValueValidator(24 * 14)]
    )
    send_at = models.DateTimeField(_("send at"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReminderStatus.choices, default=ReminderStatus.SCHEDULED
    )
    # Raised on every reschedule and retry; a queued task carrying an older version does nothing.
    version = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The queued task (database backend), deleted when the reminder moves or is dropped.
    task_id = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["send_at", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [models.Index(fields=["status", "send_at"], name="reminder_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person", "channel", "lead_hours"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.lead_hours}h {self.reference}"
