"""An organisation's adjustments of a programme's unlocked values (DOMAIN.md §3).

Overrides are a flat mapping from a setting's path to its new value:

    {"weekly-follow-up.every": {"days": 10}, "time_band.min_hours": 15,
     "places.group_talk": "office"}

Paths: `<rule key>.<every|first|window|within|cadences[i].every|deadlines[i].within>`,
`phases.<phase key>.<max_length|min_length>`, `time_band.<min_hours|max_hours>` and
`places.<activity kind>`. A locked value is refused with LockedValue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from samspel.programmes.activity_kinds import CONTEXTS
from samspel.programmes.definitions import Duration, Programme, Rule
from samspel.programmes.loader import ProgrammeError, parse_duration

INDEXED = re.compile(r"^(cadences|deadlines)\[(\d+)\]\.(every|within)$")


class LockedValue(ProgrammeError):
    """The value is fixed by the working model; organisations cannot change it."""


def apply_overrides(programme: Programme, overrides: Mapping[str, Any]) -> Programme:
    """A copy of `programme` with the overrides applied; refuses locked or unknown values."""
    for path, value in sorted(overrides.items()):
        programme = _apply(programme, path, value)
    return programme


def _apply(programme: Programme, path: str, value: Any) -> Programme:
    head, _, rest = path.partition(".")
    where = f"{programme.key}: override '{path}'"
    if head == "time_band":
        return _time_band(programme, rest, value, where)
    if head == "places":
        return _place(programme, rest, value, where)
    if head == "phases":
        return _phase(programme, rest, value, where)
    rule = next((r for r in programme.rules if r.key == head), None)
    if rule is None or not rest:
        raise ProgrammeError(f"{where}: no such setting")
    rules = tuple(_rule(r, rest, value, where) if r is rule else r for r in programme.rules)
    return replace(programme, rules=rules)


def _duration(current: Duration | None, value: Any, where: str) -> Duration:
    if current is None:
        raise ProgrammeError(f"{where}: no such setting")
    if current.locked:
        raise LockedValue(f"{where}: the value is locked by the working model")
    new = value if isinstance(value, Duration) else parse_duration(value, "value", where)
    if new.amount == 0 and current.amount > 0:
        raise ProgrammeError(f"{where}: the value must be longer than 0")
    return replace(new, locked=False)


def _rule(rule: Rule, field: str, value: Any, where: str) -> Rule:
    indexed = INDEXED.match(field)
    if indexed:
        name, index, attribute = indexed.group(1), int(indexed.group(2)), indexed.group(3)
        items = getattr(rule, name)
        if index >= len(items) or not hasattr(items[index], attribute):
            raise ProgrammeError(f"{where}: no such setting")
        changed = replace(
            items[index], **{attribute: _duration(getattr(items[index], attribute), value, where)}
        )
        return replace(rule, **{name: items[:index] + (changed,) + items[index + 1 :]})
    if field not in ("every", "first", "window", "within"):
        raise ProgrammeError(f"{where}: no such setting")
    changed = _duration(getattr(rule, field), value, where)
    if field == "within" and len(rule.deadlines) == 1:  # `within` is a single deadline's shorthand
        return replace(
            rule, within=changed, deadlines=(replace(rule.deadlines[0], within=changed),)
        )
    changes: dict[str, Any] = {field: changed}
    return replace(rule, **changes)


def _phase(programme: Programme, rest: str, value: Any, where: str) -> Programme:
    key, _, field = rest.partition(".")
    phase = programme.phase(key)
    if phase is None or field not in ("max_length", "min_length"):
        raise ProgrammeError(f"{where}: no such setting")
    changes: dict[str, Any] = {field: _duration(getattr(phase, field), value, where)}
    changed = replace(phase, **changes)
    phases = tuple(changed if p is phase else p for p in programme.phases)
    return replace(programme, phases=phases)


def _time_band(programme: Programme, field: str, value: Any, where: str) -> Programme:
    band = programme.time_band
    if band is None or field not in ("min_hours", "max_hours"):
        raise ProgrammeError(f"{where}: no such setting")
    if band.locked:
        raise LockedValue(f"{where}: the value is locked by the working model")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ProgrammeError(f"{where}: the value must be a whole number of hours")
    changes: dict[str, Any] = {field: value}
    changed = replace(band, **changes)
    if changed.min_hours > changed.max_hours:
        raise ProgrammeError(f"{where}: the band's minimum must not exceed its maximum")
    return replace(programme, time_band=changed)


def _place(programme: Programme, activity: str, value: Any, where: str) -> Programme:
    place = next((p for p in programme.places if p.activity == activity), None)
    if place is None:
        raise ProgrammeError(f"{where}: no such setting")
    if place.locked:
        raise LockedValue(f"{where}: the value is locked by the working model")
    if value not in CONTEXTS:
        raise ProgrammeError(f"{where}: unknown place {value!r}")
    places = tuple(replace(p, context=value) if p is place else p for p in programme.places)
    return replace(programme, places=places)
