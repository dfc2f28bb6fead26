"""Forms of the Signs of Safety page. They validate only; the views save."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.assessments.models import (
    SCALE_MAX,
    SCALE_MIN,
    ParticipantRole,
    StatementCategory,
)
from samspel.bounds import PastDateField
from samspel.cases.models import Case
from samspel.cases.worker_search import WorkerField, case_workers

NOT_IN_THE_FUTURE = _("The date cannot be after today.")
ON_THE_SCALE = _("Give the rating as a whole number from 0 to 10.")


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MappingForm(forms.Form):
    prefix = "mapping"

    held_on = PastDateField(
        label=_("Date of the mapping"),
        widget=_date_input(),
        error_messages={"too_late": NOT_IN_THE_FUTURE},
    )
    held_by = WorkerField(
        label=_("Held by"),
        error_messages={"required": _("Type the name or username of a colleague.")},
    )

    def __init__(self, *args, case: Case, user, **kwargs):
        kwargs.setdefault("initial", {"held_on": timezone.localdate(), "held_by": user.username})
        super().__init__(*args, **kwargs)
        url = reverse("cases:workers", kwargs={"public_id": case.public_id})
        self.fields["held_by"].offer(case_workers(case), url)


class StatementForm(forms.Form):
    prefix = "statement"

    mapping = forms.ModelChoiceField(
        label=_("Mapping"),
        queryset=None,
        to_field_name="public_id",
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Start a mapping before adding statements."),
            "invalid_choice": _("That mapping is not on this case."),
        },
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "---------"), *StatementCategory.choices],
        error_messages={
            "required": _("Choose a category."),
            "invalid_choice": _("Choose one of the categories in the list."),
        },
    )
    text = forms.CharField(
        label=_("Statement"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the statement.")},
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mapping"].queryset = case.safety_mappings.all()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_role_display()})"


class RatingForm(forms.Form):
    prefix = "rating"

    role = forms.ChoiceField(
        label=_("Participant's role"),
        choices=[("", "---------"), *ParticipantRole.choices],
        error_messages={
            "required": _("Choose the participant's role."),
            "invalid_choice": _("Choose one of the roles in the list."),
        },
    )
    person = PersonChoiceField(
        label=_("Person in the family"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        error_messages={"invalid_choice": _("Choose a person of this family.")},
    )
    name = forms.CharField(
        label=_("Name, if not in the family"),
        max_length=100,
        required=False,
        help_text=_("For a worker, a network person or another professional."),
    )
    value = forms.IntegerField(
        label=_("Rating (0–10)"),
        min_value=SCALE_MIN,
        max_value=SCALE_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": ON_THE_SCALE,
            "invalid": ON_THE_SCALE,
            "min_value": ON_THE_SCALE,
            "max_value": ON_THE_SCALE,
        },
    )
    rated_on = PastDateField(
        label=_("Date of the rating"),
        widget=_date_input(),
        error_messages={"too_late": NOT_IN_THE_FUTURE},
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, case: Case, **kwargs):
        kwargs.setdefault("initial", {"rated_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = case.family.persons.all()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("name") and "person" not in self.errors:
            self.add_error(
                "name", _("Give the participant's name, or choose a person of the family.")
            )
        return cleaned
