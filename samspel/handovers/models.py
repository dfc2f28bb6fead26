"""A handover of a case to another worker (issue 12, item 2; DOMAIN §5): the old worker writes
a structured note, prefilled from the case; the new worker reads it and accepts, and only then
does the case change hands. Until then the old worker keeps the case and the new worker may
read it. The handover records when the family was told and when it met the new worker."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESPONSIBLE = "responsible", _("Responsible worker")
    BUDDY = "buddy", _("Buddy")
    TEAM = "team", _("The case, to another team")


class State(models.TextChoices):
    WAITING = "waiting", _("Waiting for the new worker")
    ACCEPTED = "accepted", _("Accepted")
    CANCELLED = "cancelled", _("Cancelled")


# The note's parts, in the order the page and the form show them.
NOTE_FIELDS = ("goals", "agreements", "coordination", "network", "risks", "next_steps")


class Handover(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="handovers")
    kind = models.CharField(_("what is handed over"), max_length=12, choices=Kind.choices)
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("new worker"),
    )
    to_team = models.ForeignKey(
        "organisations.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("new team"),
        help_text=_(
            "Only when the case goes to another team; the new worker is one of its members."
        ),
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    goals = models.TextField(_("goals and where they stand"), blank=True)
    agreements = models.TextField(_("agreements with the family"), blank=True)
    coordination = models.TextField(_("coordination responsibilities"), blank=True)
    network = models.TextField(_("network and consent"), blank=True)
    risks = models.TextField(_("risks and what to watch"), blank=True)
    next_steps = models.TextField(_("what is due next"), blank=True)
    family_told_on = models.DateField(_("the family was told on"), null=True, blank=True)
    family_met_on = models.DateField(_("the family met the new worker on"), null=True, blank=True)
    # The read grant the handover gave the new worker to read the case before accepting.
    granted_reading = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind"],
                condition=models.Q(state="waiting"),
                name="one_waiting_handover_per_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} → {self.to_user_id}"
