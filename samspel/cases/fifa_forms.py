"""FIFA's answers of one adult (seed 002): asked how their children are, offered parenting
support. The form reads; samspel.cases.services.record_adult_answers decides and writes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField
from samspel.cases.models import SupportAnswer

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
IN_THE_FUTURE = {"too_late": _("An answer cannot be dated in the future.")}


class AdultAnswersForm(forms.Form):
    person = forms.UUIDField(widget=forms.HiddenInput)
    asked_about_children_on = PastDateField(
        label=_("Asked about their children on"),
        required=False,
        widget=DATE_WIDGET,
        error_messages=IN_THE_FUTURE,
    )
    children_answer = forms.CharField(
        label=_("How the children are, in the adult's words"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    parenting_support_offered_on = PastDateField(
        label=_("Parenting support offered on"),
        required=False,
        widget=DATE_WIDGET,
        error_messages=IN_THE_FUTURE,
    )
    support_answer = forms.ChoiceField(
        label=_("Answer to the offer"),
        required=False,
        choices=[("", "—"), *SupportAnswer.choices],
    )
    support_note = forms.CharField(
        label=_("About the answer"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "answers")
        super().__init__(*args, **kwargs)
