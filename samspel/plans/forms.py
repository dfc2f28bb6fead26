"""Plan forms. They validate only; the views save explicit fields through
samspel.plans.versioning."""

import datetime as dt

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField, PlannedDateField, RecordDateField
from samspel.plans.models import AssessedBy, Coordinator, PlanKind, ResponsibleParty
from samspel.plans.network_link import actor_without_consent
from samspel.plans.rules import PROGRESS_MAX, PROGRESS_MIN, framework, goal_area_choices
from samspel.programmes.vocabulary import KIND_REFUSED, external_actor_example, plan_kind_choices

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label, required_message="", max_length=None, rows=3, help_text=""):
    """A text field; required when it has a message for the missing value."""
    widget = forms.Textarea(attrs={"rows": rows}) if max_length is None else forms.TextInput
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(required_message),
        widget=widget,
        help_text=help_text,
        error_messages={"required": required_message},
    )


def _short(day: dt.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


class VersionedForm(forms.Form):
    """Carries the plan version the form was loaded with (see samspel.plans.versioning)."""

    version = forms.IntegerField(
        label=_("Plan version"),
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("This form is out of date. Reload the plan and try again."),
            "invalid": _("This form is out of date. Reload the plan and try again."),
            "min_value": _("This form is out of date. Reload the plan and try again."),
        },
    )


class PlanForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of plan"),
        choices=PlanKind.choices,
        error_messages={"invalid_choice": KIND_REFUSED},
    )
    title = _text(_("Title"), _("Write a title for the plan."), max_length=200)
    starts_on = RecordDateField(label=_("Start date"), widget=DATE_INPUT)

    def __init__(self, *args, country: str | None, keep: str = "", earliest_target=None, **kwargs):
        """`country` is the organisation's: its plan kinds are offered (vocabulary.py); `keep`
        the kind the plan already has."""
        super().__init__(*args, **kwargs)
        self.earliest_target = earliest_target
        self.fields["kind"].choices = plan_kind_choices(country, PlanKind.choices, keep)  # type: ignore[attr-defined]

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if self.earliest_target and starts_on > self.earliest_target:
            raise forms.ValidationError(
                _(
                    "A sub-goal has the target date %(target)s, before this start date. "
                    "Change that target date first."
                )
                % {"target": _short(self.earliest_target)}
            )
        return starts_on


class PlanEditForm(VersionedForm, PlanForm):
    pass


class AgreementForm(VersionedForm):
    agreed_on = PastDateField(
        label=_("Agreed with the family on"),
        widget=DATE_INPUT,
        error_messages={
            "required": _("Write the date the family agreed to the plan."),
            "too_late": _("The agreement date cannot be in the future."),
        },
    )
    agreed_by = _text(
        _("Agreed by"),
        _("Write who in the family agreed to the plan."),
        max_length=300,
        help_text=_("For example: Lena (mother) and Elsa (12)."),
    )
    agreement_text = _text(
        _("The family's words on the plan"),
        help_text=_("What the family said about the plan, in their own words."),
    )


class ConsentCheckForm(VersionedForm):
    """A form that names an external actor. When the name is one of the case's network actors
    and the family's consent to share with it does not hold, the form warns and saves only
    once the worker ticks `confirm_no_consent`."""

    actor_field = ""
    confirm_no_consent = forms.BooleanField(
        label=_("Save anyway: I know the family has not consented to sharing with this actor"),
        required=False,
    )

    def __init__(self, *args, actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actors = actors or {}
        self.consent_actor = None
        self.suggestions = sorted({a.external_organisation.name for a in self.actors.values()})
        if self.suggestions:
            self.fields[self.actor_field].widget.attrs["list"] = "case-actors"

    def check_consent(self, typed: str) -> None:
        self.consent_actor = actor_without_consent(typed, self.actors)
        if self.consent_actor and not self.cleaned_data.get("confirm_no_consent"):
            self.add_error(
                "confirm_no_consent",
                _("The family has not given consent to share information with %(actor)s.")
                % {"actor": self.consent_actor},
            )


class ResponsibilityForm(ConsentCheckForm):
    actor_field = "responsible_actor"
    responsible_party = forms.ChoiceField(
        label=_("Responsible"),
        choices=ResponsibleParty.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who is responsible.")},
    )
    responsible_actor = forms.CharField(
        label=_("Name of the external actor"),
        max_length=200,
        required=False,
        help_text=_("Only when an external actor is responsible, e.g. “Ekens skola”."),
    )

    def clean(self):
        cleaned = super().clean()
        party = cleaned.get("responsible_party")
        actor = (cleaned.get("responsible_actor") or "").strip()
        if party == ResponsibleParty.ACTOR and not actor:
            self.add_error(
                "responsible_actor", _("Write the name of the external actor who is responsible.")
            )
        elif party == ResponsibleParty.ACTOR:
            self.check_consent(actor)
        elif party:
            cleaned["responsible_actor"] = ""
        return cleaned


class GoalForm(ResponsibilityForm):
    """A long-term goal (no parent) or a short-term goal (with a long-term parent)."""

    parent = forms.ChoiceField(
        label=_("Part of the long-term goal"),
        error_messages={
            "required": _("Choose the long-term goal this goal belongs to."),
            "invalid_choice": _("Choose one of the plan's long-term goals."),
        },
    )
    text = _text(_("Goal"), _("Write the goal."))
    goal_areas = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a goal area in your organisation's catalogue.")
        },
    )
    field_order = ["parent", "text", "goal_areas", "responsible_party", "responsible_actor"]

    def __init__(self, *args, jurisdiction, long_term_goals=None, **kwargs):
        """With `long_term_goals` the form adds a short-term goal under one of them."""
        super().__init__(*args, **kwargs)
        self.fields["goal_areas"].choices = goal_area_choices(jurisdiction)
        self.fields["goal_areas"].label = _("Goal areas (%(framework)s)") % {
            "framework": framework(jurisdiction)
        }
        if long_term_goals is None:
            del self.fields["parent"]
            return
        self.long_term_goals = {str(goal.public_id): goal for goal in long_term_goals}
        self.fields["parent"].choices = [("", "—")] + [
            (key, goal.text[:80]) for key, goal in self.long_term_goals.items()
        ]

    def clean_parent(self):
        return self.long_term_goals[self.cleaned_data["parent"]]


