"""A programme in readable form for the settings page: every rule as a sentence, and every value
an organisation may or may not change as a `Setting` with its override path(s).

No ORM and no request: a `Programme` in, translated text out (in the active language).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samspel.catalogues.loader import catalogue
from samspel.programmes.definitions import (
    AGE,
    FIXED,
    ONCE,
    UNITS,
    Cadence,
    Duration,
    Programme,
    Rule,
)
from samspel.programmes.wording import ANCHOR_LABELS, duration_text

DURATION = "duration"
HOURS = "hours"
PLACE = "place"

CLASS_LABELS = {
    "child_professional": gettext_noop("a child-professional investigation or measure"),
    "compensation": gettext_noop("compensation or support measures"),
    "supplementary": gettext_noop("supplementary measures"),
    "support": gettext_noop("support measures"),
    "placement": gettext_noop("a placement"),
    "investigation": gettext_noop("an investigation"),
}
FACT_LABELS = {
    # FIFA's two facts hold once every adult on the case has answered (engine.AdultFact).
    "asked_about_children_on": gettext_noop("every adult has been asked about their children"),
    "parenting_support_offered_on": gettext_noop("every adult has been offered parenting support"),
    "investigation_decided_on": gettext_noop("the decision whether to open it is recorded"),
    "investigation_started_on": gettext_noop("the investigation has started"),
    "investigation_finished_on": gettext_noop("the investigation is finished"),
    "evaluated_on": gettext_noop("the family has evaluated the support"),
}
PLAN_LABELS = {
    "care_plan": gettext_noop("a care plan (vårdplan)"),
    "implementation_plan": gettext_noop("an implementation plan (genomförandeplan)"),
    "child_plan": gettext_noop("a child's plan (barnets plan / handleplan)"),
}
FEATURE_LABELS = {
    "one-navigator": gettext_noop("One family navigator (familjeombud) per family"),
    "reminders": gettext_noop("Reminders of all the family's appointments"),
    "improvement-suggestions": gettext_noop("Improvement suggestions, from proposed to adopted"),
    "contact-visits": gettext_noop("Safe contact visits, with the child's own rating"),
    "structured-handover": gettext_noop("A structured handover when staff change"),
    "network-persons": gettext_noop("The private network takes part"),
    "buddy-pairs": gettext_noop("Buddy pairs (makkerskaber) on complex cases"),
    "caseload-reference": gettext_noop("Caseload per worker against the organisation's reference"),
}


@dataclass(frozen=True)
class Setting:
    """One value: `paths` are the override paths it writes (a once rule's `within` is also its
    single deadline, so both are written together)."""

    paths: tuple[str, ...]
    label: str
    kind: str  # DURATION | HOURS | PLACE
    value: Any  # Duration | int | context value
    locked: bool

    @property
    def path(self) -> str:
        return self.paths[0]


@dataclass
class Row:
    """One rule, phase, place or band: a sentence and the settings it holds."""

    title: str
    text: str
    locked: bool = False
    settings: list[Setting] = field(default_factory=list)


def value_text(kind: str, value: Any) -> str:
    """A setting's value in the active language."""
    if kind == DURATION:
        return duration_text(str(value))
    if kind == HOURS:
        return _("%(hours)s hours") % {"hours": value}
    from samspel.activities.models import Context

    return str(dict(Context.choices).get(value, value))


def _d(duration: Duration | None) -> str:
    # The loader requires the durations a rule's kind uses, so None is not met in practice.
    return duration_text(str(duration)) if duration is not None else ""


def _activities(kinds: tuple[str, ...]) -> str:
    from samspel.activities.models import ActivityKind

    labels = dict(ActivityKind.choices)
    return _(" or ").join(str(labels.get(kind, kind)).lower() for kind in kinds)


def _codes(jurisdiction: str, classes: tuple[str, ...]) -> str:
    paragraphs = catalogue(jurisdiction).paragraphs.values()
    return ", ".join(sorted(p.code for p in paragraphs if p.measure_class in classes))


def _classes(jurisdiction: str, classes: tuple[str, ...]) -> str:
    names = _(" or ").join(_(CLASS_LABELS.get(c, c)) for c in classes)
    return f"{names} ({_codes(jurisdiction, classes)})"


def cadence_condition(cadence: Cadence, jurisdiction: str) -> str:
    if cadence.only_classes:
        text = _("only %(classes)s") % {"classes": _classes(jurisdiction, cadence.only_classes)}
        if cadence.requires_class:
            required = _classes(jurisdiction, cadence.requires_class)
            text += _(", at least one of them %(classes)s") % {"classes": required}
        return text
    return _classes(jurisdiction, cadence.any_class)


def _closed_by(rule: Rule) -> str:
    if rule.activities:
        return _activities(rule.activities)
    if rule.closed_by_fact:
        return _(FACT_LABELS.get(rule.closed_by_fact, rule.closed_by_fact))
    return _(PLAN_LABELS.get(rule.closed_by_plan, rule.closed_by_plan))


