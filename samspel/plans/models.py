"""The shared plan (fælles målbillede, DOMAIN.md §2): long-term goals, short-term goals under
them and measurable sub-goals under those, each with a responsible party; progress on sub-goals
over time; coordination responsibility per external actor; the family's agreement.

A plan is versioned: `version` is bumped by every save (optimistic locking, see
samspel.plans.versioning) and every save leaves a PlanRevision with a snapshot of the plan."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspel.programmes import plan_kinds as kinds


class PlanKind(models.TextChoices):
    CARE_PLAN = kinds.CARE_PLAN, _("Care plan (vårdplan)")
    IMPLEMENTATION_PLAN = kinds.IMPLEMENTATION_PLAN, _("Implementation plan (genomförandeplan)")
    CHILD_PLAN = kinds.CHILD_PLAN, _("Child's plan (barnets plan / handleplan)")


class ResponsibleParty(models.TextChoices):
    FAMILY = "family", _("The family")
    WORKER = "worker", _("The worker")
    ACTOR = "actor", _("An external actor")


class Coordinator(models.TextChoices):
    FAMILY = "family", _("The family")
    WORKER = "worker", _("The worker")


class AssessedBy(models.TextChoices):
    TOGETHER = "together", _("The family and the worker together")
    FAMILY = "family", _("The family")
    WORKER = "worker", _("The worker")


class PlanChange(models.TextChoices):
    """What a save did, shown on the history page."""

    CREATED = "created", _("Plan written")
    EDITED = "edited", _("Plan details changed")
    AGREED = "agreed", _("The family's agreement recorded")
    GOAL_ADDED = "goal_added", _("Goal added")
    GOAL_CHANGED = "goal_changed", _("Goal changed")
    GOAL_REMOVED = "goal_removed", _("Goal removed")
    SUBGOAL_ADDED = "subgoal_added", _("Sub-goal added")
    SUBGOAL_CHANGED = "subgoal_changed", _("Sub-goal changed")
    SUBGOAL_REMOVED = "subgoal_removed", _("Sub-goal removed")
    COORDINATION_ADDED = "coordination_added", _("Coordination responsibility added")
    COORDINATION_CHANGED = "coordination_changed", _("Coordination responsibility changed")
    COORDINATION_REMOVED = "coordination_removed", _("Coordination responsibility removed")


class Plan(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind of plan"), max_length=30, choices=PlanKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("start date"))
    agreed_on = models.DateField(_("agreed with the family on"), null=True, blank=True)
    agreed_by = models.CharField(_("agreed by"), max_length=300, blank=True)
    agreement_text = models.TextField(_("the family's words on the plan"), blank=True)
    agreed_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.title

    @property
    def changed_since_agreement(self) -> bool:
        return self.agreed_version is not None and self.version > self.agreed_version


class Responsibility(models.Model):
    """Who answers for a goal or sub-goal: the family, the worker or a named external actor."""

    responsible_party = models.CharField(
        _("responsible"), max_length=10, choices=ResponsibleParty.choices
    )
    responsible_actor = models.CharField(
        _("name of the external actor"), max_length=200, blank=True
    )

    class Meta:
        abstract = True

    @property
    def responsible_display(self) -> str:
        if self.responsible_party == ResponsibleParty.ACTOR:
            return self.responsible_actor
        return str(ResponsibleParty(self.responsible_party).label)


class Goal(Responsibility):
    """A long-term goal (no parent) or a short-term goal (under a long-term goal)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="short_term_goals",
        verbose_name=_("part of the long-term goal"),
    )
    text = models.TextField(_("goal"))
    goal_areas = models.JSONField(_("goal areas"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text

    @property
    def is_long_term(self) -> bool:
        return self.parent_id is None


class SubGoal(Responsibility):
    """A measurable sub-goal under a short-term goal: what, how it is seen, by when."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    goal = models.ForeignKey(
        Goal,
        on_delete=models.CASCADE,
        related_name="sub_goals",
        verbose_name=_("part of the short-term goal"),
    )
    what = models.TextField(_("what"))
    indicator = models.TextField(_("indicator: how we will see it"))
    target_date = models.DateField(_("target date"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target_date", "id"]
        verbose_name = _("sub-goal")
        verbose_name_plural = _("sub-goals")

    def __str__(self) -> str:
        return self.what


class Progress(models.Model):
    """One rating of a sub-goal on the 0–10 scale (10 = reached), kept over time."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sub_goal = models.ForeignKey(SubGoal, on_delete=models.CASCADE, related_name="progress")
    on = models.DateField(_("date"))
    value = models.PositiveSmallIntegerField(
        _("progress (0–10)"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    assessed_by = models.CharField(
        _("assessed by"), max_length=10, choices=AssessedBy.choices, default=AssessedBy.TOGETHER
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("progress rating")
        verbose_name_plural = _("progress ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=10), name="progress_value_0_to_10"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sub_goal}: {self.value} ({self.on:%Y-%m-%d})"


class CoordinationResponsibility(models.Model):
    """Who coordinates with an external actor: "the family coordinates with the school"."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="coordination")
    actor = models.CharField(_("external actor"), max_length=200)
    coordinator = models.CharField(_("who coordinates"), max_length=10, choices=Coordinator.choices)
    note = models.TextField(_("what the coordination covers"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["actor", "id"]
        verbose_name = _("coordination responsibility")
        verbose_name_plural = _("coordination responsibilities")

    def __str__(self) -> str:
        return f"{self.get_coordinator_display()} ↔ {self.actor}"


class PlanRevision(models.Model):
    """The whole plan as it was after one save: its details, goals, sub-goals, coordination."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("version"))
    change = models.CharField(_("change"), max_length=30, choices=PlanChange.choices)
    snapshot = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="plan_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.version}"
