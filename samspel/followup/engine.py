"""The programme engine (DOMAIN.md §3–§5): pure functions from case facts to due items.

No ORM, no request and no data files: `CaseFacts` in, `Due`s out (what is due under one
rule; the recompute stores each as a samspel.followup.models.DueItem row). The facts carry the
programme as the case's organisation runs it and the jurisdiction's statutory overlay, both
resolved by `samspel.programmes.effective`. The recompute calls `due_items(facts)`;
`follow_up_periods(facts)` gives the history used for compliance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from samspel.catalogues.loader import UnknownParagraph, catalogue
from samspel.followup import messages as M
from samspel.programmes.definitions import (
    ADULT_FACTS,
    AGE,
    FIXED,
    ONCE,
    RECURRING,
    Cadence,
    Duration,
    Law,
    Programme,
    Rule,
)
from samspel.programmes.wording import PHASE_TITLE, SUBGOAL_TITLE

UPCOMING = "upcoming"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
DUE_SOON_DAYS = 7


class HeldActivity(NamedTuple):
    """A held activity of the case (a tuple: the recompute makes one per held activity, tens of
    thousands a batch)."""

    kind: str  # samspel.activities.models.ActivityKind value
    held_on: dt.date
    context: str = ""  # samspel.activities.models.Context value


@dataclass(frozen=True)
class PlanFact:
    kind: str  # samspel.plans kind: care_plan, implementation_plan, child_plan
    created_on: dt.date
    measurable_subgoals: int = 0
    subgoal_targets: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class AdultFact:
    """One adult on the case whom FIFA asks (samspel.cases.models.ANSWERING_ROLES), with the
    days their two answers were recorded."""

    person: int  # the person's id, to tell the adults apart
    asked_about_children_on: dt.date | None = None
    parenting_support_offered_on: dt.date | None = None


def _every_adult(adults: tuple[AdultFact, ...], name: str) -> dt.date | None:
    """The day the last adult gave the answer, once every adult has: None while one has not, or
    while the case has no adult to ask."""
    dates = [getattr(adult, name) for adult in adults]
    if not dates or None in dates:
        return None
    return max(dates)


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules may look at, for one case, on one day."""

    today: dt.date
    # The programme with the organisation's values (samspel.programmes.effective); None when
    # the case's programme key names no programme: then only the law applies.
    programme: Programme | None
    jurisdiction: str  # "SE" | "DK"
    law: Law  # the jurisdiction's statutory rules (samspel.programmes.effective.law_for)
    legal_basis: tuple[str, ...] = ()  # catalogue codes, old or new numbering
    started_on: dt.date | None = None  # the case's start (activated_on, else referred_on)
    referred_on: dt.date | None = None
    phase: str = ""
    phase_started_on: dt.date | None = None
    held: tuple[HeldActivity, ...] = ()
    plans: tuple[PlanFact, ...] = ()
    placement_started_on: dt.date | None = None
    investigation_decided_on: dt.date | None = None  # opened or not (SE: SoL 11:1a)
    investigation_started_on: dt.date | None = None
    investigation_finished_on: dt.date | None = None
    measure_started_on: dt.date | None = None
    child_birth_dates: tuple[dt.date, ...] = ()
    adults: tuple[AdultFact, ...] = ()  # FIFA: the adults asked about their children
    team_size: int = 0
    evaluated_on: tuple[dt.date, ...] = ()  # the family's evaluations of the worker's support

    @property
    def asked_about_children_on(self) -> dt.date | None:
        """The day every adult on the case had been asked about their children (FIFA)."""
        return _every_adult(self.adults, "asked_about_children_on")

    @property
    def parenting_support_offered_on(self) -> dt.date | None:
        """The day every adult on the case had been offered parenting support (FIFA)."""
        return _every_adult(self.adults, "parenting_support_offered_on")


