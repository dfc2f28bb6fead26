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


class MatchClaim(models.TextChoices):
    EMAIL = "email", _("E-mail address (email)")
    USERNAME = "preferred_username", _("Username (preferred_username)")


class SingleSignOn(models.Model):
    """An organisation's OpenID Connect provider (samspel.organisations.sso): its issuer and
    Samspel's client there, how a login finds its user, whether unknown users are made, where
    their role comes from, and whether local passwords still work."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="single_sign_on"
    )
    enabled = models.BooleanField(_("single sign-on is on"), default=True)
    issuer = models.URLField(
        _("issuer"), help_text=_("The provider's address, as in its discovery document.")
    )
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500)
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    match_claim = models.CharField(
        _("find users by"), max_length=32, choices=MatchClaim.choices, default=MatchClaim.EMAIL
    )
    provision = models.BooleanField(
        _("make unknown users"),
        default=False,
        help_text=_("A first login of someone unknown makes their user, without a team."),
    )
    role_claim = models.CharField(
        _("role claim"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to leave roles to the organisation administrator."),
    )
    role_map = models.JSONField(_("role for each claim value"), default=dict, blank=True)
    password_login = models.BooleanField(
        _("local passwords still work"),
        default=True,
        help_text=_(
            "Switch off to let the organisation's users sign in only through its provider."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("single sign-on")
        verbose_name_plural = _("single sign-ons")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.issuer}"


class SsoIdentity(models.Model):
    """The provider's subject a user first signed in as: later logins find the user by it, so
    that a changed or reused e-mail address cannot take over another account."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    issuer = models.URLField()
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"
