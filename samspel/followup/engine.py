"""The programme engine (DOMAIN.md §3–§5): pure functions from case facts to due items.

No ORM, no request: `CaseFacts` in, `DueItem`s out. Storage (samspel.followup.models) and the
views call `due_items(facts)`; `follow_up_periods(facts)` gives the history used for compliance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

UPCOMING = "upcoming"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class HeldActivity:
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
class CaseFacts:
    """Everything the rules may look at, for one case, on one day."""

    today: dt.date
    programme: str  # programme key, e.g. "sammen-om-familien"
    jurisdiction: str  # "SE" | "DK"
    legal_basis: tuple[str, ...] = ()  # catalogue codes, old or new numbering
    started_on: dt.date | None = None  # the case's start (activated_on, else referred_on)
    referred_on: dt.date | None = None
    phase: str = ""
    phase_started_on: dt.date | None = None
    held: tuple[HeldActivity, ...] = ()
    plans: tuple[PlanFact, ...] = ()
    placement_started_on: dt.date | None = None
    investigation_started_on: dt.date | None = None
    investigation_finished_on: dt.date | None = None
    measure_started_on: dt.date | None = None
    child_birth_dates: tuple[dt.date, ...] = ()
    asked_about_children_on: dt.date | None = None
    parenting_support_offered_on: dt.date | None = None
    team_size: int = 0
    overrides: dict[str, object] = field(default_factory=dict)  # org's unlocked values


@dataclass(frozen=True)
class Explanation:
    """A readable reason, as a translatable message id with its parameters."""

    message: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DueItem:
    rule: str  # stable key, e.g. "sammen-om-familien:follow-up"
    title: str  # translatable message id, e.g. "Follow-up meeting"
    due_on: dt.date
    counts_from: dt.date
    source: str  # "programme" | "law" | "plan"
    explanation: Explanation

    def state(self, today: dt.date) -> str:
        if self.due_on < today:
            return OVERDUE
        if (self.due_on - today).days <= DUE_SOON_DAYS:
            return DUE_SOON
        return UPCOMING


@dataclass(frozen=True)
class Period:
    """One closed or open period of a recurring rule, for compliance."""

    rule: str
    due_on: dt.date
    held_on: dt.date | None  # the qualifying activity that closed it, if any

    @property
    def on_time(self) -> bool:
        return self.held_on is not None and self.held_on <= self.due_on


def due_items(facts: CaseFacts) -> list[DueItem]:
    """The open due items of one case, earliest first."""
    raise NotImplementedError


def follow_up_periods(facts: CaseFacts) -> list[Period]:
    """Every period of the case's recurring follow-up rules, closed and open."""
    raise NotImplementedError
