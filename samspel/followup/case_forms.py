"""Forms on the case page: record a held activity, log a contact, move the phase on, record the
family's evaluation of the support."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.activities.models import Activity, ActivityKind, Context
from samspel.followup.models import SupportEvaluation

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
MAX_MINUTES = 24 * 60


class HeldActivityForm(forms.ModelForm):
    """A contact that took place: what, where, when, how long, and the journal note."""

    class Meta:
        model = Activity
        fields = ["kind", "context", "held_on", "minutes", "note"]
        widgets = {"held_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["held_on"].required = True
        self.fields["minutes"].min_value = 0
        self.fields["minutes"].widget.attrs.update({"min": 0, "max": MAX_MINUTES})

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("A held activity cannot be dated in the future."))
        if held_on < self.case.referred_on:
            raise forms.ValidationError(_("The date is before the case was referred."))
        return held_on

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
            raise forms.ValidationError(
                _("Minutes must be between 0 and %(max)d.") % {"max": MAX_MINUTES}
            )
        return minutes


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
        widgets = {"evaluated_on": DATE_WIDGET}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean_evaluated_on(self):
        evaluated_on = self.cleaned_data["evaluated_on"]
        if evaluated_on > timezone.localdate():
            raise forms.ValidationError(_("An evaluation cannot be dated in the future."))
        if evaluated_on < self.case.referred_on:
            raise forms.ValidationError(_("The date is before the case was referred."))
        return evaluated_on
