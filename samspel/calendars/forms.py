"""Forms of the calendars: appointments with other agencies and calendar feeds. They only
validate; the views save with explicit fields."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samspel.activities.models import AgencyKind
from samspel.bounds import PlannedDateTimeField
from samspel.families.visibility import FamilyDisplay
from samspel.programmes.vocabulary import AGENCY_REFUSED, agency_choices

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
DATETIME_WIDGET = forms.DateTimeInput(format=DATETIME_FORMAT, attrs={"type": "datetime-local"})


class PersonChoiceField(forms.ModelChoiceField):
    """Persons of the family by public id, named as the display rule shows them to the
    reader (families/visibility.py)."""

    def __init__(self, *args, shown: FamilyDisplay, **kwargs):
        self.shown = shown
        super().__init__(*args, **kwargs)

    def label_from_instance(self, person) -> str:
        return f"{self.shown.label(person)} ({person.get_role_display()})"


class AppointmentForm(forms.Form):
    agency_kind = forms.ChoiceField(
        label=_("Agency"),
        choices=[("", "—"), *AgencyKind.choices],
        error_messages={"invalid_choice": AGENCY_REFUSED},
    )
    agency_name = forms.CharField(label=_("Name of the agency"), max_length=200, required=False)
    title = forms.CharField(label=_("What"), max_length=200)
    start = PlannedDateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    end = PlannedDateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    place_detail = forms.CharField(
        label=_("Where"),
        max_length=200,
        required=False,
        help_text=_("Never a protected address."),
    )

    def __init__(self, *args, family, shown: FamilyDisplay, keep: str = "", **kwargs):
        """The agencies of the family's organisation's country are offered (vocabulary.py);
        `keep` is the agency an appointment being changed already has."""
        super().__init__(*args, **kwargs)
        country = family.organisation.jurisdiction
        self.fields["agency_kind"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *agency_choices(country, AgencyKind.choices, keep),
        ]
        self.fields["person"] = PersonChoiceField(
            queryset=family.persons.all(),
            to_field_name="public_id",
            required=False,
            label=_("For whom"),
            empty_label=_("The whole family"),
            shown=shown,
            error_messages={"invalid_choice": _("Choose a person of this family.")},
        )
        self.order_fields(["person", "agency_kind", "agency_name", "title", "start", "end"])

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Say what the appointment is."))
        return title

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned


LIFETIMES = [
    ("30", _("1 month")),
    ("90", _("3 months")),
    ("182", _("6 months")),
    ("365", _("1 year")),
]


class FeedForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the feed"),
        max_length=100,
        required=False,
        help_text=_("For you to tell your feeds apart, e.g. “Work phone”."),
    )
    lifetime = forms.ChoiceField(
        label=_("Valid for"),
        choices=LIFETIMES,
        initial="365",
        error_messages={"invalid_choice": _("Choose one of the periods in the list.")},
    )

    def lifetime_delta(self) -> dt.timedelta:
        return dt.timedelta(days=int(self.cleaned_data["lifetime"]))
