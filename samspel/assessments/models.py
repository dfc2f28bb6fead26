"""Signs of Safety assessments (DOMAIN.md §2): a mapping of statements on a case, and a safety
scale from 0 to 10 rated per participant and kept over time."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCALE_MIN, SCALE_MAX = 0, 10


class StatementCategory(models.TextChoices):
    HARM = "harm", _("Harm")
    COMPLICATING_FACTORS = "complicating_factors", _("Complicating factors")
    EXISTING_STRENGTHS = "existing_strengths", _("Existing strengths")
    EXISTING_SAFETY = "existing_safety", _("Existing safety")
    DANGER_STATEMENT = "danger_statement", _("Danger statement")
    SAFETY_GOAL = "safety_goal", _("Safety goal")
    NEXT_STEPS = "next_steps", _("Next steps")


class ParticipantRole(models.TextChoices):
    WORKER = "worker", _("Worker")
    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")
    FOSTER_PARENT = "foster_parent", _("Foster parent")
    NETWORK = "network", _("Network person")
    OTHER_PROFESSIONAL = "other_professional", _("Other professional")


class Mapping(models.Model):
    """One Signs of Safety mapping, held on a date by a worker."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="safety_mappings")
    held_on = models.DateField(_("date of the mapping"), default=timezone.localdate)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("held by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("Signs of Safety mapping")
        verbose_name_plural = _("Signs of Safety mappings")

    def __str__(self) -> str:
        return f"{self.case.number} {self.held_on:%Y-%m-%d}"


class Statement(models.Model):
    """What one statement of a mapping says, under one of the seven categories."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mapping = models.ForeignKey(Mapping, on_delete=models.CASCADE, related_name="statements")
    category = models.CharField(_("category"), max_length=30, choices=StatementCategory.choices)
    text = models.TextField(_("statement"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.text[:40]}"


class SafetyRating(models.Model):
    """One participant's answer to the scaling question on one date: 10 means safe enough to
    close the case, 0 means the child cannot stay."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="safety_ratings")
    role = models.CharField(_("participant's role"), max_length=30, choices=ParticipantRole.choices)
    person = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="safety_ratings",
        verbose_name=_("person in the family"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    value = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)]
    )
    rated_on = models.DateField(_("date of the rating"), default=timezone.localdate)
    comment = models.TextField(_("comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["rated_on", "id"]
        verbose_name = _("safety rating")
        verbose_name_plural = _("safety ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX),
                name="safety_rating_on_the_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(name=""),
                name="safety_rating_has_a_participant",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_label} {self.rated_on:%Y-%m-%d}: {self.value}"

    @property
    def participant_name(self) -> str:
        return str(self.person) if self.person_id else self.name

    @property
    def participant_key(self) -> str:
        """The same participant across dates: the family member, or the role and typed name."""
        who = f"person:{self.person_id}" if self.person_id else f"name:{self.name.casefold()}"
        return f"{self.role}|{who}"

    @property
    def participant_label(self) -> str:
        return self.label_with(self.participant_name)

    def label_with(self, name: str) -> str:
        """The participant's label with `name` (a family member as the display rule shows them)."""
        return f"{name} ({self.get_role_display()})"
