"""Activities: contacts with the family or about the case (DOMAIN.md §2). The programme engine
reads held activities; the activities issue builds the full calendar on this model."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    STARTUP_TALK = "startup_talk", _("Startup talk")
    CHILD_CONVERSATION = "child_conversation", _("Child conversation")
    CHILD_OBSERVATION = "child_observation", _("Child observation")
    CHILD_FOCUS_TALK = "child_focus_talk", _("Child-focus talk")
    PARENT_FOCUS_TALK = "parent_focus_talk", _("Parent-focus talk")
    GROUP_TALK = "group_talk", _("Group talk")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    FOLLOW_UP_MEETING = "follow_up_meeting", _("Follow-up meeting")
    HOME_VISIT = "home_visit", _("Home visit")
    VIDEO_CALL = "video_call", _("Video call")
    PHONE_CALL = "phone_call", _("Phone call")
    SMS = "sms", _("SMS")
    CONTACT_VISIT = "contact_visit", _("Contact visit (umgänge)")
    HANDOVER_MEETING = "handover_meeting", _("Handover meeting")
    SUPERVISION_VISIT = "supervision_visit", _("Supervision visit (tilsyn)")
    CONSIDERATION = "consideration", _("Consideration of the placement (övervägande)")


class Context(models.TextChoices):
    HOME = "home", _("In the home")
    OFFICE = "office", _("At the office")
    NEUTRAL = "neutral", _("Neutral or public venue")
    VIDEO = "video", _("Video")
    PHONE = "phone", _("Phone")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("kind"), max_length=32, choices=ActivityKind.choices)
    context = models.CharField(_("place"), max_length=16, choices=Context.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    planned_start = models.DateTimeField(_("planned start"), null=True, blank=True)
    planned_end = models.DateTimeField(_("planned end"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("minutes spent"), null=True, blank=True)
    note = models.TextField(_("journal note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-planned_start", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["case", "status", "held_on"], name="activity_case_held"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on or self.planned_start}"
