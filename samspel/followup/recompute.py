"""Store what the engine computes: a case's open due items and its follow-up periods.

Mechanism: **explicit calls, no signals.** Every service function or view that changes a fact
the engine reads calls `recompute_case(case)` itself, inside its own `transaction.atomic()`
block and after the change is saved, so the stored items never disagree with the case in a
committed state, and one request recomputes once however many rows it saved:

- samspel.cases.views: case_create, case_edit (legal basis, programme, team, responsible,
  buddy, fact dates), case_status;
- samspel.plans.versioning: create_plan and plan_change (every plan, goal and sub-goal save);
- samspel.followup.views: recording a held activity, logging a contact, moving the phase;
- samspel.demo.builder, and the `recompute_due_items` command for migrations and rule changes.

A new feature that changes activities, plans or case facts calls `recompute_case` the same
way (the activity UI will). Signals were not chosen: one form save writes several rows (a case
and its focus children, a plan and its revision), and a signal per row would recompute each time.

The reads are a fixed handful of queries per case (or per batch of cases, see
`recompute_cases`), whatever the number of activities; writes touch only what changed.
Bulk work that saves the same case many times wraps itself in `deferred()` to recompute once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case, CaseGrant, CaseStatus
from samspel.followup import engine
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.plans.models import Plan, SubGoal
from samspel.programmes.models import engine_programmes

DUE_ITEM_FIELDS = [
    "title",
    "due_on",
    "counts_from",
    "source",
    "explanation",
    "explanation_params",
    "organisation_id",
    "responsible_id",
    "buddy_id",
    "team_id",
    "programme",
]


@dataclass
class Change:
    """What one recompute did to a case's stored due items."""

    added: list[str] = field(default_factory=list)  # rules
    removed: list[str] = field(default_factory=list)
    moved: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)  # rule, old, new
    periods_changed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.moved or self.periods_changed)


@dataclass
class _Loaded:
    """The rows of a batch of cases that the engine's facts are built from."""

    held: dict[int, list[engine.HeldActivity]] = field(default_factory=lambda: defaultdict(list))
    plans: dict[int, list[engine.PlanFact]] = field(default_factory=lambda: defaultdict(list))
    births: dict[int, list[dt.date]] = field(default_factory=lambda: defaultdict(list))
    writers: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    items: dict[int, dict[str, DueItem]] = field(default_factory=lambda: defaultdict(dict))
    periods: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    # (organisation, case programme key) → (built-in programme the engine runs, overrides)
    programmes: dict[tuple[int, str], tuple[str, dict]] = field(default_factory=dict)


