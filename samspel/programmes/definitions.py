"""Programme and statutory rule definitions (DOMAIN.md §3–§4) as frozen dataclasses.

The data lives in TOML files in `data/`; `samspel.programmes.loader` validates it and builds these.
Every value an organisation might tune carries a `locked` flag: locked values cannot be overridden.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

UNITS = ("days", "weeks", "months", "years")

# Rule kinds the engine understands.
RECURRING = "recurring"  # every `every`, from the last qualifying held activity (or the anchor)
FIXED = "fixed"  # at anchor + `first`, then every `every`, whatever was held in between
ONCE = "once"  # once, within `within` of the anchor (the earliest of several deadlines)
AGE = "age"  # when a focus child reaches `at_age`
RULE_KINDS = (RECURRING, FIXED, ONCE, AGE)

# Case facts a rule may count from (attributes of samspel.followup.engine.CaseFacts).
ANCHORS = (
    "started_on",
    "referred_on",
    "placement_started_on",
    "investigation_started_on",
    "investigation_finished_on",
    "measure_started_on",
)
# Case facts whose presence closes a rule.
CLOSING_FACTS = (
    "asked_about_children_on",
    "parenting_support_offered_on",
    "investigation_decided_on",
    "investigation_started_on",
    "investigation_finished_on",
    "evaluated_on",
)
# FIFA's closing facts, held once every adult on the case has answered (engine.AdultFact).
ADULT_FACTS = frozenset({"asked_about_children_on", "parenting_support_offered_on"})


def add_months(date: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28 Feb)."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    if date.day <= 28:  # every month has the day (most dates; the engine adds months a lot)
        return dt.date(year, month + 1, date.day)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # one of UNITS
    locked: bool = False

    def after(self, date: dt.date) -> dt.date:
        if self.unit == "months":
            return add_months(date, self.amount)
        if self.unit == "days":
            return date + dt.timedelta(days=self.amount)
        if self.unit == "weeks":
            return date + dt.timedelta(weeks=self.amount)
        return add_months(date, self.amount * 12)

    def before(self, date: dt.date) -> dt.date:
        return Duration(-self.amount, self.unit).after(date)

    def approximate_days(self) -> int:
        per_unit = {"days": 1, "weeks": 7, "months": 30, "years": 365}
        return self.amount * per_unit[self.unit]

    def __str__(self) -> str:
        """English and language-neutral: `samspel.followup.messages` translates it."""
        return f"{self.amount} {self.unit}"


@dataclass(frozen=True)
class Cadence:
    """A cadence chosen by the case's legal basis (measure classes of the catalogue)."""

    every: Duration
    any_class: tuple[str, ...] = ()  # matches when the basis holds any of these classes
    only_classes: tuple[str, ...] = ()  # matches when the basis holds nothing but these classes
    requires_class: tuple[str, ...] = ()  # ... and at least one of these

    def matches(self, classes: set[str]) -> bool:
        if not classes:
            return False
        if self.any_class and not classes & set(self.any_class):
            return False
        if self.only_classes and not classes <= set(self.only_classes):
            return False
        return not self.requires_class or bool(classes & set(self.requires_class))


@dataclass(frozen=True)
class Deadline:
    anchor: str  # one of ANCHORS
    within: Duration


@dataclass(frozen=True)
class Rule:
    key: str
    kind: str  # one of RULE_KINDS
    title: str  # English message id, listed in samspel.programmes.wording
    activities: tuple[str, ...] = ()  # held activity kinds that close the rule
    anchor: str = "started_on"
    # recurring: held activity kinds the first of which starts the cadence (Sammen om familien's
    # startup talk); until one is held the cadence counts from the anchor
    started_by: tuple[str, ...] = ()
    every: Duration | None = None
    first: Duration | None = None  # first interval, when it differs from `every`
    window: Duration | None = None  # fixed: how long before the due date a held activity counts
    deadlines: tuple[Deadline, ...] = ()  # once: due at the earliest of these
    cadences: tuple[Cadence, ...] = ()  # recurring: `every` chosen by the legal basis
    closed_by_fact: str = ""  # one of CLOSING_FACTS
    closed_by_plan: str = ""  # a plan kind
    plan_after_anchor: bool = False  # only a plan written after the anchor date counts
    min_subgoals: int = 0
    at_age: int = 0
    within: Duration | None = None  # age: how long after the birthday it is due
    when_paragraphs: tuple[str, ...] = ()  # applies when the basis holds one (either numbering)
    when_classes: tuple[str, ...] = ()  # applies when the basis holds one of these classes
    when_facts: tuple[str, ...] = ()  # applies when these case facts are set
    obligation: str = ""  # programme and law rules with the same obligation merge: earliest wins
    law: str = ""  # statutory reference shown in explanations, e.g. "Barnets lov §20"

    @property
    def obligation_key(self) -> str:
        return self.obligation or self.key


@dataclass(frozen=True)
class ExitCriteria:
    plans: tuple[str, ...] = ()  # plan kinds that must exist
    min_subgoals: int = 0  # measurable sub-goals on those plans
    team_min: int = 0
    team_max: int = 0


@dataclass(frozen=True)
class Phase:
    key: str
    name: str  # the seed's own name, e.g. "Uppstart"
    max_length: Duration | None = None
    min_length: Duration | None = None
    exit: ExitCriteria = ExitCriteria()


@dataclass(frozen=True)
class ExpectedPlace:
    activity: str
    context: str
    locked: bool = False


@dataclass(frozen=True)
class TimeBand:
    """Hours per case per month; a month outside the band is flagged, not forbidden."""

    min_hours: int
    max_hours: int
    locked: bool = False


@dataclass(frozen=True)
class TeamRule:
    """A team rhythm (e.g. stop-op every 3 months): not a case due item."""

    key: str
    title: str
    every: Duration


@dataclass(frozen=True)
class Programme:
    key: str
    name: str
    jurisdiction: str  # "SE" | "DK": whose catalogue the rules' paragraphs and classes use
    rules: tuple[Rule, ...] = ()
    phases: tuple[Phase, ...] = ()
    places: tuple[ExpectedPlace, ...] = ()
    time_band: TimeBand | None = None
    team_rules: tuple[TeamRule, ...] = ()
    features: tuple[str, ...] = ()  # e.g. "one-navigator", "reminders", "improvement-suggestions"

    def rule(self, key: str) -> Rule:
        return next(rule for rule in self.rules if rule.key == key)

    def phase(self, key: str) -> Phase | None:
        return next((phase for phase in self.phases if phase.key == key), None)

    def expected_place(self, activity: str) -> str:
        return next((p.context for p in self.places if p.activity == activity), "")


@dataclass(frozen=True)
class Law:
    """The statutory deadlines of one jurisdiction: they apply to every case there."""

    jurisdiction: str
    rules: tuple[Rule, ...] = ()
