"""Forms of the network page. They only validate; the views save explicit fields.
Every choice is limited to the case (its actors, its family, its consents) or to the case's
organisation (external organisations and contact persons), so an id from elsewhere is an
ordinary form error that says nothing about what exists."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField
from samspel.families.models import Person
from samspel.network.models import (
    CaseActor,
    Consent,
    ContactPerson,
    ExternalOrganisation,
    OrganisationKind,
)
from samspel.programmes.vocabulary import network_kind_choices, network_role_example

# ISO format: a date input shows nothing for a value in the locale's format.
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def _short(day: dt.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


class PublicIdChoice(forms.ModelChoiceField):
    """Chosen by public id. Whatever is not one of the choices (another organisation's id, a
    malformed id) is the same plain invalid choice, so nothing is revealed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, to_field_name="public_id", **kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class ExternalOrganisationChoice(PublicIdChoice):
    """An external organisation, its kind named in the words of `country` (set by the form)."""

    country: str | None = None

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.kind_label(self.country)})"


class ContactPersonChoice(PublicIdChoice):
    def label_from_instance(self, obj):
        return f"{obj} — {obj.external_organisation.name}"


class PersonChoice(PublicIdChoice):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_role_display()})"


class ConsentChoice(PublicIdChoice):
    def label_from_instance(self, obj):
        return gettext("%(actor)s — given by %(person)s on %(date)s") % {
            "actor": obj.case_actor,
            "person": obj.given_by,
            "date": _short(obj.given_on),
        }


