from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.cases.models import Case
from samspel.retention.models import RetentionSchedule

YEARS_MESSAGES = {
    "min_value": _("At least one year: a shorter period would delete what the law keeps."),
    "max_value": _("At most 100 years."),
    "required": _("Give a number of years."),
    "invalid": _("Give a whole number of years."),
}


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = RetentionSchedule
        fields = ["closed_case_years", "audit_years"]
        error_messages = {
            "closed_case_years": YEARS_MESSAGES,
            "audit_years": YEARS_MESSAGES,
        }


class HoldForm(forms.Form):
    number = forms.CharField(
        label=_("Case number"),
        max_length=20,
        error_messages={"required": _("Give the case number.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("E.g. a complaint, a court case or an inspection that needs the case."),
        error_messages={"required": _("Give the reason for the hold.")},
    )

    def __init__(self, *args, organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_number(self) -> Case:
        number = self.cleaned_data["number"].strip()
        case = Case.objects.filter(organisation=self.organisation, number=number).first()
        if case is None:
            raise forms.ValidationError(_("No case with that number."))
        return case
