from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samspel.bounds import BIRTH, BirthDateField
from samspel.families.identity import clean_personal_number
from samspel.families.models import Family, Person, ReminderContact
from samspel.families.phone import validate_phone


class FamilyForm(forms.ModelForm):
    class Meta:
        model = Family
        fields = ["name"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Give the household a name."))
        return name


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "role",
            "first_name",
            "last_name",
            "personal_number",
            "birth_date",
            "protected_identity",
            "address",
            "phone",
            "email",
        ]
        field_classes = {"birth_date": BirthDateField}
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}),
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    reminder_language = forms.ChoiceField(
        label=_("Language of reminders"),
        required=False,
        help_text=_("Reminders of meetings are written in this language."),
    )

    def __init__(self, *args, jurisdiction: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["reminder_language"].choices = [
            ("", _("The organisation's language")),
            *settings.LANGUAGES,
        ]
        contact = ReminderContact.objects.filter(person_id=self.instance.pk).first()
        if self.instance.pk and contact is not None:
            self.initial.setdefault("reminder_language", contact.language)
        self.fields["personal_number"].help_text = (
            _("YYYYMMDD-NNNN") if jurisdiction == "SE" else _("DDMMYY-NNNN")
        )

    def clean_personal_number(self) -> str:
        value = self.cleaned_data["personal_number"].strip()
        if not value:
            return ""
        number, birth_date = clean_personal_number(value, self.jurisdiction)
        if problem := BIRTH.problem(birth_date):
            raise ValidationError(problem, code="birth_date")
        self.birth_date_from_number = birth_date
        return number

    def clean_phone(self) -> str:
        # Reminders go to this number by SMS: it must be one (samspel/families/phone.py).
        value = self.cleaned_data["phone"].strip()
        if value:
            validate_phone(value, self.jurisdiction)
        return value

    def clean(self):
        cleaned = super().clean()
        from_number = getattr(self, "birth_date_from_number", None)
        if from_number and cleaned.get("birth_date") and cleaned["birth_date"] != from_number:
            self.add_error("birth_date", _("The birth date does not match the personal number."))
        elif from_number:
            cleaned["birth_date"] = from_number
        return cleaned

    def save_reminder_language(self, person: Person) -> None:
        """Keep the person's reminder language, or fall back to the organisation's."""
        language = self.cleaned_data.get("reminder_language") or ""
        if language:
            ReminderContact.objects.update_or_create(person=person, defaults={"language": language})
        else:
            ReminderContact.objects.filter(person=person).delete()
