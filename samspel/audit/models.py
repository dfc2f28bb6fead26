"""The append-only audit log (DOMAIN.md §7): who did what to which record, when, from where."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


class AppendOnlyQuerySet(models.QuerySet):
    """The audit log's tables refuse bulk updates and deletes, as their rows refuse them."""

    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("audit events cannot be updated")

    def delete(self):
        raise AuditLogIsAppendOnly("audit events cannot be deleted")


class Action(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOCKED_OUT = "locked_out", _("Locked out")
    LOGOUT = "logout", _("Logged out")
    SESSION_EXPIRED = "session_expired", _("Session expired")
    SECOND_FACTOR_OK = "otp_verified", _("Second factor verified")
    SECOND_FACTOR_FAILED = "otp_failed", _("Wrong second-factor code")
    SECOND_FACTOR_ENROLLED = "otp_enrolled", _("Second factor enrolled")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_SET = "password_set", _("Password set from link")
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    IMPORT = "import", _("Imported")
    SEARCH = "search", _("Searched")
    EMERGENCY_ACCESS = "emergency_access", _("Emergency access")


class AuditEvent(models.Model):
    """One security-relevant event. Actor and organisation are copied, not foreign keys,
    so that no later change to users or organisations can touch the log."""

    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True)
    actor_username = models.CharField(_("user"), max_length=150, blank=True)
    organisation_id = models.BigIntegerField(_("organisation id"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    # The number of the case the event is about (copied, like the actor's name), so that the
    # auditor finds a case by the number everyone uses; events about several cases name theirs
    # in AuditEventCase.
    case_number = models.CharField(
        _("case number"), max_length=32, blank=True, default="", db_default=""
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # One index per search, each ending in the page order (at, id): every page of the
        # auditor's search is a range scan of one of them (docs/benchmark.md, "Audit search").
        indexes = [
            models.Index(fields=["organisation_id", "-at", "-id"], name="audit_org_at_id"),
            models.Index(fields=["actor_id", "-at", "-id"], name="audit_actor_at_id"),
            models.Index(fields=["object_type", "object_id", "-at", "-id"], name="audit_object_at"),
            models.Index(
                fields=["organisation_id", "case_number", "-at", "-id"],
                name="audit_case_number_at",
                condition=~models.Q(case_number=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit events cannot be deleted")


class AuditEventCase(models.Model):
    """A case named by an event about several cases (a list page, an export), so that a search
    by case finds the event; its `detail` keeps the same list for reading. Append-only too."""

    event = models.ForeignKey(AuditEvent, on_delete=models.PROTECT, related_name="case_links")
    case_public_id = models.UUIDField(_("case"))
    case_number = models.CharField(
        _("case number"), max_length=32, blank=True, default="", db_default=""
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("case named by an audit event")
        verbose_name_plural = _("cases named by audit events")
        indexes = [
            models.Index(fields=["case_public_id", "event"], name="audit_case_event"),
            models.Index(fields=["case_number", "event"], name="audit_case_number_event"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} {self.case_public_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit events cannot be deleted")


class Flag(models.TextChoices):
    """Reads the auditor reviews each month (DOMAIN.md §7)."""

    EMERGENCY = "emergency", _("Read under emergency access")
    PROTECTED = "protected", _("Read of a case with a protected person")
    NOT_ON_CASE = "not_on_case", _("Read by someone not on the case (outside its team)")


class AuditFlag(models.Model):
    """A read that belongs on the monthly review list, kept beside its event (append-only) so
    that the list of a month is one index range, however long the log."""

    event = models.ForeignKey(AuditEvent, on_delete=models.PROTECT, related_name="flags")
    organisation_id = models.BigIntegerField(_("organisation id"), null=True, blank=True)
    flag = models.CharField(_("flag"), max_length=16, choices=Flag.choices)
    at = models.DateTimeField(_("when"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("flagged audit event")
        verbose_name_plural = _("flagged audit events")
        indexes = [models.Index(fields=["organisation_id", "at", "flag"], name="audit_flag_org_at")]

    def __str__(self) -> str:
        return f"{self.event_id} {self.flag}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit events cannot be deleted")


class AuditReview(models.Model):
    """An auditor marked a flagged event as reviewed: who, when, with an optional note. Once
    per event; a review is itself never changed."""

    event = models.OneToOneField(AuditEvent, on_delete=models.PROTECT, related_name="review")
    reviewer_id = models.BigIntegerField(_("reviewer id"))
    reviewer_username = models.CharField(_("reviewer"), max_length=150)
    at = models.DateTimeField(_("reviewed at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("review of an audit event")
        verbose_name_plural = _("reviews of audit events")

    def __str__(self) -> str:
        return f"{self.event_id} {self.reviewer_username}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit reviews cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("audit reviews cannot be deleted")
