"""Organisations, their teams and who belongs to which team (DOMAIN.md §1)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Jurisdiction(models.TextChoices):
    SWEDEN = "SE", _("Sweden")
    DENMARK = "DK", _("Denmark")


class Organisation(models.Model):
    """A municipality department or a provider. Data never crosses organisations."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=2, choices=Jurisdiction.choices)
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES
    )
    require_second_factor = models.BooleanField(
        _("require a second factor at login"),
        default=True,
        help_text=_("Every user must sign in with a one-time code from an authenticator app."),
    )
    reference_caseload = models.PositiveSmallIntegerField(
        _("reference caseload per worker"), default=24
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("name"), max_length=200)
    # A built-in programme key or one of the organisation's own (samspel.programmes.choices):
    # forms validate it, as the choices differ per organisation.
    programme = models.CharField(_("working model"), max_length=40)
    is_active = models.BooleanField(_("active"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="teams"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_in_org")
        ]

    def __str__(self) -> str:
        return self.name

    def get_programme_display(self) -> str:
        """The programme's name: built-in, or the organisation's own."""
        from samspel.programmes.choices import programme_name

        return programme_name(self.organisation_id, self.programme)

    @property
    def leaders(self):
        return self.members.filter(membership__is_leader=True)


class Membership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    is_leader = models.BooleanField(_("team leader"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
