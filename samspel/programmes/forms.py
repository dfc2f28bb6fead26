"""Forms for an organisation's programme settings: one field (or amount + unit) per unlocked
value; the new values are validated by `apply_overrides`, whose refusals become translated
messages. Locked values get no field, and a posted value for one is refused."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samspel.bounds import UNIT_LABELS, DurationAmountField, HoursField, duration_problem
from samspel.organisations.models import Organisation
from samspel.organisations.programmes import PROGRAMME_CHOICES
from samspel.programmes.definitions import Duration, Programme
from samspel.programmes.describe import DURATION, HOURS, Setting, all_settings
from samspel.programmes.effective import resolve
from samspel.programmes.loader import ProgrammeError, programmes
from samspel.programmes.models import OrganisationProgramme
from samspel.programmes.overrides import LockedValue, apply_overrides

UNIT_CHOICES = UNIT_LABELS
PROBLEMS = [
    ("must not be negative", _("The value must not be negative.")),
    ("longer than 0", _("The value must be longer than 0.")),
    ("must not exceed", _("The fewest hours must not exceed the most hours.")),
    ("whole number of hours", _("Enter a whole number of hours, 0 or more.")),
    ("unknown place", _("Choose one of the places offered.")),
    ("exactly one of", _("Choose days, weeks or months.")),
]
LOCKED = _("%(setting)s is locked by the working model and cannot be changed.")
RESERVED_KEYS = {"new"}
# slugify drops letters it cannot fold to ASCII; Nordic ones get their usual spelling first.
NORDIC = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o"})


def problem_text(error: ProgrammeError) -> str:
    """A refusal of `apply_overrides` as a translated message for the person saving."""
    if isinstance(error, LockedValue):
        return str(_("This value is locked by the working model and cannot be changed."))
    message = str(error)
    for needle, text in PROBLEMS:
        if needle in message:
            return str(text)
    return str(_("This value cannot be used."))


def _posted_names(index: int) -> tuple[str, ...]:
    return (f"s{index}_amount", f"s{index}_unit", f"s{index}_value")


class ProgrammeSettingsForm(forms.Form):
    """`base` is the built-in programme; `current` the stored overrides. A stored value that no
    longer applies (`stale`, see samspel.programmes.effective) gets no field and is dropped when
    the settings are saved."""

    def __init__(self, *args, base: Programme, current: dict[str, Any], **kwargs):
        super().__init__(*args, **kwargs)
        self.base = base
        self.current = dict(current)
        resolved = resolve(base, current)
        self.programme = resolved.programme  # what the organisation's cases run
        self.stale = resolved.stale
        self.settings = all_settings(self.programme)
        self.defaults = {s.path: s.value for s in all_settings(base)}
        for index, setting in enumerate(self.settings):
            if not setting.locked:
                self._add_fields(index, setting)

    def _add_fields(self, index: int, setting: Setting) -> None:
        if setting.kind == DURATION:
            units = list(UNIT_CHOICES)
            if setting.value.unit not in dict(units):
                units.append((setting.value.unit, setting.value.unit))
            self.fields[f"s{index}_amount"] = DurationAmountField(
                label=_("Number"), initial=setting.value.amount
            )
            self.fields[f"s{index}_unit"] = forms.ChoiceField(
                label=_("Unit"),
                choices=units,
                initial=setting.value.unit,
                error_messages={"invalid_choice": _("Choose days, weeks or months.")},
            )
        elif setting.kind == HOURS:
            self.fields[f"s{index}_value"] = HoursField(label=setting.label, initial=setting.value)
        else:
            from samspel.activities.models import Context

            self.fields[f"s{index}_value"] = forms.ChoiceField(
                label=setting.label, choices=Context.choices, initial=setting.value
            )

    def names_for(self, path: str) -> tuple[str, ...]:
        """The posted names of the setting with `path` (amount, unit, value)."""
        index = next(i for i, s in enumerate(self.settings) if path in s.paths)
        return _posted_names(index)

    def field_names(self, setting: Setting) -> list[str]:
        index = self.settings.index(setting)
        return [name for name in _posted_names(index) if name in self.fields]

    def _value(self, index: int, setting: Setting) -> Any:
        data = self.cleaned_data
        if setting.kind == DURATION:
            return {data[f"s{index}_unit"]: data[f"s{index}_amount"]}
        return data[f"s{index}_value"]

    def _locked_posts(self) -> list[Setting]:
        return [
            setting
            for index, setting in enumerate(self.settings)
            if setting.locked and any(name in self.data for name in _posted_names(index))
        ]

    def clean(self):
        cleaned = super().clean()
        locked = self._locked_posts()
        if locked:
            for setting in locked:
                self.add_error(None, LOCKED % {"setting": setting.label})
            return cleaned
        self._check_amounts()
        if self.errors:
            return cleaned
        overrides = {p: v for p, v in self.current.items() if p not in self.stale}
        for index, setting in enumerate(self.settings):
            if setting.locked:
                continue
            value = self._value(index, setting)
            for path in setting.paths:
                overrides.pop(path, None)
                if not _same(value, self.defaults.get(setting.path), setting.kind):
                    overrides[path] = value
        self._check(overrides)
        cleaned["overrides"] = overrides
        return cleaned

    def _check_amounts(self) -> None:
        """Each duration within what its unit can mean (samspel.bounds)."""
        for index, setting in enumerate(self.settings):
            amount, unit = (self.cleaned_data.get(name) for name in _posted_names(index)[:2])
            if setting.kind != DURATION or amount is None or not unit:
                continue
            if problem := duration_problem(amount, unit):
                self.add_error(f"s{index}_amount", problem)

    def _check(self, overrides: dict[str, Any]) -> None:
        try:
            apply_overrides(self.base, overrides)
        except ProgrammeError as error:
            self._blame(overrides, error)

    def _blame(self, overrides: dict[str, Any], error: ProgrammeError) -> None:
        """Put the refusal on the field whose value caused it (else on the form)."""
        for index, setting in enumerate(self.settings):
            single = {path: overrides[path] for path in setting.paths if path in overrides}
            if not single:
                continue
            try:
                apply_overrides(self.base, single)
            except ProgrammeError as own:
                name = _posted_names(index)[0 if setting.kind == DURATION else 2]
                self.add_error(name, problem_text(own))
                return
        self.add_error(None, problem_text(error))


def _same(value: Any, default: Any, kind: str) -> bool:
    if kind != DURATION or not isinstance(default, Duration):
        return value == default
    ((unit, amount),) = value.items()
    return (amount, unit) == (default.amount, default.unit)


class OwnProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    based_on = forms.ChoiceField(label=_("Based on"), choices=PROGRAMME_CHOICES)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        key = slugify(name.lower().translate(NORDIC))[:40].strip("-")
        if not key:
            raise forms.ValidationError(_("Give the programme a name with letters or digits."))
        own = OrganisationProgramme.objects.filter(organisation=self.organisation)
        taken = own.filter(name__iexact=name).exists() or own.filter(key=key).exists()
        if taken or key in programmes() or key in RESERVED_KEYS:
            raise forms.ValidationError(
                _("That name is already used by a programme. Choose another name.")
            )
        self.cleaned_data["key"] = key
        return name