@dataclass(frozen=True)
class Explanation:
    """A readable reason, as a translatable message id with its parameters."""

    message: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Due:
    """What one rule makes due for a case, and why (stored as a DueItem row by the recompute)."""

    rule: str  # stable key, e.g. "sammen-om-familien:follow-up"
    title: str  # translatable message id, e.g. "Follow-up meeting"
    due_on: dt.date
    counts_from: dt.date
    source: str  # "programme" | "law" | "plan"
    explanation: Explanation

    def state(self, today: dt.date) -> str:
        return due_state(self.due_on, today)


def due_state(due_on: dt.date, today: dt.date) -> str:
    """Overdue, due soon (within DUE_SOON_DAYS) or upcoming: the one rule, for the engine's
    items and the stored ones alike."""
    if due_on < today:
        return OVERDUE
    if (due_on - today).days <= DUE_SOON_DAYS:
        return DUE_SOON
    return UPCOMING


class Period(NamedTuple):
    """One closed or open period of a recurring rule, for compliance."""

    rule: str
    due_on: dt.date
    held_on: dt.date | None  # the qualifying activity that closed it, if any

    @property
    def on_time(self) -> bool:
        return self.held_on is not None and self.held_on <= self.due_on


PROGRAMME = "programme"
LAW = "law"
PLAN = "plan"


@dataclass(frozen=True)
class _Scope:
    """Where a rule comes from: names its items and says which source it is."""

    prefix: str  # "sammen-om-familien" or "law-dk"
    source: str  # PROGRAMME | LAW


class Evaluation(NamedTuple):
    """What the rules make of one case: its open due items and its follow-up periods."""

    items: list[Due]  # earliest first
    periods: list[Period]  # by due date


def evaluate(facts: CaseFacts) -> Evaluation:
    """The case's open due items and every period of its recurring and fixed rules, closed and
    open, in one pass over the rules (the recompute stores both).

    Programme rules and the jurisdiction's statutory rules are evaluated side by side; rules
    that share an obligation (e.g. a programme's follow-up and Barnets lov §95's first follow-up)
    give one item, due at the earliest of them.
    """
    found = facts.programme
    shared = frozenset(rule.obligation_key for rule in found.rules) if found is not None else None
    items, periods = [], []
    by_kind = _dates_by_kind(facts.held)
    for rule, scope in _rules(facts, found):
        key = _rule_key(rule, scope, found, shared)
        if rule.kind in (RECURRING, FIXED):
            rule_periods = _periods(rule, facts, by_kind)
            periods += [Period(key, due_on, held_on) for _from, due_on, held_on in rule_periods]
            item = _periodic_item(rule, key, scope.source, facts, rule_periods)
        elif rule.kind == ONCE:
            item = _once_item(rule, key, scope.source, facts, by_kind)
        elif rule.kind == AGE:
            item = _age_item(rule, key, scope.source, facts, by_kind)
        else:
            item = None
        if item is not None:
            items.append(item)
    items = _merge(items)
    items += [i for i in (_phase_item(facts, found), _subgoal_item(facts)) if i is not None]
    items.sort(key=lambda item: (item.due_on, item.rule))
    periods.sort(key=lambda period: (period.due_on, period.rule))
    return Evaluation(items, periods)


def due_items(facts: CaseFacts) -> list[Due]:
    """The open due items of one case, earliest first (see `evaluate`)."""
    return evaluate(facts).items


def follow_up_periods(facts: CaseFacts) -> list[Period]:
    """Every period of the case's recurring follow-up rules, closed and open, by due date."""
    return evaluate(facts).periods


# Which rules apply -----------------------------------------------------------------------------


def _rules(facts: CaseFacts, found: Programme | None) -> list[tuple[Rule, _Scope]]:
    rules = []
    if found is not None:
        scope = _Scope(found.key, PROGRAMME)
        rules += [(rule, scope) for rule in found.rules]
    law_scope = _Scope(f"law-{facts.jurisdiction.lower()}", LAW)
    rules += [(rule, law_scope) for rule in facts.law.rules]
    return [(rule, scope) for rule, scope in rules if _applies(rule, facts)]


