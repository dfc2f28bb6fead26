"""Users of Samspel and their organisation-wide role (DOMAIN.md §1)."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class Role(models.TextChoices):
    WORKER = "worker", _("Worker")
    TEAM_LEADER = "team_leader", _("Team leader")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    AUDITOR = "auditor", _("Auditor")


class User(AbstractUser):  # type: ignore[django-manager-missing]  # django-otp devices
    """A person who signs in. Family members and external actors never have accounts."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.WORKER)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, default=""
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_org_admin(self) -> bool:
        return self.role == Role.ORG_ADMIN

    @property
    def is_auditor(self) -> bool:
        return self.role == Role.AUDITOR

    def needs_second_factor(self) -> bool:
        """A second factor is needed when the organisation demands it or the user enrolled one."""
        org_requires = self.organisation is not None and self.organisation.require_second_factor
        return org_requires or self.has_second_factor()

    def has_second_factor(self) -> bool:
        """A confirmed authenticator app or security key, asked in one query (django-otp's
        user_has_device asks each kind of device in turn, on every request)."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        totp = TOTPDevice.objects.filter(user=models.OuterRef("pk"), confirmed=True)
        keys = WebAuthnDevice.objects.filter(user=models.OuterRef("pk"), confirmed=True)
        return (
            User.objects.filter(pk=self.pk)
            .filter(models.Exists(totp) | models.Exists(keys))
            .exists()
        )


class WebAuthnDevice(Device):
    """A security key or a platform authenticator (WebAuthn) as a second factor beside the
    authenticator app (samspel.accounts.webauthn). A django-otp device, so that the login's
    second-factor step and `is_verified` treat it like the app."""

    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("security key")
        verbose_name_plural = _("security keys")
