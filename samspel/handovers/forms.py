from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField
from samspel.cases import services as case_services
from samspel.handovers.models import NOTE_FIELDS, Handover, Kind
from samspel.organisations.models import Team

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class StartForm(forms.ModelForm):
    """Who takes the role over, and the note, prefilled from the case."""

    class Meta:
        model = Handover
        fields = ["kind", "to_team", "to_user", *NOTE_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in NOTE_FIELDS}

    def __init__(self, *args, case, kinds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, label) for k, label in Kind.choices if k in kinds]
        self.fields["kind"].error_messages["invalid_choice"] = _("Choose what you hand over.")
        self.fields["to_user"].queryset = case_services.case_workers_of(case).order_by(
            "last_name", "first_name"
        )
        self.fields["to_team"].queryset = Team.objects.filter(
            organisation_id=case.organisation_id, is_active=True
        ).exclude(pk=case.team_id)
        if Kind.TEAM not in kinds:
            del self.fields["to_team"]
        self.fields["to_user"].error_messages = {
            "required": _("Choose the new worker."),
            "invalid_choice": _("Choose one of the organisation's workers."),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Kind.TEAM and not cleaned.get("to_team"):
            self.add_error("to_team", _("Choose the new team."))
        return cleaned


class FamilyForm(forms.Form):
    told_on = PastDateField(label=_("The family was told on"), required=False, widget=DATE)
    met_on = PastDateField(label=_("The family met the new worker on"), required=False, widget=DATE)
