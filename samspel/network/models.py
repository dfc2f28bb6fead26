"""The network around a case (DOMAIN.md §2, §7): external organisations and their contact
persons, kept per Samspel organisation; the actors linked to a case with their role; and the
family's consent to share information with each actor. Consent is never deleted: withdrawing
it records the date and keeps the record."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspel.network import consent as consent_rules
from samspel.programmes.vocabulary import network_kind_label


class OrganisationKind(models.TextChoices):
    """Every kind stored in either country. Which kinds an organisation is offered, and their
    labels with the country's own term, follow its country
    (samspel.programmes.vocabulary.network_kind_choices); these labels name no country's term,
    so an old record of the other country's kind still reads."""

    SCHOOL = "school", _("School")
    DAY_CARE = "day_care", _("Day care")
    PPR = "ppr", _("Educational psychology service")
    PUPIL_HEALTH = "pupil_health", _("Pupil health service")
    PSYCHIATRY = "psychiatry", _("Child and adolescent psychiatry")
    SOCIAL_INSURANCE = "social_insurance", _("Social insurance agency")
    EMPLOYMENT_SERVICE = "employment_service", _("Employment service")
    HEALTH_CARE = "health_care", _("Region / health care")
    THERAPY = "therapy", _("Physiotherapy / occupational therapy")
    FOSTER_HOME = "foster_home", _("Foster home")
    RESIDENTIAL_UNIT = "residential_unit", _("Residential unit")
    RESIDENTIAL = "residential", _("Residential services")
    OTHER = "other", _("Other")


class ExternalOrganisation(models.Model):
    """A school, a PPR office, a psychiatric clinic … known to one Samspel organisation."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="external_organisations",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("external organisation")
        verbose_name_plural = _("external organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="external_organisation_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def kind_label(self, country: str | None) -> str:
        """The kind in the words of `country`, the organisation's (the Samspel organisation's
        country is not loaded here, so the caller, who has the case, names it)."""
        return network_kind_label(self.kind, country, self.get_kind_display())


class ContactPerson(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    external_organisation = models.ForeignKey(
        ExternalOrganisation, on_delete=models.PROTECT, related_name="contact_persons"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["external_organisation__name", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


class CaseActor(models.Model):
    """An external organisation (and perhaps one of its people) taking part in a case."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="actors")
    external_organisation = models.ForeignKey(
        ExternalOrganisation,
        on_delete=models.PROTECT,
        related_name="case_actors",
        verbose_name=_("external organisation"),
    )
    contact_person = models.ForeignKey(
        ContactPerson,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_actors",
        verbose_name=_("contact person"),
    )
    role = models.CharField(_("role on the case"), max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["external_organisation__name", "role", "id"]
        verbose_name = _("actor on a case")
        verbose_name_plural = _("actors on a case")

    def __str__(self) -> str:
        who = self.external_organisation.name
        contact = self.contact_person
        if contact is not None:
            who = f"{contact.name}, {who}"
        return f"{who} ({self.role})"

    @property
    def has_valid_consent(self) -> bool:
        """For templates: valid consent today (see samspel.network.consent)."""
        return consent_rules.has_valid_consent(self)

    @property
    def consent_state(self) -> str:
        return consent_rules.consent_state(self.consents.all())


class Consent(models.Model):
    """The family's consent to share information with one actor on the case."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case_actor = models.ForeignKey(CaseActor, on_delete=models.PROTECT, related_name="consents")
    given_by = models.ForeignKey(
        "families.Person",
        on_delete=models.PROTECT,
        related_name="consents_given",
        verbose_name=_("given by"),
    )
    scope = models.TextField(_("what may be shared"))
    given_on = models.DateField(_("given on"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawal_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True)
                | models.Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_by} → {self.case_actor} ({self.given_on:%Y-%m-%d})"

    def is_valid_on(self, day: dt.date) -> bool:
        return consent_rules.is_valid(self.given_on, self.withdrawn_on, day)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_on is not None
