"""The case page's measure forms (ISSUE10 item 1): add a decided measure on a paragraph of the
organisation's country's law, end one in force. The paragraphs offered are the country's, those
in force first and the repealed ones marked (samspel.programmes.vocabulary); the dates follow
samspel.bounds; samspel.cases.services add_measure and end_measure decide and write."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField, PlannedDateField, RecordDateField
from samspel.cases.models import Case
from samspel.programmes.vocabulary import legal_basis_choices

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class MeasureAddForm(forms.Form):
    paragraph = forms.ChoiceField(label=_("Paragraph"))
    decided_on = PastDateField(
        label=_("Decided on"),
        widget=DATE_WIDGET,
        error_messages={"too_late": _("A decision cannot be dated in the future.")},
    )
    starts_on = RecordDateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = PlannedDateField(
        label=_("Ends on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty for a measure until further notice."),
    )

    def __init__(self, *args, case: Case, today: dt.date | None = None, **kwargs) -> None:
        kwargs.setdefault("prefix", "measure")
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = legal_basis_choices(case.organisation.jurisdiction)
        if today is not None:
            self.initial.setdefault("decided_on", today)
            self.initial.setdefault("starts_on", today)


class MeasureEndForm(forms.Form):
    ends_on = PlannedDateField(
        label=_("Last day in force"),
        widget=DATE_WIDGET,
        help_text=_("The day may lie in the past, or ahead for a time-limited decision."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "end-measure")
        super().__init__(*args, **kwargs)
