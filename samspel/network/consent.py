"""When may information be shared with an actor on a case? (DOMAIN.md §7)

The rules are plain functions of dates. `has_valid_consent` and `actors_without_consent` are the
entry points other features use, e.g. the plan warns before an actor without valid consent is
given a responsibility (template: network/_consent_warning.html)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

from django.utils import timezone

VALID = "valid"
WITHDRAWN = "withdrawn"
NONE = "none"


class ConsentLike(Protocol):
    given_on: dt.date
    withdrawn_on: dt.date | None


def is_valid(given_on: dt.date, withdrawn_on: dt.date | None, on: dt.date) -> bool:
    """Valid from the day it was given up to, not including, the day it was withdrawn."""
    if given_on > on:
        return False
    return withdrawn_on is None or withdrawn_on > on


def consent_state(consents: Iterable[ConsentLike], on: dt.date | None = None) -> str:
    """VALID if any consent holds on the day, WITHDRAWN if the last ones were withdrawn,
    NONE if the family has not (yet) given any."""
    on = on or timezone.localdate()
    consents = list(consents)
    if any(is_valid(c.given_on, c.withdrawn_on, on) for c in consents):
        return VALID
    if any(c.withdrawn_on is not None and c.withdrawn_on <= on for c in consents):
        return WITHDRAWN
    return NONE


def has_valid_consent(case_actor: Any, on: dt.date | None = None) -> bool:
    """True when the family's consent to share information with this actor holds on the day
    (today by default). Uses prefetched consents when there are any."""
    return consent_state(case_actor.consents.all(), on) == VALID


def actors_without_consent(case: Any, on: dt.date | None = None) -> list[Any]:
    """The case's actors with whom nothing may be shared on the day (today by default)."""
    actors = case.actors.select_related("external_organisation", "contact_person")
    return [a for a in actors.prefetch_related("consents") if not has_valid_consent(a, on)]
