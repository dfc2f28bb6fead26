"""The place the case's programme expects for each kind of activity (DOMAIN.md §3.1: the place
is part of the method), with the organisation's own values applied."""

from __future__ import annotations

from samspel.cases.models import Case
from samspel.programmes.definitions import Programme
from samspel.programmes.forms import effective_programme
from samspel.programmes.loader import UnknownProgramme, programme
from samspel.programmes.models import engine_programmes


def case_programme(case: Case) -> Programme | None:
    """The programme the case runs, with its organisation's values; None if it is unknown."""
    key = (case.organisation_id, case.programme)
    base_key, overrides = engine_programmes([case.organisation_id]).get(key, (case.programme, {}))
    try:
        base = programme(base_key)
    except UnknownProgramme:
        return None
    return effective_programme(base, overrides)


def expected_places(case: Case) -> dict[str, str]:
    """Activity kind → expected context, for the kinds the programme names a place for."""
    loaded = case_programme(case)
    if loaded is None:
        return {}
    return {place.activity: place.context for place in loaded.places}
