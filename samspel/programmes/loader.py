"""Load and validate the programme and statutory rule files in `data/` (DOMAIN.md §3–§4).

`<key>.toml` is a programme; `law_<jurisdiction>.toml` is a jurisdiction's statutory overlay.
A bad file raises ProgrammeError naming the file, the field and the problem; AppConfig.ready turns
that into ImproperlyConfigured so a bad file stops start-up. Pure Python: no ORM, no request.
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from samspel.catalogues.loader import MEASURE_CLASSES, UnknownParagraph, catalogue
from samspel.programmes.activity_kinds import ACTIVITY_KINDS, CONTEXTS
from samspel.programmes.definitions import (
    AGE,
    ANCHORS,
    CLOSING_FACTS,
    FIXED,
    ONCE,
    RECURRING,
    RULE_KINDS,
    UNITS,
    Cadence,
    Deadline,
    Duration,
    ExitCriteria,
    ExpectedPlace,
    Law,
    Phase,
    Programme,
    Rule,
    TeamRule,
    TimeBand,
)
from samspel.programmes.plan_kinds import PLAN_KINDS
from samspel.programmes.wording import TITLES

DATA_DIR = Path(__file__).resolve().parent / "data"
FEATURES = frozenset({"one-navigator", "reminders", "improvement-suggestions", "contact-visits"})
FEATURES |= {"structured-handover", "network-persons", "buddy-pairs", "caseload-reference"}


class ProgrammeError(ValueError):
    """A programme or law file is wrong; the message names the file, the field and the problem."""


class UnknownProgramme(KeyError):
    pass


def _require(data: dict, key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if key not in data:
        raise ProgrammeError(f"{where}: missing field '{key}'")
    return _typed(data[key], key, where, kind)


def _typed(value: Any, key: str, where: str, kind: type | tuple[type, ...]) -> Any:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int in Python; a number field must not accept true/false.
    wrong = not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds)
    if wrong or (isinstance(value, str) and not value.strip()):
        name = " or ".join(k.__name__ for k in kinds)
        raise ProgrammeError(f"{where}: field '{key}' must be a non-empty {name}")
    return value


def _optional(data: dict, key: str, where: str, kind: type, default: Any) -> Any:
    return _typed(data[key], key, where, kind) if key in data else default


def _choice(value: str, allowed: frozenset[str] | tuple[str, ...], key: str, where: str) -> str:
    if value not in allowed:
        raise ProgrammeError(
            f"{where}: field '{key}' has unknown value {value!r}; expected one of "
            + ", ".join(sorted(allowed))
        )
    return value


def _choices(data: dict, key: str, where: str, allowed) -> tuple[str, ...]:
    values = _optional(data, key, where, list, [])
    for value in values:
        _typed(value, key, where, str)
        _choice(value, allowed, key, where)
    return tuple(values)


def parse_duration(data: Any, key: str, where: str) -> Duration:
    """`{ weeks = 6, locked = true }`: exactly one unit, a whole number ≥ 0."""
    table = _typed(data, key, where, dict)
    units = [unit for unit in table if unit != "locked"]
    if len(units) != 1 or units[0] not in UNITS:
        raise ProgrammeError(
            f"{where}: field '{key}' must name exactly one of {', '.join(UNITS)} (and 'locked')"
        )
    amount = _typed(table[units[0]], f"{key}.{units[0]}", where, int)
    if amount < 0:
        raise ProgrammeError(f"{where}: field '{key}.{units[0]}' must not be negative")
    locked = _optional(table, "locked", f"{where}: {key}", bool, False)
    return Duration(amount, units[0], locked)


def _optional_duration(data: dict, key: str, where: str) -> Duration | None:
    return parse_duration(data[key], key, where) if key in data else None


def _known_fields(data: dict, allowed: set[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            raise ProgrammeError(f"{where}: unknown field '{key}'")


RULE_FIELDS = {f.name for f in fields(Rule)}


def parse_rule(data: Any, where: str, jurisdiction: str) -> Rule:
    data = _typed(data, "rules", where, dict)
    _known_fields(data, RULE_FIELDS, where)
    key = _require(data, "key", where)
    where = f"{where} ({key})"
    kind = _choice(_require(data, "kind", where), RULE_KINDS, "kind", where)
    title = _require(data, "title", where)
    if title not in TITLES:
        raise ProgrammeError(
            f"{where}: field 'title' {title!r} is not listed in samspel/programmes/wording.py"
        )
    classes = frozenset(MEASURE_CLASSES[jurisdiction])
    rule = Rule(
        key=key,
        kind=kind,
        title=title,
        activities=_choices(data, "activities", where, ACTIVITY_KINDS),
        anchor=_choice(
            _optional(data, "anchor", where, str, "started_on"), ANCHORS, "anchor", where
        ),
        started_by=_choices(data, "started_by", where, ACTIVITY_KINDS),
        every=_optional_duration(data, "every", where),
        first=_optional_duration(data, "first", where),
        window=_optional_duration(data, "window", where),
        deadlines=_deadlines(data, where),
        cadences=tuple(
            _cadence(item, f"{where}: cadences[{i}]", classes)
            for i, item in enumerate(_optional(data, "cadences", where, list, []))
        ),
        closed_by_fact=_optional_choice(data, "closed_by_fact", where, frozenset(CLOSING_FACTS)),
        closed_by_plan=_optional_choice(data, "closed_by_plan", where, PLAN_KINDS),
        plan_after_anchor=_optional(data, "plan_after_anchor", where, bool, False),
        min_subgoals=_optional(data, "min_subgoals", where, int, 0),
        at_age=_optional(data, "at_age", where, int, 0),
        within=_optional_duration(data, "within", where),
        when_paragraphs=_paragraphs(data, where, jurisdiction),
        when_classes=_choices(data, "when_classes", where, classes),
        when_facts=_choices(data, "when_facts", where, frozenset(ANCHORS)),
        obligation=_optional(data, "obligation", where, str, ""),
        law=_optional(data, "law", where, str, ""),
    )
    _check_rule_shape(rule, where)
    return rule


def _optional_choice(data: dict, key: str, where: str, allowed: frozenset[str]) -> str:
    value = _optional(data, key, where, str, "")
    return _choice(value, allowed, key, where) if value else ""


def _deadlines(data: dict, where: str) -> tuple[Deadline, ...]:
    items = _optional(data, "deadlines", where, list, [])
    deadlines = []
    for index, item in enumerate(items):
        at = f"{where}: deadlines[{index}]"
        item = _typed(item, "deadlines", where, dict)
        anchor = _choice(_require(item, "from", at), ANCHORS, "from", at)
        deadlines.append(
            Deadline(anchor, parse_duration(_require(item, "within", at, dict), "within", at))
        )
    return tuple(deadlines)


def _cadence(data: Any, where: str, classes: frozenset[str]) -> Cadence:
    data = _typed(data, "cadences", where, dict)
    _known_fields(data, {"every", "any_class", "only_classes", "requires_class"}, where)
    return Cadence(
        every=parse_duration(_require(data, "every", where, dict), "every", where),
        any_class=_choices(data, "any_class", where, classes),
        only_classes=_choices(data, "only_classes", where, classes),
        requires_class=_choices(data, "requires_class", where, classes),
    )


def _paragraphs(data: dict, where: str, jurisdiction: str) -> tuple[str, ...]:
    codes = _optional(data, "when_paragraphs", where, list, [])
    found = []
    for code in codes:
        try:
            found.append(
                catalogue(jurisdiction).current(_typed(code, "when_paragraphs", where, str)).code
            )
        except UnknownParagraph as exc:
            raise ProgrammeError(f"{where}: field 'when_paragraphs': {exc}") from None
    return tuple(found)


def _check_rule_shape(rule: Rule, where: str) -> None:
    """The fields each kind needs; a rule must say what closes it."""
    needs: dict[str, list[str]] = {
        RECURRING: [] if rule.cadences else ["every"],
        FIXED: ["first", "every", "window"],
        ONCE: [] if rule.deadlines else ["within"],
        AGE: ["at_age", "within"],
    }
    for name in needs[rule.kind]:
        if not getattr(rule, name):
            raise ProgrammeError(f"{where}: missing field '{name}' (a {rule.kind} rule needs it)")
    if not (rule.activities or rule.closed_by_fact or rule.closed_by_plan):
        raise ProgrammeError(
            f"{where}: missing field 'activities' (or 'closed_by_fact' / 'closed_by_plan'): "
            "nothing would close this rule"
        )
    for duration in (rule.every, rule.first):
        if duration is not None and duration.amount == 0:
            raise ProgrammeError(f"{where}: a repeating interval must be longer than 0")


def _deadline_from_within(data: dict) -> dict:
    """`anchor` + `within` on a once rule is shorthand for a single deadline."""
    if data.get("kind") == ONCE and "within" in data and "deadlines" not in data:
        data = dict(data)
        data["deadlines"] = [{"from": data.get("anchor", "started_on"), "within": data["within"]}]
    return data


def parse_programme(data: dict, source: str) -> Programme:
    """Validate one programme's parsed TOML; raise ProgrammeError naming file and field."""
    _known_fields(data, {f.name for f in fields(Programme)}, source)
    jurisdiction = _choice(
        _require(data, "jurisdiction", source), tuple(MEASURE_CLASSES), "jurisdiction", source
    )
    rules = _rules(data, source, jurisdiction)
    return Programme(
        key=_require(data, "key", source),
        name=_require(data, "name", source),
        jurisdiction=jurisdiction,
        rules=rules,
        phases=tuple(
            _phase(item, f"{source}: phases[{i}]")
            for i, item in enumerate(_optional(data, "phases", source, list, []))
        ),
        places=tuple(
            _place(item, f"{source}: places[{i}]")
            for i, item in enumerate(_optional(data, "places", source, list, []))
        ),
        time_band=_time_band(data["time_band"], source) if "time_band" in data else None,
        team_rules=tuple(
            _team_rule(item, f"{source}: team_rules[{i}]")
            for i, item in enumerate(_optional(data, "team_rules", source, list, []))
        ),
        features=_choices(data, "features", source, FEATURES),
    )