class SubGoalForm(ResponsibilityForm):
    goal = forms.ChoiceField(
        label=_("Part of the short-term goal"),
        error_messages={
            "required": _("Choose the short-term goal this sub-goal belongs to."),
            "invalid_choice": _("Choose one of the plan's short-term goals."),
        },
    )
    what = _text(
        _("What"),
        _("Write what the sub-goal is."),
        help_text=_("What will be different, said concretely."),
    )
    indicator = _text(
        _("Indicator"),
        _("Write how you will see that the sub-goal is reached."),
        rows=2,
        help_text=_("How we will see that it has happened."),
    )
    target_date = PlannedDateField(
        label=_("Target date"),
        widget=DATE_INPUT,
        error_messages={"required": _("Write the target date.")},
    )
    field_order = ["goal", "what", "indicator", "target_date"]

    def __init__(self, *args, plan, short_term_goals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if short_term_goals is None:
            del self.fields["goal"]  # editing: a sub-goal stays where it is
        else:
            self.short_term_goals = {str(goal.public_id): goal for goal in short_term_goals}
            self.fields["goal"].choices = [("", "—")] + [
                (key, goal.text[:80]) for key, goal in self.short_term_goals.items()
            ]

    def clean_goal(self):
        return self.short_term_goals[self.cleaned_data["goal"]]

    def clean_target_date(self):
        target = self.cleaned_data["target_date"]
        if target < self.plan.starts_on:
            raise forms.ValidationError(
                _("The target date is before the plan starts (%(start)s).")
                % {"start": _short(self.plan.starts_on)}
            )
        return target


class CoordinationForm(ConsentCheckForm):
    actor_field = "actor"
    actor = forms.CharField(
        label=_("External actor"),
        max_length=200,
        error_messages={"required": _("Write the name of the external actor.")},
    )
    coordinator = forms.ChoiceField(
        label=_("Who coordinates with them"),
        choices=Coordinator.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who coordinates with the actor.")},
    )
    note = _text(_("What the coordination covers"), rows=2)
    field_order = ["actor", "coordinator", "note"]

    def __init__(self, *args, country: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].help_text = external_actor_example(country)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("actor"):
            self.check_consent(cleaned["actor"])
        return cleaned


class ProgressForm(forms.Form):
    value = forms.IntegerField(
        label=_("Progress (0–10)"),
        min_value=PROGRESS_MIN,
        max_value=PROGRESS_MAX,
        help_text=_("0 = nothing has happened yet, 10 = the sub-goal is reached."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Give a progress rating from 0 to 10."),
            "invalid": _("The progress rating must be a whole number from 0 to 10."),
            "min_value": _("The progress rating must be a whole number from 0 to 10."),
            "max_value": _("The progress rating must be a whole number from 0 to 10."),
        },
    )
    on = PastDateField(
        label=_("Date"),
        widget=DATE_INPUT,
        error_messages={"required": _("Write the date of the rating.")},
    )
    assessed_by = forms.ChoiceField(
        label=_("Assessed by"), choices=AssessedBy.choices, initial=AssessedBy.TOGETHER
    )
    note = _text(_("Note"), rows=2)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on < self.plan.starts_on:
            raise forms.ValidationError(
                _("The date is before the plan starts (%(start)s).")
                % {"start": _short(self.plan.starts_on)}
            )
        return on


class RemoveForm(VersionedForm):
    """Confirms a removal; refuses it while `blocker` says why it cannot be done."""

    def __init__(self, *args, blocker: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.blocker = blocker

    def clean(self):
        if self.blocker:
            self.add_error(None, self.blocker)
        return super().clean()
