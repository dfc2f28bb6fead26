"""Activities: contacts with the family or about the case (DOMAIN.md §2), who took part, and the
family's appointments with other agencies that Samspel only records (DOMAIN.md §3.5). The
programme engine reads held activities; the calendars and the reminders read planned ones."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspel.programmes import activity_kinds as kinds


class ActivityKind(models.TextChoices):
    STARTUP_TALK = kinds.STARTUP_TALK, _("Startup talk")
    CHILD_CONVERSATION = kinds.CHILD_CONVERSATION, _("Child conversation")
    CHILD_OBSERVATION = kinds.CHILD_OBSERVATION, _("Child observation")
    CHILD_FOCUS_TALK = kinds.CHILD_FOCUS_TALK, _("Child-focus talk")
    PARENT_FOCUS_TALK = kinds.PARENT_FOCUS_TALK, _("Parent-focus talk")
    GROUP_TALK = kinds.GROUP_TALK, _("Group talk")
    NETWORK_MEETING = kinds.NETWORK_MEETING, _("Network meeting")
    FOLLOW_UP_MEETING = kinds.FOLLOW_UP_MEETING, _("Follow-up meeting")
    HOME_VISIT = kinds.HOME_VISIT, _("Home visit")
    VIDEO_CALL = kinds.VIDEO_CALL, _("Video call")
    PHONE_CALL = kinds.PHONE_CALL, _("Phone call")
    SMS = kinds.SMS, _("SMS")
    CONTACT_VISIT = kinds.CONTACT_VISIT, _("Contact visit")
    HANDOVER_MEETING = kinds.HANDOVER_MEETING, _("Handover meeting")
    SUPERVISION_VISIT = kinds.SUPERVISION_VISIT, _("Supervision visit (tilsyn)")
    CONSIDERATION = kinds.CONSIDERATION, _("Consideration of the placement (övervägande)")


class Context(models.TextChoices):
    HOME = kinds.HOME, _("In the home")
    OFFICE = kinds.OFFICE, _("At the office")
    NEUTRAL = kinds.NEUTRAL, _("Neutral or public venue")
    VIDEO = kinds.VIDEO, _("Video")
    PHONE = kinds.PHONE, _("Phone")


class Intervention(models.TextChoices):
    """Methods used inside a contact (DOMAIN.md §3.1), recorded on the activity."""

    MARTE_MEO = "marte_meo", _("Marte Meo")
    CIRCLE_OF_SECURITY = "circle_of_security", _("Circle of Security (Trygghetscirkeln)")
    ICDP = "icdp", _("ICDP (vägledande samspel)")


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
    place_detail = models.CharField(
        _("where exactly"),
        max_length=200,
        blank=True,
        help_text=_("A room, a café, a link. Never a protected address."),
    )
    interventions = models.JSONField(_("interventions used"), default=list, blank=True)
    # Contact visits (umgänge, seed 002): the child's own rating of how safe it felt.
    child_safety_rating = models.PositiveSmallIntegerField(
        _("the child's own rating of how safe it felt (0–10)"), null=True, blank=True
    )
    child_safety_note = models.TextField(_("notes on the visit"), blank=True)
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    # RFC 5545 SEQUENCE: raised whenever the time or the status changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-planned_start", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["case", "status", "held_on"], name="activity_case_held"),
            models.Index(fields=["planned_start"], name="activity_planned_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__isnull=True)
                | models.Q(planned_start__isnull=True)
                | models.Q(planned_end__gt=models.F("planned_start")),
                name="activity_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(child_safety_rating__isnull=True)
                | models.Q(child_safety_rating__lte=10),
                name="activity_safety_rating_0_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on or self.planned_start}"


class ActivityParticipant(models.Model):
    """One participant: a person of the case's family, a Samspel user of the same organisation,
    or an actor on the case. Exactly one of the three is set."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "families.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    case_actor = models.ForeignKey(
        "network.CaseActor", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, user__isnull=True, case_actor__isnull=True)
                    | models.Q(person__isnull=True, user__isnull=False, case_actor__isnull=True)
                    | models.Q(person__isnull=True, user__isnull=True, case_actor__isnull=False)
                ),
                name="participant_exactly_one",
            ),
            models.UniqueConstraint(fields=["activity", "person"], name="participant_person_once"),
            models.UniqueConstraint(fields=["activity", "user"], name="participant_user_once"),
            models.UniqueConstraint(
                fields=["activity", "case_actor"], name="participant_actor_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.user or self.case_actor)


class AgencyKind(models.TextChoices):
    PSYCHIATRY = "psychiatry", _("Psychiatry")
    SCHOOL = "school", _("School or day care")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance agency (Försäkringskassan)")
    EMPLOYMENT_SERVICE = "employment_service", _("Employment service")
    PPR = "ppr", _("Educational psychology service (PPR)")
    MUNICIPALITY = "municipality", _("Other municipal service (kommune)")
    HEALTH_CARE = "health_care", _("Region (health care)")
    HABILITATION = "habilitation", _("Habilitation or therapy")
    OTHER = "other", _("Other agency")


class AppointmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class ExternalAppointment(models.Model):
    """An appointment the family has with another agency. Samspel only records it, so that the
    family's calendar holds everything and our own activities do not collide with it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    family = models.ForeignKey(
        "families.Family", on_delete=models.PROTECT, related_name="external_appointments"
    )
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for whom"),
    )
    agency_kind = models.CharField(_("agency"), max_length=30, choices=AgencyKind.choices)
    agency_name = models.CharField(_("name of the agency"), max_length=200, blank=True)
    title = models.CharField(_("what"), max_length=200)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place_detail = models.CharField(_("where"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.PLANNED,
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("appointment with another agency")
        verbose_name_plural = _("appointments with other agencies")
        indexes = [models.Index(fields=["family", "start"], name="appointment_family_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="appointment_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.start:%Y-%m-%d %H:%M}"