def _load(cases: Sequence[Case]) -> _Loaded:
    """Read everything the engine needs for a batch of cases in three queries: the facts in
    one UNION (see `_facts_sql`), the stored due items, and the organisations' programmes."""
    loaded = _Loaded()
    case_ids = [case.pk for case in cases]
    if not case_ids:
        return loaded
    sql, params = _facts_sql(case_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    _sort_facts(rows, loaded)
    for item in DueItem.objects.filter(case_id__in=case_ids):
        loaded.items[item.case_id][item.rule] = item
    loaded.programmes = engine_programmes({case.organisation_id for case in cases})
    return loaded


_NULL_TEXT = "CAST(NULL AS VARCHAR(80))"
_NULL_DATE = "CAST(NULL AS DATE)"
_NULL_ID = "CAST(NULL AS BIGINT)"


def _facts_sql(case_ids: Sequence[int]) -> tuple[str, list]:
    """One statement, one row per fact: (tag, case, text, date, text, id, date, text).
    Plain SQL that PostgreSQL and SQLite both run; the per-change recompute is benchmarked
    (docs/benchmark.md) and a query per kind of fact cost more than the engine itself."""
    marks = ", ".join(["%s"] * len(case_ids))
    activity, plan = Activity._meta.db_table, Plan._meta.db_table
    goal, sub_goal = (
        SubGoal._meta.get_field("goal").related_model._meta.db_table,
        SubGoal._meta.db_table,
    )
    focus = Case.focus_children.through._meta.db_table
    person = Case.focus_children.field.related_model._meta.db_table
    grant, period = CaseGrant._meta.db_table, FollowUpPeriod._meta.db_table
    branches = [
        f"SELECT 'h', a.case_id, a.kind, a.held_on, a.context, a.id, {_NULL_DATE}, {_NULL_TEXT} "
        f"FROM {activity} a WHERE a.case_id IN ({marks}) AND a.status = %s "
        "AND a.held_on IS NOT NULL",
        f"SELECT 'p', p.case_id, p.kind, p.starts_on, {_NULL_TEXT}, p.id, {_NULL_DATE}, "
        f"{_NULL_TEXT} FROM {plan} p WHERE p.case_id IN ({marks})",
        f"SELECT 's', p.case_id, {_NULL_TEXT}, s.target_date, {_NULL_TEXT}, p.id, {_NULL_DATE}, "
        f"{_NULL_TEXT} FROM {sub_goal} s JOIN {goal} g ON g.id = s.goal_id "
        f"JOIN {plan} p ON p.id = g.plan_id WHERE p.case_id IN ({marks})",
        f"SELECT 'b', f.case_id, {_NULL_TEXT}, x.birth_date, {_NULL_TEXT}, {_NULL_ID}, "
        f"{_NULL_DATE}, {_NULL_TEXT} FROM {focus} f JOIN {person} x ON x.id = f.person_id "
        f"WHERE f.case_id IN ({marks})",
        f"SELECT 'g', c.case_id, {_NULL_TEXT}, {_NULL_DATE}, {_NULL_TEXT}, c.user_id, "
        f"{_NULL_DATE}, {_NULL_TEXT} FROM {grant} c WHERE c.case_id IN ({marks}) "
        "AND c.can_write = %s",
        f"SELECT 'f', r.case_id, r.rule, r.due_on, r.programme, r.team_id, r.held_on, "
        f"{_NULL_TEXT} FROM {period} r WHERE r.case_id IN ({marks})",
    ]
    ids = list(case_ids)
    params = [*ids, ActivityStatus.HELD, *ids, *ids, *ids, *ids, True, *ids]
    return " UNION ALL ".join(branches), params


def _as_date(value) -> dt.date:
    """SQLite returns dates of a UNION as text."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _maybe_date(value) -> dt.date | None:
    return None if value is None else _as_date(value)


def _sort_facts(rows: list[tuple], loaded: _Loaded) -> None:
    held: dict[int, list[tuple]] = defaultdict(list)
    plans: list[tuple] = []
    targets: dict[int, list[dt.date]] = defaultdict(list)
    for tag, case_id, text, day, other, number, second_day, _unused in rows:
        if tag == "h":
            held[case_id].append((_as_date(day), number, text, other or ""))
        elif tag == "p":
            plans.append((number, case_id, text, _as_date(day)))
        elif tag == "s":
            targets[number].append(_as_date(day))
        elif tag == "b" and day is not None:
            loaded.births[case_id].append(_as_date(day))
        elif tag == "g":
            loaded.writers[case_id].add(number)
        elif tag == "f":
            loaded.periods[case_id].append(
                (text, _as_date(day), _maybe_date(second_day), number, other)
            )
    for case_id, activities in held.items():
        loaded.held[case_id] = [
            engine.HeldActivity(kind, held_on, context)
            for held_on, _id, kind, context in sorted(activities, key=lambda a: (a[0], a[1]))
        ]
    for plan_id, case_id, kind, starts_on in sorted(plans):
        dates = tuple(sorted(targets[plan_id]))
        loaded.plans[case_id].append(engine.PlanFact(kind, starts_on, len(dates), dates))


def _case_team_size(case: Case, writers: set[int]) -> int:
    """The people working the case (B'family's "team of 2–3"): the responsible worker, the
    buddy and colleagues given write access by name."""
    return len({case.responsible_id, case.buddy_id, *writers} - {None})


def _facts(case: Case, today: dt.date, loaded: _Loaded, jurisdiction: str) -> engine.CaseFacts:
    return engine.CaseFacts(
        today=today,
        programme=engine_programme(case, loaded),
        jurisdiction=jurisdiction,
        legal_basis=tuple(case.legal_basis or ()),
        started_on=case.activated_on or case.referred_on,
        referred_on=case.referred_on,
        phase=case.phase,
        phase_started_on=case.phase_started_on,
        held=tuple(loaded.held[case.pk]),
        plans=tuple(loaded.plans[case.pk]),
        placement_started_on=case.placement_started_on,
        investigation_started_on=case.investigation_started_on,
        investigation_finished_on=case.investigation_finished_on,
        measure_started_on=case.measure_started_on,
        child_birth_dates=tuple(sorted(loaded.births[case.pk])),
        asked_about_children_on=case.asked_about_children_on,
        parenting_support_offered_on=case.parenting_support_offered_on,
        team_size=_case_team_size(case, loaded.writers[case.pk]),
        overrides=organisation_overrides(case, loaded),
    )


def organisation_overrides(case: Case, loaded: _Loaded | None = None) -> dict[str, object]:
    """The organisation's values for the unlocked settings of the case's programme (set on the
    programme settings page; loaded once per batch in `_load`)."""
    loaded = loaded or _Loaded(programmes=engine_programmes([case.organisation_id]))
    return loaded.programmes.get((case.organisation_id, case.programme), ("", {}))[1]


def engine_programme(case: Case, loaded: _Loaded) -> str:
    """The built-in programme the engine runs: an organisation's own programme runs the one it
    is based on, with its own values."""
    return loaded.programmes.get((case.organisation_id, case.programme), (case.programme,))[0]


def _jurisdiction(case: Case) -> str:
    return case.organisation.jurisdiction


def facts_for_case(case: Case, today: dt.date | None = None) -> engine.CaseFacts:
    """The engine's view of one case on `today` (default: the local date)."""
    today = today or timezone.localdate()
    return _facts(case, today, _load([case]), _jurisdiction(case))


def _as_of(case: Case, today: dt.date) -> dt.date:
    """A closed case is seen as it was on its closing day: its history stops there."""
    if case.status == CaseStatus.CLOSED and case.closed_on:
        return min(today, case.closed_on)
    return today


def _store(case: Case, facts: engine.CaseFacts, loaded: _Loaded) -> Change:
    change = Change()
    wanted = {} if case.status == CaseStatus.CLOSED else _wanted_items(case, facts)
    existing = loaded.items[case.pk]
    gone = [rule for rule in existing if rule not in wanted]
    if gone:
        DueItem.objects.filter(case_id=case.pk, rule__in=gone).delete()
        change.removed = sorted(gone)
    new, changed = [], []
    for rule, item in wanted.items():
        old = existing.get(rule)
        if old is None:
            new.append(item)
            change.added.append(rule)
        elif any(getattr(old, name) != getattr(item, name) for name in DUE_ITEM_FIELDS):
            if old.due_on != item.due_on:
                change.moved.append((rule, old.due_on, item.due_on))
            item.pk = old.pk
            changed.append(item)
    DueItem.objects.bulk_create(new)
    if changed:
        DueItem.objects.bulk_update(changed, DUE_ITEM_FIELDS)
    change.periods_changed = _store_periods(case, facts, loaded.periods[case.pk])
    return change


def _wanted_items(case: Case, facts: engine.CaseFacts) -> dict[str, DueItem]:
    wanted = {}
    for item in engine.due_items(facts):
        wanted[item.rule] = DueItem(
            case_id=case.pk,
            rule=item.rule,
            title=item.title,
            due_on=item.due_on,
            counts_from=item.counts_from,
            source=item.source,
            explanation=item.explanation.message,
            explanation_params=dict(item.explanation.params),
            organisation_id=case.organisation_id,
            responsible_id=case.responsible_id,
            buddy_id=case.buddy_id,
            team_id=case.team_id,
            programme=case.programme,
        )
    return wanted


def _period_key(row: tuple) -> tuple:
    return (row[0], row[1], row[2] or dt.date.min)


def _store_periods(case: Case, facts: engine.CaseFacts, existing: list[tuple]) -> bool:
    periods = engine.follow_up_periods(facts)
    wanted = sorted(
        ((p.rule, p.due_on, p.held_on, case.team_id, case.programme) for p in periods),
        key=_period_key,
    )
    if wanted == sorted(existing, key=_period_key):
        return False
    FollowUpPeriod.objects.filter(case_id=case.pk).delete()
    FollowUpPeriod.objects.bulk_create(
        FollowUpPeriod(
            case_id=case.pk,
            rule=rule,
            due_on=due_on,
            held_on=held_on,
            team_id=case.team_id,
            programme=case.programme,
        )
        for rule, due_on, held_on, _team, _programme in wanted
    )
    return True


def recompute_case(case: Case, today: dt.date | None = None) -> Change:
    """Replace the case's stored due items and periods with the engine's. Call it inside the
    transaction of the change that made it necessary."""
    pending = _deferred.get()
    if pending is not None:
        pending[case.pk] = case
        return Change()
    return recompute_cases([case], today)[case.pk]


_deferred: ContextVar[dict[int, Case] | None] = ContextVar("deferred_recompute", default=None)


@contextmanager
def deferred() -> Iterator[None]:
    """Inside the block `recompute_case` only notes the case; each noted case is recomputed
    once when the block ends. For bulk work (the demo, imports) that saves a case many times."""
    pending: dict[int, Case] = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    recompute_cases(pending.values())


def recompute_cases(cases: Iterable[Case], today: dt.date | None = None) -> dict[int, Change]:
    """Recompute a batch of cases with one set of reads for the whole batch."""
    cases = list(cases)
    today = today or timezone.localdate()
    loaded = _load(cases)
    changes = {}
    with transaction.atomic():
        for case in cases:
            facts = _facts(case, _as_of(case, today), loaded, _jurisdiction(case))
            changes[case.pk] = _store(case, facts, loaded)
    return changes
