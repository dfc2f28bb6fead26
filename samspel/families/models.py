"""Families (households) and the persons in them (DOMAIN.md §2)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Family(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="families"
    )
    name = models.CharField(_("household name"), max_length=200)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("family")
        verbose_name_plural = _("families")

    def __str__(self) -> str:
        return self.name


class PersonRole(models.TextChoices):
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    FOSTER_PARENT = "foster_parent", _("Foster parent")
    SIBLING = "sibling", _("Sibling")
    NETWORK = "network", _("Network person")


class Person(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="persons")
    role = models.CharField(_("role in the family"), max_length=20, choices=PersonRole.choices)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    personal_number = models.CharField(_("personal number"), max_length=20, blank=True)
    protected_identity = models.BooleanField(
        _("protected identity"),
        default=False,
        help_text=_(
            "Address and contact details are hidden from everyone but users granted by name, "
            "and never printed, exported or sent in a message."
        ),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    authorised_users = models.ManyToManyField(
        "accounts.User",
        blank=True,
        related_name="+",
        verbose_name=_("users who may see protected details"),
    )

    class Meta:
        ordering = ["family", "role", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        # The case search's exact path; the names' trigram indexes are PostgreSQL's alone
        # (migration 0004), out of the model so that SQLite never meets them.
        indexes = [models.Index(fields=["personal_number"], name="person_personal_number")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        return f"{self.first_name[:1]}{self.last_name[:1]}".upper()


class ReminderContact(models.Model):
    """A family member's preference for the reminders Samspel sends them: the language the
    messages are written in (chosen on the person form)."""

    person = models.OneToOneField(
        "families.Person", on_delete=models.CASCADE, related_name="reminder_contact"
    )
    language = models.CharField(
        _("language of reminders"), max_length=8, choices=settings.LANGUAGES
    )

    class Meta:
        db_table = "reminders_remindercontact"  # made by the reminders app, where it began
        verbose_name = _("reminder preferences")
        verbose_name_plural = _("reminder preferences")

    def __str__(self) -> str:
        return f"{self.person}: {self.language}"