def _anchor(name: str) -> str:
    return _(ANCHOR_LABELS.get(name, name))


def rule_settings(rule: Rule, jurisdiction: str) -> list[Setting]:
    title = _(rule.title)
    found = []

    def add(paths: tuple[str, ...], label: str, duration: Duration | None) -> None:
        if duration is not None:
            found.append(Setting(paths, label, DURATION, duration, duration.locked))

    labels = {
        "every": _("%(rule)s: interval"),
        "first": _("%(rule)s: first interval"),
        "window": _("%(rule)s: counts when held within"),
    }
    for name, label in labels.items():
        add((f"{rule.key}.{name}",), label % {"rule": title}, getattr(rule, name))
    for index, cadence in enumerate(rule.cadences):
        label = _("%(rule)s: interval when the case holds %(condition)s") % {
            "rule": title,
            "condition": cadence_condition(cadence, jurisdiction),
        }
        add((f"{rule.key}.cadences[{index}].every",), label, cadence.every)
    due_within = _("%(rule)s: due within") % {"rule": title}
    single = len(rule.deadlines) == 1 and rule.deadlines[0].within == rule.within
    if rule.within is not None and (single or not rule.deadlines):
        extra = (f"{rule.key}.deadlines[0].within",) if single else ()
        add((f"{rule.key}.within", *extra), due_within, rule.within)
    else:
        for index, deadline in enumerate(rule.deadlines):
            label = _("%(rule)s: due within, from %(anchor)s") % {
                "rule": title,
                "anchor": _anchor(deadline.anchor),
            }
            add((f"{rule.key}.deadlines[{index}].within",), label, deadline.within)
    return found


def rule_text(rule: Rule, jurisdiction: str) -> str:
    """The rule as a sentence, e.g. "Every 6 weeks when the case holds …; every 3 months when
    …; counted from the last follow-up meeting or home visit"."""
    closed = _closed_by(rule)
    if rule.cadences:
        parts = [
            _("every %(interval)s when the case holds %(condition)s")
            % {"interval": _d(c.every), "condition": cadence_condition(c, jurisdiction)}
            for c in rule.cadences
        ]
        text = "; ".join(parts) + _("; counted from the last %(what)s") % {"what": closed}
        if rule.started_by:
            text += _(", the first from the %(what)s") % {"what": _activities(rule.started_by)}
    elif rule.kind == FIXED:
        text = _(
            "%(first)s after %(anchor)s, then every %(every)s; %(what)s held within %(window)s "
            "before the due date counts"
        ) % {
            "first": _d(rule.first),
            "anchor": _anchor(rule.anchor),
            "every": _d(rule.every),
            "what": closed,
            "window": _d(rule.window),
        }
    elif rule.kind == ONCE:
        deadlines = [
            _("within %(interval)s of %(anchor)s")
            % {"interval": _d(d.within), "anchor": _anchor(d.anchor)}
            for d in rule.deadlines
        ] or [
            _("within %(interval)s of %(anchor)s")
            % {"interval": _d(rule.within), "anchor": _anchor(rule.anchor)}
        ]
        joined = _(", or ").join(deadlines)
        if len(deadlines) > 1:
            joined = _("at the earliest of: %(deadlines)s") % {"deadlines": joined}
        text = _("once, %(deadlines)s: %(what)s") % {"deadlines": joined, "what": closed}
    elif rule.kind == AGE:
        text = _("when a focus child turns %(age)s: %(what)s within %(interval)s") % {
            "age": rule.at_age,
            "what": closed,
            "interval": _d(rule.within),
        }
    else:
        text = _("every %(interval)s from %(anchor)s, counted from the last %(what)s") % {
            "interval": _d(rule.every),
            "anchor": _anchor(rule.anchor),
            "what": closed,
        }
    return text[:1].upper() + text[1:]


def rule_rows(programme: Programme) -> list[Row]:
    rows = []
    for rule in programme.rules:
        settings = rule_settings(rule, programme.jurisdiction)
        locked = bool(settings) and all(s.locked for s in settings)
        rows.append(Row(_(rule.title), rule_text(rule, programme.jurisdiction), locked, settings))
    return rows


def phase_rows(programme: Programme) -> list[Row]:
    rows = []
    for phase in programme.phases:
        settings, parts = [], []
        if phase.min_length is not None:
            parts.append(_("at least %(interval)s") % {"interval": _d(phase.min_length)})
            label = _("%(phase)s: shortest length") % {"phase": phase.name}
            settings.append(
                Setting(
                    (f"phases.{phase.key}.min_length",),
                    label,
                    DURATION,
                    phase.min_length,
                    phase.min_length.locked,
                )
            )
        if phase.max_length is not None:
            parts.append(_("at most %(interval)s") % {"interval": _d(phase.max_length)})
            label = _("%(phase)s: longest length") % {"phase": phase.name}
            settings.append(
                Setting(
                    (f"phases.{phase.key}.max_length",),
                    label,
                    DURATION,
                    phase.max_length,
                    phase.max_length.locked,
                )
            )
        text = _("Lasts %(length)s.") % {"length": _(" and ").join(parts)} if parts else ""
        exit_text = _exit_text(phase.exit)
        if exit_text:
            text = f"{text} {exit_text}".strip()
        locked = bool(settings) and all(s.locked for s in settings)
        rows.append(Row(phase.name, text, locked, settings))
    return rows


