"""Retention (gallring, issue 11 item 5): each organisation's schedule, the legal holds that keep
a case past it, and the record of every run: which cases went and how many audit events, as
the proof an archive authority asks for. No personal data in any of them."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

YEARS = [MinValueValidator(1), MaxValueValidator(100)]


class RetentionSchedule(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="retention"
    )
    closed_case_years = models.PositiveSmallIntegerField(
        _("delete closed cases after (years)"),
        validators=YEARS,
        help_text=_("Counted from the day the case was closed."),
    )
    audit_years = models.PositiveSmallIntegerField(
        _("keep audit events for (years)"), validators=YEARS
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("retention schedule")
        verbose_name_plural = _("retention schedules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_case_years__gte=1, audit_years__gte=1),
                name="retention_at_least_a_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.closed_case_years} / {self.audit_years}"


class LegalHold(models.Model):
    """While a hold is not released, its case is kept whatever the schedule says (a complaint,
    a court case, an inspection)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.CharField(_("reason"), max_length=300)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField(auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.reason}"


class RetentionRun(models.Model):
    """What one run removed (or, as a dry run, would remove): case numbers and row counts."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="retention_runs"
    )
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField(_("as of"))
    dry_run = models.BooleanField(default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cases = models.JSONField(default=list)  # [{"number", "closed_on"}]
    kept = models.JSONField(default=list)  # held cases past the schedule: [{"number", "hold"}]
    rows = models.JSONField(default=dict)  # table -> rows removed
    audit_events = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"{self.organisation} {self.on}"

    @property
    def row_count(self) -> int:
        return sum(self.rows.values())
