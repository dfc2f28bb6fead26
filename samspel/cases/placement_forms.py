"""The case page's placement forms: record a focus child's placement, end a current one. The
choices follow the organisation's country (no Swedish form of placement on a Danish
organisation's page, nor the reverse). The home or unit is chosen from the organisation's
network register (its family homes and residential units, read through the organisation's
reverse relation: cases does not import network) or typed in by name as a new one. The forms
only validate; samspel.network.placements.record_placement_in_home and
samspel.cases.services.end_placement decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.bounds import PastDateField
from samspel.cases.models import (
    HOME_KINDS,
    PLACEMENT_FORMS,
    Case,
    PlacementEnd,
    PlacementEndReason,
)
from samspel.cases.models import PlacementForm as PlacementKind
from samspel.cases.services import NOT_A_HOME, placement_grounds
from samspel.programmes.vocabulary import network_kind_label

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
IN_THE_FUTURE = {"too_late": _("A placement cannot be dated in the future.")}


class HomeChoice(forms.ModelChoiceField):
    """A home of the register, its kind named in the words of `country` (set by the form)."""

    country: str | None = None

    def label_from_instance(self, obj) -> str:
        kind = network_kind_label(obj.kind, self.country, obj.get_kind_display())
        return f"{obj.name} ({kind})"


class PlacementRecordForm(forms.Form):
    child = forms.UUIDField(label=_("Child"), widget=forms.Select)
    started_on = PastDateField(
        label=_("Placed on"), widget=DATE_WIDGET, error_messages=IN_THE_FUTURE
    )
    form = forms.ChoiceField(label=_("Form of placement"))
    legal_ground = forms.ChoiceField(label=_("Legal ground"))
    home = HomeChoice(
        label=_("Home or unit"),
        queryset=None,
        to_field_name="public_id",
        required=False,
        empty_label=_("— not recorded, or a new one named below —"),
        error_messages={"invalid_choice": NOT_A_HOME, "invalid_pk_value": NOT_A_HOME},
    )
    new_home = forms.CharField(
        label=_("Name of a new home or unit"),
        required=False,
        max_length=200,
        help_text=_("A home not in the list yet: it is added to your organisation's network."),
    )

    def __init__(
        self, *args, case: Case, children: list[tuple[str, str]] | None = None, **kwargs
    ) -> None:
        """`children`: the focus children as (public id, name by the display rule)."""
        kwargs.setdefault("prefix", "placement")
        super().__init__(*args, **kwargs)
        self.organisation = case.organisation
        jurisdiction = case.organisation.jurisdiction
        labels = dict(PlacementKind.choices)
        self.fields["form"].choices = [
            (value, labels[value]) for value in PLACEMENT_FORMS[jurisdiction]
        ]
        self.fields["legal_ground"].choices = placement_grounds(jurisdiction)
        self.fields["child"].widget.choices = children or []
        self.homes = case.organisation.external_organisations.filter(kind__in=HOME_KINDS)
        self.fields["home"].queryset = self.homes
        self.fields["home"].country = jurisdiction

    def clean(self):
        cleaned = super().clean()
        home, name = cleaned.get("home"), " ".join(cleaned.get("new_home", "").split())
        cleaned["new_home"] = name
        if home and name:
            self.add_error(
                "new_home", _("Choose a home from the list or name a new one, not both.")
            )
        elif name:
            self._clean_new_home(name)
        return cleaned

    def _clean_new_home(self, name: str) -> None:
        """The register's names are unique in the organisation: a known name is chosen."""
        if self.homes.filter(name__iexact=name).exists():
            self.add_error(
                "new_home",
                _("%(name)s is already registered: choose it from the list.") % {"name": name},
            )
        elif self.organisation.external_organisations.filter(name__iexact=name).exists():
            self.add_error(
                "new_home",
                _(
                    "%(name)s is registered in your organisation's network as another kind of "
                    "organisation: give the home or unit another name."
                )
                % {"name": name},
            )


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
