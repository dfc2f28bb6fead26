"""Forms for planning, moving, cancelling and recording activities. They validate only; the
services in samspel.activities.services save."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import Role, User
from samspel.activities.counts import kind_notes, mark_choices
from samspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityParticipant,
    Context,
    Intervention,
)
from samspel.activities.services import (
    HELD_IN_FUTURE,
    MAX_MINUTES,
    MAX_RATING,
    Participants,
    held_on_problem,
    minutes_problem,
    planned_times_problem,
)
from samspel.bounds import PastDateField, PlannedDateTimeField
from samspel.cases.access import WRITE_GRANT
from samspel.cases.models import Case, CaseGrant
from samspel.families.visibility import family_display
from samspel.organisations.models import Membership
from samspel.programmes.vocabulary import KIND_REFUSED, activity_kind_choices

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
DATETIME_WIDGET = forms.DateTimeInput(format=DATETIME_FORMAT, attrs={"type": "datetime-local"})
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
PERSON, USER, ACTOR = "person", "user", "actor"


def _on_the_case(case: Case) -> Q:
    """The workers offered as participants: the case's team, its responsible and buddy, those
    granted write access by name, and whoever already took part in an activity of the case —
    not the whole organisation (thousands of names on a large municipality's page, and a
    participant sees the activity in their calendar)."""
    members = Membership.objects.filter(team_id=case.team_id).values("user_id")
    granted = CaseGrant.objects.filter(case=case, can_write=True).values("user_id")
    took_part = ActivityParticipant.objects.filter(activity__case=case, user__isnull=False).values(
        "user_id"
    )
    return (
        Q(pk__in=members)
        | Q(pk__in=[pk for pk in (case.responsible_id, case.buddy_id) if pk])
        | Q(pk__in=granted)
        | Q(pk__in=took_part)
    )


class ParticipantChoices:
    """Who may take part in an activity of `case`: the family's persons, the workers on the
    case (`_on_the_case`) and the actors on the case, each offered as "<kind>:<public id>".
    The forms are offered only to readers who may write the case, so family members are
    labelled as the display rule shows them to a writer (families/visibility.py)."""

    def __init__(self, case: Case) -> None:
        self.persons = {str(p.public_id): p for p in case.family.persons.all()}
        self.shown = family_display(None, case.family, WRITE_GRANT)
        workers = User.objects.filter(
            _on_the_case(case),
            organisation_id=case.organisation_id,
            is_active=True,
            role__in=[Role.WORKER, Role.TEAM_LEADER],
        ).order_by("first_name", "last_name", "username")
        self.users = {str(u.public_id): u for u in workers}
        actors = case.actors.select_related("external_organisation", "contact_person")
        self.actors = {str(a.public_id): a for a in actors.prefetch_related("consents")}

    def choices(self) -> list:
        def group(prefix: str, rows: dict, label=str) -> list[tuple[str, str]]:
            return [(f"{prefix}:{key}", label(row)) for key, row in rows.items()]

        groups = [
            (_("The family"), group(PERSON, self.persons, self.shown.label)),
            (_("Workers"), group(USER, self.users)),
            (_("External actors on the case"), group(ACTOR, self.actors)),
        ]
        return [(label, rows) for label, rows in groups if rows]

    def resolve(self, values: list[str]) -> Participants:
        chosen = Participants()
        for value in values:
            prefix, _sep, key = value.partition(":")
            target = {PERSON: chosen.persons, USER: chosen.users, ACTOR: chosen.actors}[prefix]
            target.append({PERSON: self.persons, USER: self.users, ACTOR: self.actors}[prefix][key])
        return chosen

    @staticmethod
    def values_of(activity: Activity) -> list[str]:
        values = []
        for row in activity.participants.select_related("person", "user", "case_actor"):
            if row.person_id:
                values.append(f"{PERSON}:{row.person.public_id}")
            elif row.user_id:
                values.append(f"{USER}:{row.user.public_id}")
            else:
                values.append(f"{ACTOR}:{row.case_actor.public_id}")
        return values


def _participant_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Participants"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Choose participants among the family, the workers on this case and the "
                "actors on this case."
            )
        },
    )


def _intervention_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Interventions used"),
        required=False,
        choices=Intervention.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class ParticipantsMixin:
    """Resolves the chosen participant values into a `Participants`."""

    def _setup_participants(self, case: Case) -> None:
        self.case = case
        self.participant_choices = ParticipantChoices(case)
        self.fields["participants"].choices = self.participant_choices.choices()

    def clean_participants(self) -> Participants:
        values = self.cleaned_data["participants"]
        if len(set(values)) != len(values):
            raise forms.ValidationError(_("Choose each participant once."))
        return self.participant_choices.resolve(values)

    def chosen_actors(self) -> list:
        """The actors ticked on the form (bound or initial), for the consent warnings."""
        actors = self.participant_choices.actors
        keys = [value.partition(":") for value in self["participants"].value() or []]
        return [actors[key] for prefix, _sep, key in keys if prefix == ACTOR and key in actors]


def country_kind_choices(case: Case, keep: str = "") -> list:
    """The activity kinds offered in the case's organisation, labelled in its country's terms,
    each counting kind with its note."""
    country = case.organisation.jurisdiction
    offered = activity_kind_choices(country, ActivityKind.choices, keep)
    return mark_choices(offered, kind_notes(case))


class PlaceForm(forms.Form):
    """The place of an activity, with the places the case's programme expects per kind. The
    plan form's kind select asks for it again (htmx) when the kind changes."""

    context = forms.ChoiceField(
        label=_("Place"),
        required=False,
        choices=[("", _("As the programme expects"))] + list(Context.choices),
    )

    def __init__(self, *args, expected: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected
        if expected:
            self.fields["context"].help_text = self.expected_hint()
            self.fields["context"].widget.attrs["aria-describedby"] = (
                f"{PLACE_HINT_ID} id_context_helptext"
            )

    def expected_hint(self) -> str:
        labels = dict(ActivityKind.choices)
        places = dict(Context.choices)
        return "; ".join(
            f"{labels.get(kind, kind)}: {places.get(place, place).lower()}"
            for kind, place in self.expected.items()
        )

    def place_hint(self, kind: str | None) -> str:
        """The expected place for `kind`, in a sentence; empty when the programme names none."""
        if not self.expected:
            return ""
        place = self.expected.get(kind or "")
        if place is None:
            return _("The programme expects no particular place for this kind.")
        label = dict(Context.choices).get(place, place).lower()
        return _("Expected by the programme: %(place)s.") % {"place": label}


PLACE_HINT_ID = "place-hint"


class PlanForm(ParticipantsMixin, PlaceForm):
    """Plan an activity, or move and change a planned one."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ActivityKind.choices,
        error_messages={"invalid_choice": KIND_REFUSED},
    )
    planned_start = PlannedDateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    planned_end = PlannedDateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    place_detail = forms.CharField(
        label=_("Where exactly"),
        required=False,
        max_length=200,
        help_text=_("A room, a café, a link. Never a protected address."),
    )
    participants = _participant_field()
    interventions = _intervention_field()
    save_anyway = forms.BooleanField(
        label=_("Save anyway, although it overlaps the appointments above"), required=False
    )

    field_order = ["kind", "context"]

    def __init__(self, *args, case: Case, expected: dict[str, str], keep: str = "", **kwargs):
        """`keep` is the kind of the planned activity being changed: offered even if it is of
        the other country (samspel.programmes.vocabulary)."""
        super().__init__(*args, expected=expected, **kwargs)
        self._setup_participants(case)
        self.fields["kind"].choices = country_kind_choices(case, keep)  # type: ignore[attr-defined]
        if expected:
            # Changing the kind fetches the place field again with its expected place.
            self.fields["kind"].widget.attrs.update(
                {
                    "hx-get": reverse("activities:place", args=[case.public_id]),
                    "hx-target": f"#{PLACE_HINT_ID}",
                    "hx-swap": "innerHTML",
                    "hx-include": "#id_context",
                }
            )

    def current_place_hint(self) -> str:
        return self.place_hint(self["kind"].value())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("planned_start"), cleaned.get("planned_end")
        if start and end and (problem := planned_times_problem(start, end)):
            self.add_error("planned_end", problem)
        if not cleaned.get("context") and cleaned.get("kind"):
            cleaned["context"] = self.expected.get(cleaned["kind"], "")
        return cleaned


class HeldChecksMixin:
    """The day and the minutes of a held activity of `self.case`, checked as the services
    check them: not in the future, not before the referral, at most a day long."""

    case: Case
    cleaned_data: dict

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if problem := held_on_problem(self.case, held_on):
            raise forms.ValidationError(problem)
        return held_on

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if problem := minutes_problem(minutes):
            raise forms.ValidationError(problem)
        return minutes


MINUTES_WIDGET = forms.NumberInput(attrs={"min": 0, "max": MAX_MINUTES})


class HeldForm(HeldChecksMixin, ParticipantsMixin, forms.Form):
    """A planned activity took place: when, how long, the journal note, who took part. For a
    contact visit also the child's own rating of how safe it felt."""

    held_on = PastDateField(
        label=_("Held on"), widget=DATE_WIDGET, error_messages={"too_late": HELD_IN_FUTURE}
    )
    minutes = forms.IntegerField(label=_("Minutes spent"), required=False, widget=MINUTES_WIDGET)
    note = forms.CharField(
        label=_("Journal note"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    participants = _participant_field()
    interventions = _intervention_field()
    child_safety_rating = forms.IntegerField(
        label=_("The child's own rating of how safe the visit felt (0 = not safe, 10 = safe)"),
        required=False,
        min_value=0,
        max_value=MAX_RATING,
        widget=forms.NumberInput(attrs={"min": 0, "max": MAX_RATING}),
        error_messages={
            "min_value": _("The child's rating must be between 0 and 10."),
            "max_value": _("The child's rating must be between 0 and 10."),
        },
    )
    child_safety_note = forms.CharField(
        label=_("Notes on the visit"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_participants(activity.case)
        if activity.kind != ActivityKind.CONTACT_VISIT:
            del self.fields["child_safety_rating"]
            del self.fields["child_safety_note"]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the reason for cancelling.")},
    )


class HeldActivityForm(HeldChecksMixin, forms.ModelForm):
    """A contact that took place: what, where, when, how long, and the journal note."""

    class Meta:
        model = Activity
        fields = ["kind", "context", "held_on", "minutes", "note"]
        field_classes = {"held_on": PastDateField}
        error_messages = {"held_on": {"too_late": HELD_IN_FUTURE}}
        widgets = {
            "held_on": DATE_WIDGET,
            "minutes": MINUTES_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["held_on"].required = True
        kind = self.fields["kind"]
        kind.choices = country_kind_choices(case)  # type: ignore[attr-defined]
        kind.error_messages["invalid_choice"] = KIND_REFUSED


CONTACT_KINDS = {ActivityKind.SMS: Context.PHONE, ActivityKind.PHONE_CALL: Context.PHONE}


class ContactForm(forms.Form):
    """An SMS or a short call logged with one click: held today, not a follow-up."""

    kind = forms.ChoiceField(
        choices=[(kind.value, kind.label) for kind in CONTACT_KINDS], widget=forms.HiddenInput
    )