class ActorForm(forms.Form):
    """Link an external organisation to the case: an existing one or a new one typed inline,
    optionally with a contact person (existing or new), and the role it plays on the case."""

    external_organisation = ExternalOrganisationChoice(
        label=_("Organisation"),
        queryset=ExternalOrganisation.objects.none(),
        required=False,
        empty_label=_("— a new organisation, described below —"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("Kind of new organisation"),
        choices=[],
        required=False,
    )
    new_organisation_name = forms.CharField(
        label=_("Name of new organisation"), max_length=200, required=False
    )
    new_organisation_phone = forms.CharField(
        label=_("Phone of new organisation"), max_length=30, required=False
    )
    new_organisation_email = forms.EmailField(label=_("E-mail of new organisation"), required=False)
    contact_person = ContactPersonChoice(
        label=_("Contact person"),
        queryset=ContactPerson.objects.none(),
        required=False,
        empty_label=_("— none, or a new one described below —"),
        error_messages={"invalid_choice": _("Choose a contact person from the list.")},
    )
    new_contact_name = forms.CharField(
        label=_("Name of new contact person"), max_length=200, required=False
    )
    new_contact_title = forms.CharField(
        label=_("Title of new contact person"), max_length=200, required=False
    )
    new_contact_phone = forms.CharField(
        label=_("Phone of new contact person"), max_length=30, required=False
    )
    new_contact_email = forms.EmailField(label=_("E-mail of new contact person"), required=False)
    role = forms.CharField(
        label=_("Role on the case"),
        max_length=200,
        help_text=_("For example class teacher, PPR psychologist, treating psychiatrist."),
        error_messages={"required": _("Describe the actor's role on the case.")},
    )

    NEW_ORGANISATION = (
        "new_organisation_kind",
        "new_organisation_name",
        "new_organisation_phone",
        "new_organisation_email",
    )
    NEW_CONTACT = (
        "new_contact_name",
        "new_contact_title",
        "new_contact_phone",
        "new_contact_email",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.registered = ExternalOrganisation.objects.filter(organisation_id=case.organisation_id)
        self.fields["external_organisation"].queryset = self.registered
        self.fields["external_organisation"].country = country = case.organisation.jurisdiction
        self.fields["new_organisation_kind"].choices = [
            ("", "—"),
            *network_kind_choices(country, OrganisationKind.choices),
        ]
        role = self.fields["role"]
        role.help_text = network_role_example(country, role.help_text)
        self.fields["contact_person"].queryset = ContactPerson.objects.filter(
            external_organisation__organisation_id=case.organisation_id
        ).select_related("external_organisation")

    def _given(self, names) -> bool:
        return any(self.cleaned_data.get(name) for name in names)

    def clean(self):
        cleaned = super().clean()
        if not self.has_error("external_organisation"):
            self._clean_organisation(cleaned)
        if not self.has_error("contact_person"):
            self._clean_contact(cleaned)
        if not self.errors:
            self._clean_duplicate(cleaned)
        return cleaned

    def _clean_organisation(self, cleaned) -> None:
        existing, name = cleaned.get("external_organisation"), cleaned.get("new_organisation_name")
        new = self._given(self.NEW_ORGANISATION)
        if existing and new:
            self.add_error(
                "new_organisation_name",
                _("Choose an existing organisation or describe a new one, not both."),
            )
        elif not existing and not new:
            self.add_error(
                "external_organisation",
                _("Choose an organisation, or give the name of a new one."),
            )
        elif new:
            self._clean_new_organisation(name, cleaned.get("new_organisation_kind"))

    def _clean_new_organisation(self, name: str, kind: str) -> None:
        if not name:
            self.add_error("new_organisation_name", _("Give the new organisation a name."))
        elif self.registered.filter(name__iexact=name).exists():
            self.add_error(
                "new_organisation_name",
                _("%(name)s is already registered: choose it from the list.") % {"name": name},
            )
        if not kind:
            self.add_error("new_organisation_kind", _("Choose what kind of organisation it is."))

    def _clean_contact(self, cleaned) -> None:
        contact, organisation = cleaned.get("contact_person"), cleaned.get("external_organisation")
        new = self._given(self.NEW_CONTACT)
        if contact and new:
            self.add_error(
                "new_contact_name",
                _("Choose an existing contact person or describe a new one, not both."),
            )
        elif contact and contact.external_organisation != organisation:
            self.add_error(
                "contact_person",
                _("This contact person does not belong to the chosen organisation."),
            )
        elif new and not cleaned.get("new_contact_name"):
            self.add_error("new_contact_name", _("Give the contact person a name."))

    def _clean_duplicate(self, cleaned) -> None:
        organisation = cleaned.get("external_organisation")
        if organisation is None or cleaned.get("new_contact_name"):
            return
        duplicate = CaseActor.objects.filter(
            case=self.case,
            external_organisation=organisation,
            contact_person=cleaned.get("contact_person"),
            role__iexact=cleaned.get("role", ""),
        )
        if duplicate.exists():
            self.add_error("role", _("This actor is already on the case in that role."))


class ConsentForm(forms.Form):
    """The family's consent to share information with one actor."""

    case_actor = PublicIdChoice(
        label=_("Actor"),
        queryset=CaseActor.objects.none(),
        error_messages={
            "required": _("Choose the actor the consent is for."),
            "invalid_choice": _("Choose an actor on this case."),
        },
    )
    given_by = PersonChoice(
        label=_("Given by"),
        queryset=Person.objects.none(),
        error_messages={
            "required": _("Choose the family member who gave the consent."),
            "invalid_choice": _("Choose a member of the case's family."),
        },
    )
    scope = forms.CharField(
        label=_("What may be shared"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Describe what information may be shared.")},
    )
    given_on = PastDateField(
        label=_("Given on"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Give the date the consent was given."),
            "too_late": _("A consent cannot be dated in the future."),
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_actor"].queryset = case.actors.select_related(
            "external_organisation", "contact_person"
        )
        self.fields["given_by"].queryset = case.family.persons.all()


class WithdrawForm(forms.Form):
    consent = ConsentChoice(
        label=_("Consent"),
        queryset=Consent.objects.none(),
        error_messages={
            "required": _("Choose the consent that is withdrawn."),
            "invalid_choice": _("Choose a consent of this case that has not been withdrawn."),
        },
    )
    withdrawn_on = PastDateField(
        label=_("Withdrawn on"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Give the date the consent was withdrawn."),
            "too_late": _("A withdrawal cannot be dated in the future."),
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].queryset = Consent.objects.filter(
            case_actor__case=case, withdrawn_on__isnull=True
        ).select_related(
            "given_by", "case_actor__external_organisation", "case_actor__contact_person"
        )

    def clean(self):
        cleaned = super().clean()
        consent, withdrawn_on = cleaned.get("consent"), cleaned.get("withdrawn_on")
        if consent and withdrawn_on and withdrawn_on < consent.given_on:
            self.add_error(
                "withdrawn_on",
                _("A consent cannot be withdrawn before it was given (%(date)s).")
                % {"date": _short(consent.given_on)},
            )
        return cleaned
