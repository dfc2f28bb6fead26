"""The place the case's programme expects for each kind of activity (DOMAIN.md §3.1: the place
is part of the method), with the organisation's own values applied."""

from __future__ import annotations

from samspel.cases.models import Case
from samspel.programmes.effective import programme_for


def expected_places(case: Case) -> dict[str, str]:
    """Activity kind → expected context, for the kinds the programme names a place for."""
    found = programme_for(case.organisation_id, case.programme)
    if found is None:
        return {}
    return {place.activity: place.context for place in found.places}