def _rules(data: dict, source: str, jurisdiction: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for index, item in enumerate(_optional(data, "rules", source, list, [])):
        item = _deadline_from_within(_typed(item, "rules", source, dict))
        rule = parse_rule(item, f"{source}: rules[{index}]", jurisdiction)
        if any(other.key == rule.key for other in rules):
            raise ProgrammeError(f"{source}: rules[{index}]: field 'key' repeats {rule.key!r}")
        rules.append(rule)
    return tuple(rules)


def _phase(data: Any, where: str) -> Phase:
    data = _typed(data, "phases", where, dict)
    _known_fields(data, {"key", "name", "max_length", "min_length", "exit"}, where)
    exit_data = _optional(data, "exit", where, dict, {})
    _known_fields(exit_data, {"plans", "min_subgoals", "team_min", "team_max"}, f"{where}: exit")
    at = f"{where}: exit"
    return Phase(
        key=_require(data, "key", where),
        name=_require(data, "name", where),
        max_length=_optional_duration(data, "max_length", where),
        min_length=_optional_duration(data, "min_length", where),
        exit=ExitCriteria(
            plans=_choices(exit_data, "plans", at, PLAN_KINDS),
            min_subgoals=_optional(exit_data, "min_subgoals", at, int, 0),
            team_min=_optional(exit_data, "team_min", at, int, 0),
            team_max=_optional(exit_data, "team_max", at, int, 0),
        ),
    )


def _place(data: Any, where: str) -> ExpectedPlace:
    data = _typed(data, "places", where, dict)
    _known_fields(data, {"activity", "context", "locked"}, where)
    return ExpectedPlace(
        activity=_choice(_require(data, "activity", where), ACTIVITY_KINDS, "activity", where),
        context=_choice(_require(data, "context", where), CONTEXTS, "context", where),
        locked=_optional(data, "locked", where, bool, False),
    )


def _time_band(data: Any, source: str) -> TimeBand:
    where = f"{source}: time_band"
    data = _typed(data, "time_band", source, dict)
    band = TimeBand(
        min_hours=_require(data, "min_hours", where, int),
        max_hours=_require(data, "max_hours", where, int),
        locked=_optional(data, "locked", where, bool, False),
    )
    if not 0 <= band.min_hours <= band.max_hours:
        raise ProgrammeError(f"{where}: field 'min_hours' must be between 0 and 'max_hours'")
    return band


def _team_rule(data: Any, where: str) -> TeamRule:
    data = _typed(data, "team_rules", where, dict)
    title = _require(data, "title", where)
    if title not in TITLES:
        raise ProgrammeError(
            f"{where}: field 'title' {title!r} is not listed in samspel/programmes/wording.py"
        )
    return TeamRule(
        key=_require(data, "key", where),
        title=title,
        every=parse_duration(_require(data, "every", where, dict), "every", where),
    )


def parse_law(data: dict, source: str) -> Law:
    _known_fields(data, {"jurisdiction", "rules"}, source)
    jurisdiction = _choice(
        _require(data, "jurisdiction", source), tuple(MEASURE_CLASSES), "jurisdiction", source
    )
    rules = _rules(data, source, jurisdiction)
    for index, rule in enumerate(rules):
        if not rule.law:
            raise ProgrammeError(f"{source}: rules[{index}] ({rule.key}): missing field 'law'")
    return Law(jurisdiction, rules)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ProgrammeError(f"{path.name}: not valid TOML: {exc}") from exc


def load_programme_file(path: Path) -> Programme:
    loaded = parse_programme(_read(path), path.name)
    if loaded.key != path.stem:
        raise ProgrammeError(f"{path.name}: field 'key' must be the file's name, {path.stem!r}")
    return loaded


def load_law_file(path: Path) -> Law:
    return parse_law(_read(path), path.name)


@cache
def programmes() -> dict[str, Programme]:
    paths = sorted(p for p in DATA_DIR.glob("*.toml") if not p.name.startswith("law_"))
    return {p.key: p for p in map(load_programme_file, paths)}


@cache
def laws() -> dict[str, Law]:
    loaded = [load_law_file(path) for path in sorted(DATA_DIR.glob("law_*.toml"))]
    return {law.jurisdiction: law for law in loaded}


def programme(key: str) -> Programme:
    """The built-in programme with this key; UnknownProgramme if there is none."""
    try:
        return programmes()[key]
    except KeyError:
        raise UnknownProgramme(key) from None


def law(jurisdiction: str) -> Law:
    """The statutory overlay of a jurisdiction (empty when none is defined)."""
    return laws().get(jurisdiction, Law(jurisdiction))
