"""Forms on the case page: record a held activity, log a contact, move the phase on, record the
family's evaluation of the support."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.activities.forms import DATE_WIDGET, MINUTES_WIDGET, HeldChecksMixin
from samspel.activities.models import Activity, ActivityKind, Context
from samspel.activities.services import HELD_IN_FUTURE
from samspel.bounds import PastDateField
from samspel.followup.models import SupportEvaluation


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


CONTACT_KINDS = {ActivityKind.SMS: Context.PHONE, ActivityKind.PHONE_CALL: Context.PHONE}


class ContactForm(forms.Form):
    """An SMS or a short call logged with one click: held today, not a follow-up."""

    kind = forms.ChoiceField(
        choices=[(kind.value, kind.label) for kind in CONTACT_KINDS], widget=forms.HiddenInput
    )


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
