"""The case page's placement forms: record a focus child's placement, end a current one. The
choices follow the organisation's country (no Swedish form of placement on a Danish
organisation's page, nor the reverse); samspel.cases.services.record_placement and
end_placement decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField
from samspel.cases.models import PLACEMENT_FORMS, Case, PlacementEnd, PlacementEndReason
from samspel.cases.models import PlacementForm as PlacementKind
from samspel.cases.services import placement_grounds

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
IN_THE_FUTURE = {"too_late": _("A placement cannot be dated in the future.")}


class PlacementRecordForm(forms.Form):
    child = forms.UUIDField(label=_("Child"), widget=forms.Select)
    started_on = PastDateField(
        label=_("Placed on"), widget=DATE_WIDGET, error_messages=IN_THE_FUTURE
    )
    form = forms.ChoiceField(label=_("Form of placement"))
    legal_ground = forms.ChoiceField(label=_("Legal ground"))
    home = forms.CharField(label=_("Home or unit"), required=False, max_length=200)

    def __init__(
        self, *args, case: Case, children: list[tuple[str, str]] | None = None, **kwargs
    ) -> None:
        """`children`: the focus children as (public id, name by the display rule)."""
        kwargs.setdefault("prefix", "placement")
        super().__init__(*args, **kwargs)
        jurisdiction = case.organisation.jurisdiction
        labels = dict(PlacementKind.choices)
        self.fields["form"].choices = [
            (value, labels[value]) for value in PLACEMENT_FORMS[jurisdiction]
        ]
        self.fields["legal_ground"].choices = placement_grounds(jurisdiction)
        self.fields["child"].widget.choices = children or []


class PlacementEndForm(forms.Form):
    ended_on = PastDateField(label=_("Ended on"), widget=DATE_WIDGET, error_messages=IN_THE_FUTURE)
    end_kind = forms.ChoiceField(label=_("How it ended"), choices=PlacementEnd.choices)
    end_reason = forms.ChoiceField(
        label=_("Reason (required when unplanned)"),
        required=False,
        choices=[("", "—"), *PlacementEndReason.choices],
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "end")
        super().__init__(*args, **kwargs)
