"""Stored due items and follow-up periods: recomputed by samspel.followup.recompute inside the
transaction of any change that affects them, so that worklists are one indexed query."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DueItem(models.Model):
    """An open obligation on a case, as the engine computed it."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="due_items")
    rule = models.CharField(max_length=80)
    title = models.CharField(max_length=200)  # English message id, translated when shown
    due_on = models.DateField(_("due"))
    counts_from = models.DateField()
    source = models.CharField(max_length=16)
    explanation = models.CharField(max_length=300)  # English message id
    explanation_params = models.JSONField(default=dict)
    # Copied from the case so that worklists need no join to filter.
    organisation_id = models.BigIntegerField()
    responsible_id = models.BigIntegerField(db_index=False, null=True)
    buddy_id = models.BigIntegerField(null=True)
    team_id = models.BigIntegerField()
    programme = models.CharField(max_length=40)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["responsible_id", "due_on"], name="due_responsible"),
            models.Index(fields=["buddy_id", "due_on"], name="due_buddy"),
            models.Index(fields=["team_id", "due_on"], name="due_team"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["case", "rule"], name="due_item_one_per_rule")
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.due_on}"


class FollowUpPeriod(models.Model):
    """A period of a recurring follow-up rule and whether it was held on time (compliance)."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="follow_up_periods"
    )
    rule = models.CharField(max_length=80)
    due_on = models.DateField()
    held_on = models.DateField(null=True, blank=True)
    team_id = models.BigIntegerField()
    programme = models.CharField(max_length=40)

    class Meta:
        ordering = ["due_on"]
        indexes = [models.Index(fields=["team_id", "due_on"], name="period_team_due")]

    def __str__(self) -> str:
        return f"{self.rule} {self.due_on} {self.held_on or '-'}"


class SupportEvaluation(models.Model):
    """The family evaluated the worker's support (DOMAIN.md §3.1: the foster home evaluates the
    consultant every 3 months), as recorded by a worker on the case page. The engine's
    `evaluated_on` fact counts from these; the family's own evaluations through personal links
    (§6) will feed the same fact when they exist."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="support_evaluations"
    )
    evaluated_on = models.DateField(_("evaluated on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-evaluated_on", "-id"]
        verbose_name = _("evaluation of the support")
        verbose_name_plural = _("evaluations of the support")

    def __str__(self) -> str:
        return f"{self.case_id} {self.evaluated_on}"
