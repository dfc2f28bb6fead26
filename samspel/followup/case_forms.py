"""Follow-up forms on the case page: move the phase on, record the family's evaluation of the
support. Recording a held activity and logging a contact are samspel.activities.forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.activities.forms import DATE_WIDGET
from samspel.bounds import PastDateField
from samspel.followup.models import SupportEvaluation


class PhaseMoveForm(forms.Form):
    from_phase = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Reason to move on without the missing criteria (team leader only)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SupportEvaluationForm(forms.ModelForm):
    """The day the family evaluated the worker's support (the foster home's evaluation of the
    consultant, seed 000)."""

    class Meta:
        model = SupportEvaluation
        fields = ["evaluated_on"]
        field_classes = {"evaluated_on": PastDateField}
        error_messages = {
            "evaluated_on": {"too_late": _("An evaluation cannot be dated in the future.")}
        }
        widgets = {"evaluated_on": DATE_WIDGET}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean_evaluated_on(self):
        evaluated_on = self.cleaned_data["evaluated_on"]
        if evaluated_on < self.case.referred_on:
            raise forms.ValidationError(_("The date is before the case was referred."))
        return evaluated_on