def _exit_text(exit) -> str:
    needs = [_(PLAN_LABELS.get(kind, kind)) for kind in exit.plans]
    if exit.min_subgoals:
        needs.append(_("at least %(count)s measurable sub-goal(s)") % {"count": exit.min_subgoals})
    if exit.team_min or exit.team_max:
        needs.append(
            _("a team of %(min)s–%(max)s with one case-responsible")
            % {"min": exit.team_min, "max": exit.team_max}
        )
    if not needs:
        return ""
    return _("To move on it needs %(needs)s.") % {"needs": _(", ").join(needs)}


def place_rows(programme: Programme) -> list[Row]:
    from samspel.activities.models import ActivityKind

    labels = dict(ActivityKind.choices)
    rows = []
    for place in programme.places:
        name = str(labels.get(place.activity, place.activity))
        text = _("Expected place: %(place)s") % {"place": value_text(PLACE, place.context)}
        setting = Setting(
            (f"places.{place.activity}",),
            _("%(activity)s: place") % {"activity": name},
            PLACE,
            place.context,
            place.locked,
        )
        rows.append(Row(name, text, place.locked, [setting]))
    return rows


def time_band_rows(programme: Programme) -> list[Row]:
    band = programme.time_band
    if band is None:
        return []
    text = _(
        "%(min)s–%(max)s hours per case per month; a month outside the band is flagged, "
        "not forbidden"
    ) % {"min": band.min_hours, "max": band.max_hours}
    settings = [
        Setting(
            ("time_band.min_hours",),
            _("Fewest hours per month"),
            HOURS,
            band.min_hours,
            band.locked,
        ),
        Setting(
            ("time_band.max_hours",), _("Most hours per month"), HOURS, band.max_hours, band.locked
        ),
    ]
    return [Row(_("Time per case"), text, band.locked, settings)]


def team_rule_rows(programme: Programme) -> list[Row]:
    return [
        Row(_(rule.title), _("Every %(interval)s") % {"interval": _d(rule.every)})
        for rule in programme.team_rules
    ]


def feature_texts(programme: Programme) -> list[str]:
    return [_(FEATURE_LABELS.get(feature, feature)) for feature in programme.features]


def sections(programme: Programme) -> list[tuple[str, list[Row]]]:
    """The settings page's sections, in order; empty sections are left out."""
    found = [
        (_("Rules"), rule_rows(programme)),
        (_("Phases"), phase_rows(programme)),
        (_("Places"), place_rows(programme)),
        (_("Time per case"), time_band_rows(programme)),
        (_("Team rhythm"), team_rule_rows(programme)),
    ]
    return [(title, rows) for title, rows in found if rows]


def all_settings(programme: Programme) -> list[Setting]:
    return [s for _title, rows in sections(programme) for row in rows for s in row.settings]


def _override_text(setting: Setting, value: Any) -> str:
    if setting.kind == DURATION and isinstance(value, dict) and len(value) == 1:
        ((unit, amount),) = value.items()
        return value_text(DURATION, Duration(amount, unit))
    return value_text(setting.kind, value)


def change_lines(base: Programme, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One saved change as readable lines: "Weekly follow-up: interval: 1 week → 10 days"; a
    value not overridden shows the built-in programme's."""
    lines = []
    for setting in all_settings(base):
        before, after = old.get(setting.path), new.get(setting.path)
        if before == after:
            continue
        lines.append(
            _("%(setting)s: %(old)s → %(new)s")
            % {
                "setting": setting.label,
                "old": _override_text(setting, before if before is not None else setting.value),
                "new": _override_text(setting, after if after is not None else setting.value),
            }
        )
    return lines


def _stored_text(value: Any) -> str:
    """A stored value read by its shape: its setting may be gone from the programme."""
    if isinstance(value, dict) and len(value) == 1:
        ((unit, amount),) = value.items()
        if unit in UNITS and isinstance(amount, int):
            return value_text(DURATION, Duration(amount, unit))
    if isinstance(value, int) and not isinstance(value, bool):
        return value_text(HOURS, value)
    if isinstance(value, str):
        return value_text(PLACE, value)
    return str(value)


def stale_lines(base: Programme, overrides: dict[str, Any], paths: tuple[str, ...]) -> list[str]:
    """The organisation's stored values that no longer apply (samspel.programmes.effective), as
    "setting: value": the setting's name when the programme still has it (now locked), else the
    stored path."""
    labels = {path: setting.label for setting in all_settings(base) for path in setting.paths}
    return [
        _("%(setting)s: %(value)s")
        % {"setting": labels.get(path, path), "value": _stored_text(overrides[path])}
        for path in paths
    ]
