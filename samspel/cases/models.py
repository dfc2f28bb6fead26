"""Cases (ärende / sag): one family, focus children, a programme, the measures that are its legal
basis and the people responsible (DOMAIN.md §2), with grants by name and emergency access (§7)."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.families.models import PersonRole


class CaseStatus(models.TextChoices):
    REFERRAL = "referral", _("Referral")
    ACTIVE = "active", _("Active")
    CLOSING = "closing", _("Closing")
    CLOSED = "closed", _("Closed")


# The only moves a case can make; a closed case stays closed.
STATUS_FLOW = {
    CaseStatus.REFERRAL: [CaseStatus.ACTIVE, CaseStatus.CLOSED],
    CaseStatus.ACTIVE: [CaseStatus.CLOSING],
    CaseStatus.CLOSING: [CaseStatus.ACTIVE, CaseStatus.CLOSED],
    CaseStatus.CLOSED: [],
}


class ClosingReason(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("The goals were reached")
    MOVED = "moved", _("The family moved")
    DECLINED = "declined", _("The family declined further support")
    TRANSFERRED = "transferred", _("Transferred to another service")
    TURNED_18 = "turned_18", _("The child turned 18")
    OTHER = "other", _("Another reason (in the note)")


class Case(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    number = models.CharField(_("case number"), max_length=20)
    family = models.ForeignKey(
        "families.Family", on_delete=models.PROTECT, related_name="cases", verbose_name=_("family")
    )
    focus_children = models.ManyToManyField(
        "families.Person", related_name="focus_cases", verbose_name=_("focus children")
    )
    # A built-in programme key or one of the organisation's own (samspel.programmes.choices):
    # forms validate it, as the choices differ per organisation.
    programme = models.CharField(_("working model"), max_length=40)
    team = models.ForeignKey(
        "organisations.Team", on_delete=models.PROTECT, related_name="cases", verbose_name=_("team")
    )
    # None while a referral waits in its team's intake queue for the team leader to assign it.
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="responsible_cases",
        null=True,
        blank=True,
        verbose_name=_("responsible worker"),
    )
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="buddy_cases",
        null=True,
        blank=True,
        verbose_name=_("buddy (makker)"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REFERRAL
    )
    phase = models.CharField(_("current phase"), max_length=40, blank=True)
    referred_on = models.DateField(_("referred on"), default=timezone.localdate)
    activated_on = models.DateField(_("active from"), null=True, blank=True)
    closing_on = models.DateField(_("closing from"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=ClosingReason.choices, blank=True
    )
    closing_note = models.TextField(_("note on the closing"), blank=True)
    # Facts the programme engine and the statutory deadlines read (DOMAIN.md §3–§4).
    phase_started_on = models.DateField(_("phase started on"), null=True, blank=True)
    placement_started_on = models.DateField(_("placement started on"), null=True, blank=True)
    # The decision whether to open an investigation (SE: SoL 11 kap. 1 a §), who recorded it,
    # and the investigation's start and end (SE: SoL 11 kap. 2 §; DK: Barnets lov §20).
    # None in `investigation_opened` means no decision is recorded.
    investigation_decided_on = models.DateField(
        _("investigation decided on"), null=True, blank=True
    )
    investigation_opened = models.BooleanField(_("investigation opened"), null=True, blank=True)
    investigation_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("decision recorded by"),
    )
    investigation_started_on = models.DateField(
        _("investigation started on"), null=True, blank=True
    )
    investigation_finished_on = models.DateField(
        _("investigation finished on"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="case_number_unique")
        ]
        indexes = [
            models.Index(fields=["responsible", "status"], name="case_responsible_status"),
            models.Index(fields=["buddy", "status"], name="case_buddy_status"),
            models.Index(fields=["team", "status"], name="case_team_status"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.family}"

    def get_programme_display(self) -> str:
        """The programme's name: built-in, or the organisation's own."""
        from samspel.programmes.choices import programme_name

        return programme_name(self.organisation_id, self.programme)

    def allowed_statuses(self) -> list[str]:
        return list(STATUS_FLOW[CaseStatus(self.status)])


class CaseGrant(models.Model):
    """A user given access to a case by name (DOMAIN.md §7)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_grants"
    )
    can_write = models.BooleanField(_("may change the case"), default=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="case_grant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.case}"


class EmergencyAccess(models.Model):
    """Time-limited read access after typing a reason; flagged to the team leader."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="emergency_accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses"
    )
    reason = models.TextField(_("reason"))
    started_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "expires_at"], name="emergency_user_expiry")]

    def __str__(self) -> str:
        return f"{self.user} on {self.case} until {self.expires_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


# The family members FIFA asks (seed 002: "alla vuxna som utreds eller behandlas för missbruk"):
# the parents of the household. Foster parents and network persons are not the adults
# investigated or treated; the one place this is said (the page, the service, the recompute).
ANSWERING_ROLES: tuple[str, ...] = (PersonRole.PARENT,)


class SupportAnswer(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    THINKING = "thinking", _("Thinking about it")


class AdultAnswers(models.Model):
    """FIFA's two answers of one adult on one case (DOMAIN.md §3.4): asked how their children
    are, and offered parenting support, each with its date. Written by
    samspel.cases.adult_answers only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="adult_answers")
    person = models.ForeignKey(
        "families.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("adult")
    )
    asked_about_children_on = models.DateField(
        _("asked about their children on"), null=True, blank=True
    )
    children_answer = models.TextField(_("how the children are, in their words"), blank=True)
    parenting_support_offered_on = models.DateField(
        _("parenting support offered on"), null=True, blank=True
    )
    support_answer = models.CharField(
        _("answer to the offer"), max_length=20, choices=SupportAnswer.choices, blank=True
    )
    support_note = models.TextField(_("about the answer"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("adult's answers")
        verbose_name_plural = _("adults' answers")
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="adult_answers_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.case}"


# Placements (ISSUE10 item 3) ---------------------------------------------------------------------


class PlacementForm(models.TextChoices):
    """Where a child is placed. Each form belongs to one country (PLACEMENT_FORMS): a Danish
    organisation is never offered a Swedish form, nor the reverse."""

    FAMILY_HOME = "familjehem", _("Family home (familjehem)")
    NETWORK_HOME = "natverkshem", _("Network home (nätverkshem)")
    HVB = "hvb", _("HVB home")
    SUPPORTED_HOUSING = "stodboende", _("Supported housing (stödboende)")
    SIS_HOME = "sis", _("SiS home (SiS-hem)")
    FOSTER_FAMILY = "plejefamilie", _("Foster family (plejefamilie)")
    NETWORK_FOSTER_FAMILY = "netvaerksplejefamilie", _("Network foster family")
    RESIDENTIAL_INSTITUTION = "dogninstitution", _("Residential institution (døgninstitution)")
    RESIDENTIAL_HOME = "opholdssted", _("Residential home (opholdssted)")


PLACEMENT_FORMS: dict[str, tuple[str, ...]] = {
    "SE": (
        PlacementForm.FAMILY_HOME,
        PlacementForm.NETWORK_HOME,
        PlacementForm.HVB,
        PlacementForm.SUPPORTED_HOUSING,
        PlacementForm.SIS_HOME,
    ),
    "DK": (
        PlacementForm.FOSTER_FAMILY,
        PlacementForm.NETWORK_FOSTER_FAMILY,
        PlacementForm.RESIDENTIAL_INSTITUTION,
        PlacementForm.RESIDENTIAL_HOME,
    ),
}


# The kinds of network organisation (samspel.network.models.OrganisationKind values) a
# placement's home is chosen from; a home typed in on the placement form is registered as a
# family home when the form of placement is a family's, else as a residential unit.
FAMILY_HOME_KIND = "foster_home"
UNIT_KIND = "residential_unit"
HOME_KINDS = (FAMILY_HOME_KIND, UNIT_KIND, "residential")
FAMILY_FORMS = frozenset(
    {
        PlacementForm.FAMILY_HOME,
        PlacementForm.NETWORK_HOME,
        PlacementForm.FOSTER_FAMILY,
        PlacementForm.NETWORK_FOSTER_FAMILY,
    }
)


def home_kind(form: str) -> str:
    """The network kind of a new home for a placement of this form."""
    return FAMILY_HOME_KIND if form in FAMILY_FORMS else UNIT_KIND


class PlacementEnd(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNPLANNED = "unplanned", _("Unplanned (breakdown)")


class PlacementEndReason(models.TextChoices):
    """Why an unplanned placement ended (sammanbrott / afbrudt anbringelse)."""

    HOME_ENDED_IT = "home_ended_it", _("The foster home or unit ended it")
    CHILD_BEHAVIOUR = "child_behaviour", _("The child's behaviour")
    HOME_SITUATION = "home_situation", _("The foster home's situation")
    CHILD_WISH = "child_wish", _("The child's wish")
    OTHER = "other", _("Other")


class Placement(models.Model):
    """One placement of one focus child of a case (DOMAIN.md §3): where, on what legal ground,
    from when to when, and how it ended. The case's current placements start the law's
    placement rules (samspel.followup.recompute). Written by samspel.cases.services
    record_placement and end_placement only."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="placements")
    child = models.ForeignKey(
        "families.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("child")
    )
    started_on = models.DateField(_("placed on"))
    # Blank only on a placement migrated from the case's one date (0011): never from a form.
    form = models.CharField(
        _("form of placement"), max_length=32, choices=PlacementForm.choices, blank=True
    )
    legal_ground = models.CharField(_("legal ground"), max_length=40, blank=True)
    # An entry of the organisation's network register (a string reference: cases sits below
    # network in the layers); blank when not recorded, as on the placements migrated in 0011.
    home = models.ForeignKey(
        "network.ExternalOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("home or unit"),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_kind = models.CharField(
        _("how it ended"), max_length=20, choices=PlacementEnd.choices, blank=True
    )
    end_reason = models.CharField(
        _("reason"), max_length=32, choices=PlacementEndReason.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"{self.child} from {self.started_on:%Y-%m-%d}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


def in_force(starts_on: dt.date, ends_on: dt.date | None, day: dt.date) -> bool:
    """Whether a decision running from `starts_on` to `ends_on` (both included; open-ended
    without an end) is in force on `day`: the one rule for measures, on the case page and in
    the recompute."""
    return starts_on <= day and (ends_on is None or day <= ends_on)


class Measure(models.Model):
    """One decided measure (insats / foranstaltning) of a case: a paragraph of the catalogue of
    the organisation's country, the day it was decided, the day it starts and the day it ends.
    The measures in force on a day are the case's legal basis that day: they choose the
    programme's cadence and start the law's rules (samspel.followup.recompute). A measure is
    never deleted: ending it records the day. Written by samspel.cases.services add_measure
    and end_measure only."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="measures")
    paragraph = models.CharField(_("paragraph"), max_length=40)
    decided_on = models.DateField(_("decided on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="measure_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.paragraph} from {self.starts_on:%Y-%m-%d}"

    def in_force_on(self, day: dt.date) -> bool:
        return in_force(self.starts_on, self.ends_on, day)


class CasePeriod(models.Model):
    """A finished period of a case that was reopened: from its start to its closing, with the
    closing's reason, kept when the team leader reopens the case so that reopening rewrites no
    history (samspel.cases.services.reopen_case)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="periods")
    started_on = models.DateField(_("started on"))
    closed_on = models.DateField(_("closed on"))
    closing_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=ClosingReason.choices, blank=True
    )
    closing_note = models.TextField(_("note on the closing"), blank=True)
    reopened_on = models.DateField(_("reopened on"))
    reopening_reason = models.TextField(_("reason for reopening"))
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = _("earlier period of a case")
        verbose_name_plural = _("earlier periods of a case")

    def __str__(self) -> str:
        return f"{self.case_id} {self.started_on}–{self.closed_on}"
