"""An organisation's programme settings (DOMAIN.md §3): its values for the unlocked settings of
the built-in programmes, its own programmes (a named copy of a built-in one with its own values),
and the history of every change, so that no earlier value is ever lost.

Overrides are the flat mapping of `samspel.programmes.overrides` and hold only the values that
differ from the built-in programme's.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspel.organisations.programmes import PROGRAMME_CHOICES


class ProgrammeSettings(models.Model):
    """The organisation's values for one built-in programme: one row per organisation and
    programme, created on the first save."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="programme_settings"
    )
    programme = models.CharField(_("working model"), max_length=40, choices=PROGRAMME_CHOICES)
    overrides = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("programme settings")
        verbose_name_plural = _("programme settings")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "programme"], name="programme_settings_unique_in_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.programme}"


class OrganisationProgramme(models.Model):
    """An organisation's own programme: a built-in one under its own name and key, with its
    own values for the unlocked settings. Teams and cases refer to it by `key`."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="own_programmes"
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    based_on = models.CharField(_("based on"), max_length=40, choices=PROGRAMME_CHOICES)
    overrides = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("own programme")
        verbose_name_plural = _("own programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="own_programme_key_unique"
            ),
            models.UniqueConstraint(
                fields=["organisation", "name"], name="own_programme_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeSettingsChange(models.Model):
    """One save of a programme's settings: who, when, the values before and after."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    programme = models.CharField(_("working model"), max_length=40)  # built-in or own key
    old = models.JSONField(default=dict, blank=True)
    new = models.JSONField(default=dict, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("programme settings change")
        verbose_name_plural = _("programme settings changes")
        indexes = [
            models.Index(fields=["organisation", "programme", "-changed_at"], name="settings_hist")
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.changed_at:%Y-%m-%d %H:%M}"
