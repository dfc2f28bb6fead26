from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.audit.models import Action


class AuditSearchForm(forms.Form):
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=64)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any action")), *Action.choices]
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period is before its start."))
        return cleaned

    def filter(self, events):
        data = self.cleaned_data
        if data.get("user"):
            events = events.filter(actor_username__iexact=data["user"].strip())
        if data.get("object_type"):
            events = events.filter(object_type__iexact=data["object_type"].strip())
        if data.get("object_id"):
            events = events.filter(object_id=data["object_id"].strip())
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lte=data["date_to"])
        return events

    def cleaned_data_for_log(self) -> dict:
        """The search terms, as text, for the audit event the search itself leaves."""
        return {key: str(value) for key, value in self.cleaned_data.items() if value}
