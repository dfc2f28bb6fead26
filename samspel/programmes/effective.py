"""Which programme a case runs, with which settings (DOMAIN.md §3): the one answer.

A case (and a team) stores a programme key: a built-in programme (a file in `data/`) or one of
its organisation's own programmes, a named copy of a built-in one. The programme it runs is the
built-in one with the organisation's values for the unlocked settings applied: those of
`ProgrammeSettings` for a built-in key, those of `OrganisationProgramme.overrides` for an own
one. The result keeps the built-in programme's key, so rule keys stay the same.

A stored value that no longer applies (the data file has since removed the setting, or locked
it) is left out: the case runs the data file's value, so a change to the data file never makes
a write fail, and `resolve(...).stale` names the value for the programme settings page, which
shows it to the org admin as no longer applying.

Everyone asks here: the recompute (`resolve_rows` on the settings rows its facts query reads,
`law_for` for the statutory overlay), `programmes_for` for any other batch, `programme_for` for
one case (the activity places), `base_key` for the built-in programme's own data (phases), and
the settings page (`resolve`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from samspel.programmes import loader
from samspel.programmes.definitions import Law, Programme
from samspel.programmes.models import OrganisationProgramme, ProgrammeSettings
from samspel.programmes.overrides import apply_overrides

# (organisation id, the key cases store, the built-in programme it runs, the stored overrides)
SettingsRow = tuple[int, str, str, Mapping[str, Any] | None]


@dataclass(frozen=True)
class Resolved:
    """A built-in programme with an organisation's values, and the stored values left out."""

    programme: Programme
    stale: tuple[str, ...] = ()  # override paths the data file no longer allows


def resolve(base: Programme, overrides: Mapping[str, Any] | None) -> Resolved:
    """`base` with every stored value that still applies; the others are named in `stale`."""
    if not overrides:
        return Resolved(base)
    try:
        return Resolved(apply_overrides(base, overrides))
    except loader.ProgrammeError:
        pass
    programme, stale = base, []
    for path, value in sorted(overrides.items()):
        try:
            programme = apply_overrides(programme, {path: value})
        except loader.ProgrammeError:
            stale.append(path)
    return Resolved(programme, tuple(stale))


def resolve_rows(
    organisation_ids: Iterable[int], rows: Iterable[SettingsRow]
) -> dict[tuple[int, str], Programme]:
    """(organisation, key) → the programme a case with that key runs, for every built-in key
    and every own programme of the organisations. A key missing from the answer is unknown (an
    own programme of another organisation, or one whose built-in programme is gone)."""
    built_in = loader.programmes()
    found = {(org, key): base for org in organisation_ids for key, base in built_in.items()}
    for org, key, base_key, overrides in rows:
        base = built_in.get(base_key)
        if base is None:
            found.pop((org, key), None)
            continue
        found[(org, key)] = resolve(base, overrides).programme
    return found


def _rows(organisation_ids: list[int], key: str | None = None) -> list[SettingsRow]:
    """The organisations' stored values, built-in and own programmes, in one query."""
    built_in = ProgrammeSettings.objects.filter(organisation_id__in=organisation_ids)
    own = OrganisationProgramme.objects.filter(organisation_id__in=organisation_ids)
    if key is not None:
        built_in, own = built_in.filter(programme=key), own.filter(key=key)
    settings_rows = built_in.values_list("organisation_id", "programme", "programme", "overrides")
    own_rows = own.values_list("organisation_id", "key", "based_on", "overrides")
    return list(settings_rows.order_by().union(own_rows.order_by(), all=True))


def programmes_for(organisation_ids: Iterable[int]) -> dict[tuple[int, str], Programme]:
    """`programme_for` for a batch: every programme of every organisation, in one query."""
    ids = sorted(set(organisation_ids))
    return resolve_rows(ids, _rows(ids)) if ids else {}


def _organisation_id(organisation: Any) -> int | None:
    if organisation is None or isinstance(organisation, int):
        return organisation
    return organisation.pk


def programme_for(organisation: Any, key: str) -> Programme | None:
    """The programme a case of `organisation` (an Organisation or its id) with programme `key`
    runs, with the organisation's values; None for a key that names no programme."""
    org_id = _organisation_id(organisation)
    if org_id is None:  # no organisation: only the built-in programmes, as shipped
        return loader.programmes().get(key)
    return resolve_rows([org_id], _rows([org_id], key)).get((org_id, key))


def base_key(organisation: Any, key: str) -> str:
    """The built-in programme whose rules and phases `key` runs: itself, or the one an own
    programme is based on (`key` itself when it names no programme)."""
    if key in loader.programmes():
        return key  # the organisation's values never change which programme runs
    found = programme_for(organisation, key)
    return found.key if found is not None else key


def law_for(jurisdiction: str) -> Law:
    """The statutory overlay a case of a jurisdiction runs on top of its programme."""
    return loader.law(jurisdiction)