def _applies(rule: Rule, facts: CaseFacts) -> bool:
    if any(getattr(facts, name) is None for name in rule.when_facts):
        return False
    if rule.when_paragraphs and not set(rule.when_paragraphs) & _current_codes(facts):
        return False
    return not rule.when_classes or bool(set(rule.when_classes) & _classes(facts))


def _basis(facts: CaseFacts) -> tuple[tuple[str, str, str], ...]:
    return _basis_of(facts.jurisdiction, facts.legal_basis)


@lru_cache(maxsize=1024)
def _basis_of(jurisdiction: str, codes: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """(code as entered, current code, measure class) of the legal basis; unknown codes skipped."""
    try:
        found = catalogue(jurisdiction)
    except KeyError:
        return ()
    basis = []
    for code in codes:
        try:
            paragraph = found.paragraph(code)
        except UnknownParagraph:
            continue
        basis.append((paragraph.code, found.current(code).code, paragraph.measure_class))
    return tuple(basis)


def _current_codes(facts: CaseFacts) -> set[str]:
    return {current for _code, current, _class in _basis(facts)}


def _classes(facts: CaseFacts) -> set[str]:
    return {measure_class for _code, _current, measure_class in _basis(facts)}


def _rule_key(
    rule: Rule, scope: _Scope, found: Programme | None, shared: frozenset[str] | None
) -> str:
    """A law rule sharing an obligation with a programme rule uses the programme's key
    (`shared`: the obligations of the programme's rules)."""
    if scope.source == LAW and found is not None and shared and rule.obligation_key in shared:
        return f"{found.key}:{rule.obligation_key}"
    return f"{scope.prefix}:{rule.obligation_key}"


# Dates -----------------------------------------------------------------------------------------
#
# The engine is total: no stored date or setting can make it raise. Date arithmetic saturates at
# the ends of the calendar Python can represent: a day after 31 December 9999 is that day, a day
# before 1 January of year 1 is that day. So an item due beyond the calendar shows as due on its
# last day, a birthday beyond it is never reached, and a fixed schedule ends where the calendar
# does. The forms keep such dates out (samspel.bounds); this is for what is stored already.


def _after(duration: Duration, date: dt.date) -> dt.date:
    """`duration` after `date` (before it, for a negative amount), saturated at the calendar's
    ends."""
    try:
        return duration.after(date)
    except (OverflowError, ValueError):
        return dt.date.max if duration.amount >= 0 else dt.date.min


def _before(duration: Duration, date: dt.date) -> dt.date:
    return _after(Duration(-duration.amount, duration.unit), date)


def _years_after(date: dt.date, years: int) -> dt.date:
    return _after(Duration(years, "years"), date)


def _anchor(name: str, facts: CaseFacts) -> dt.date | None:
    """The date a rule counts from; the case's start when that fact is not recorded."""
    return getattr(facts, name) or facts.started_on or facts.referred_on


# held activity kind → the days activities of that kind were held (one index per case, not a
# pass over every held activity per rule)
ByKind = dict[str, list[dt.date]]


def _dates_by_kind(held: Iterable[HeldActivity]) -> ByKind:
    found: ByKind = {}
    for activity in held:
        found.setdefault(activity.kind, []).append(activity.held_on)
    return found


def _held_dates(rule: Rule, facts: CaseFacts, by_kind: ByKind) -> list[dt.date]:
    """The days the rule was closed: its activities held, and its closing fact's days."""
    dates = [day for kind in rule.activities for day in by_kind.get(kind, ())]
    if rule.closed_by_fact:
        value = getattr(facts, rule.closed_by_fact)
        if isinstance(value, dt.date):
            dates.append(value)
        elif value:
            dates.extend(value)
    return sorted(set(dates))


def _every(rule: Rule, facts: CaseFacts) -> tuple[Duration | None, Cadence | None]:
    """The rule's interval: the first cadence the legal basis matches, else `every`."""
    if not rule.cadences:
        return rule.every, None
    classes = _classes(facts)
    cadence = next((c for c in rule.cadences if c.matches(classes)), None)
    return (cadence.every, cadence) if cadence else (None, None)


def _started_by(rule: Rule, facts: CaseFacts) -> HeldActivity | None:
    """The first held activity that starts the rule's cadence (the startup talk), if any."""
    if not rule.started_by:
        return None
    held = [h for h in facts.held if h.kind in rule.started_by]
    return min(held, key=lambda h: h.held_on) if held else None


def _start(rule: Rule, facts: CaseFacts) -> dt.date | None:
    """Where a periodic rule's first period counts from: the activity that starts its cadence
    once held, else the rule's anchor."""
    starter = _started_by(rule, facts)
    return starter.held_on if starter is not None else _anchor(rule.anchor, facts)


def _periods(
    rule: Rule, facts: CaseFacts, by_kind: ByKind
) -> list[tuple[dt.date, dt.date, dt.date | None]]:
    """(counts from, due on, held on) of each period of a recurring or fixed rule."""
    start = _start(rule, facts)
    every, _cadence = _every(rule, facts)
    if start is None or every is None:
        return []
    held = [date for date in _held_dates(rule, facts, by_kind) if date >= start]
    if rule.kind == FIXED:
        return _fixed_periods(rule, start, every, held)
    return _recurring_periods(start, rule.first or every, every, held)


def _recurring_periods(
    start: dt.date, first: Duration, every: Duration, held: list[dt.date]
) -> list[tuple[dt.date, dt.date, dt.date | None]]:
    """Each held activity closes its period; the next counts from it."""
    periods: list[tuple[dt.date, dt.date, dt.date | None]] = []
    counts_from, interval = start, first
    for held_on in held:
        if periods and held_on <= counts_from:
            continue  # a second activity the same day closes nothing new
        periods.append((counts_from, _after(interval, counts_from), held_on))
        counts_from, interval = held_on, every
    periods.append((counts_from, _after(interval, counts_from), None))
    return periods


def _fixed_periods(
    rule: Rule, start: dt.date, every: Duration, held: list[dt.date]
) -> list[tuple[dt.date, dt.date, dt.date | None]]:
    """Dates fixed to the anchor; an activity in the window before a date closes it, and a late
    one closes every date it passed."""
    assert rule.first is not None and rule.window is not None
    periods: list[tuple[dt.date, dt.date, dt.date | None]] = []
    due, last = _after(rule.first, start), None
    while True:
        opens = max(start, _before(rule.window, due))
        if last is not None and last >= due:
            periods.append((opens, due, last))
        else:
            held_on = next((d for d in held if d > opens and (last is None or d > last)), None)
            if held_on is None:
                periods.append((max(opens, last or opens), due, None))
                return periods
            periods.append((opens, due, held_on))
            last = held_on
        following = _after(every, due)
        if following <= due:
            return periods  # the calendar ends (or the interval is empty): no later date is owed
        due = following


# Items -----------------------------------------------------------------------------------------


def _due_item(
    rule: Rule, key: str, source: str, dates: tuple[dt.date, dt.date], why: Explanation
) -> Due:
    counts_from, due_on = dates
    return Due(
        rule=key,
        title=rule.title,
        due_on=due_on,
        counts_from=counts_from,
        source=source,
        explanation=why,
    )


def _periodic_item(
    rule: Rule, key: str, source: str, facts: CaseFacts, periods: list
) -> Due | None:
    if not periods:
        return None
    counts_from, due_on, held = periods[-1]
    if held is not None:
        return None  # every period closed up to the end of the calendar
    return _due_item(rule, key, source, (counts_from, due_on), _periodic_why(rule, facts, periods))


def _held_kind(rule: Rule, facts: CaseFacts, held_on: dt.date) -> str:
    """The kind of the qualifying activity held on `held_on` (the family's evaluation when a
    closing fact, not an activity, closed the period)."""
    kinds = [h.kind for h in facts.held if h.held_on == held_on and h.kind in rule.activities]
    if kinds:
        return min(kinds, key=rule.activities.index)
    return M.EVALUATION if rule.closed_by_fact == "evaluated_on" else ""


def _counted_from(rule: Rule, facts: CaseFacts, periods: list) -> tuple[str, dt.date] | None:
    """(kind, date) of the held activity the open period counts from: the last one that closed
    a period, else the activity that started the cadence; None when it counts from the anchor."""
    held = [held_on for _from, _due, held_on in periods if held_on is not None]
    if held:
        return _held_kind(rule, facts, held[-1]), held[-1]
    starter = _started_by(rule, facts)
    return (starter.kind, starter.held_on) if starter is not None else None


def _periodic_why(rule: Rule, facts: CaseFacts, periods: list) -> Explanation:
    every, cadence = _every(rule, facts)
    start = _start(rule, facts)
    assert every is not None and start is not None
    params = {"interval": str(every), "start": start.isoformat(), "anchor": rule.anchor}
    counted = _counted_from(rule, facts, periods)
    held = counted is not None
    if counted is not None:
        params["held"], last = counted
        params["last"] = last.isoformat()
    if rule.kind == FIXED:
        assert rule.first is not None
        params.update(first=str(rule.first), law=rule.law)
        return Explanation(M.LAW_FIXED if rule.law else M.FIXED, params)
    if cadence is not None:
        params["paragraph"] = _paragraphs_text(cadence, facts)
        return Explanation(M.EVERY_BY_BASIS_LAST if held else M.EVERY_BY_BASIS_NONE, params)
    if rule.law:
        params["law"] = rule.law
        return Explanation(M.LAW_EVERY_LAST if held else M.LAW_EVERY_NONE, params)
    kinds = rule.activities or ((M.EVALUATION,) if rule.closed_by_fact == "evaluated_on" else ())
    params["activities"] = ",".join(kinds)
    return Explanation(M.EVERY_LAST if held else M.EVERY_NONE, params)


def _paragraphs_text(cadence: Cadence, facts: CaseFacts) -> str:
    """The paragraphs that chose the cadence, old codes with their successor: "SEL §50 (BL §20)"."""
    deciding = set(cadence.any_class or cadence.requires_class)
    shown = []
    for code, current, measure_class in _basis(facts):
        if deciding and measure_class not in deciding:
            continue
        text = code if code == current else f"{code} ({current})"
        if text not in shown:
            shown.append(text)
    return ", ".join(shown)


def _once_item(rule: Rule, key: str, source: str, facts: CaseFacts, by_kind: ByKind) -> Due | None:
    deadlines = _deadline_dates(rule, facts)
    if not deadlines:
        return None
    due_on, counts_from, anchor, within = min(deadlines)
    if _once_closed(rule, facts, counts_from, by_kind):
        return None
    params = {"interval": str(within), "anchor": anchor, "start": counts_from.isoformat()}
    if rule.law:
        params["law"] = rule.law
        message = M.LAW_WITHIN if within.amount else M.LAW_AT
    elif rule.closed_by_fact in ADULT_FACTS:
        answered = [getattr(adult, rule.closed_by_fact) for adult in facts.adults]
        params.update(adults=str(len(answered)), answered=str(len(answered) - answered.count(None)))
        message = M.ADULTS_WITHIN if answered else M.NO_ADULT_WITHIN
    else:
        message = M.WITHIN
    return _due_item(rule, key, source, (counts_from, due_on), Explanation(message, params))


def _deadline_dates(rule: Rule, facts: CaseFacts) -> list[tuple[dt.date, dt.date, str, Duration]]:
    """(due on, counts from, anchor, within) of each deadline whose anchor is recorded. With one
    deadline the case's start stands in for a missing anchor; with several, the last one does."""
    found = []
    for deadline in rule.deadlines:
        start = getattr(facts, deadline.anchor)
        if start is not None:
            found.append((_after(deadline.within, start), start, deadline.anchor, deadline.within))
    if not found and rule.deadlines:
        deadline = rule.deadlines[-1]
        start = _anchor(deadline.anchor, facts)
        if start is not None:
            found.append((_after(deadline.within, start), start, deadline.anchor, deadline.within))
    return found


def _once_closed(rule: Rule, facts: CaseFacts, counts_from: dt.date, by_kind: ByKind) -> bool:
    if rule.closed_by_fact and getattr(facts, rule.closed_by_fact):
        return True
    if any(date >= counts_from for date in _held_dates(rule, facts, by_kind)):
        return True
    return rule.closed_by_plan != "" and any(
        plan.kind == rule.closed_by_plan
        and plan.measurable_subgoals >= rule.min_subgoals
        and (not rule.plan_after_anchor or plan.created_on > counts_from)
        for plan in facts.plans
    )


def _age_item(rule: Rule, key: str, source: str, facts: CaseFacts, by_kind: ByKind) -> Due | None:
    """From the birthday on which a focus child reaches the age, until a qualifying activity is
    held; a child already a year older is past it."""
    assert rule.within is not None
    held = _held_dates(rule, facts, by_kind)
    for birth in sorted(facts.child_birth_dates):
        birthday = _years_after(birth, rule.at_age)
        if not birthday <= facts.today < _years_after(birthday, 1):
            continue
        if any(date >= birthday for date in held):
            continue
        params = {"age": str(rule.at_age), "birthday": birthday.isoformat()}
        dates = (birthday, _after(rule.within, birthday))
        return _due_item(rule, key, source, dates, Explanation(M.AGE, params))
    return None


def _merge(items: Iterable[Due]) -> list[Due]:
    """One item per obligation: the earliest due; the programme's item wins a tie."""
    best: dict[str, Due] = {}
    for item in items:
        current = best.get(item.rule)
        if current is None or (item.due_on, item.source != PROGRAMME) < (
            current.due_on,
            current.source != PROGRAMME,
        ):
            best[item.rule] = item
    return list(best.values())


def _phase_item(facts: CaseFacts, found: Programme | None) -> Due | None:
    """The current phase's time limit (B'family: Uppstart at most 1 month, Allians 2)."""
    if found is None or not found.phases:
        return None
    phase = found.phase(facts.phase) if facts.phase else found.phases[0]
    start = facts.phase_started_on or facts.started_on
    if phase is None or phase.max_length is None or start is None:
        return None
    params = {"phase": phase.name, "interval": str(phase.max_length), "start": start.isoformat()}
    return Due(
        rule=f"{found.key}:phase",
        title=PHASE_TITLE,
        due_on=_after(phase.max_length, start),
        counts_from=start,
        source=PROGRAMME,
        explanation=Explanation(M.PHASE, params),
    )


def _subgoal_item(facts: CaseFacts) -> Due | None:
    """The next sub-goal target date from today on (past targets are the plan's follow-up)."""
    targets = [
        (target, plan)
        for plan in facts.plans
        for target in plan.subgoal_targets
        if target >= facts.today
    ]
    if not targets:
        return None
    target, plan = min(targets, key=lambda pair: (pair[0], pair[1].kind))
    return Due(
        rule="plan:sub-goal",
        title=SUBGOAL_TITLE,
        due_on=target,
        counts_from=min(plan.created_on, target),
        source=PLAN,
        explanation=Explanation(M.SUBGOAL, {"plan": plan.kind, "target": target.isoformat()}),
    )
