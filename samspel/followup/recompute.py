"""Store what the engine computes: a case's open due items and its follow-up periods.

Mechanism: **explicit calls, no signals.** Every service function or view that changes a fact
the engine reads calls `recompute_case(case)` itself, inside its own `transaction.atomic()`
block and after the change is saved, so the stored items never disagree with the case in a
committed state, and one request recomputes once however many rows it saved:

- samspel.cases.services: opening and changing a case (programme, team, responsible, buddy,
  dates), its status, its measures (the legal basis: added and ended with their dates), its
  investigation, placements and the adults' FIFA answers;
- samspel.families.services, after the person forms save a person (a focus child's birth date,
  the adults FIFA asks): every case of the family;
- samspel.plans.versioning: create_plan and plan_change (every plan, goal and sub-goal save);
- samspel.activities.services: every change of an activity (planned, moved, cancelled, held,
  recorded after the fact, a contact logged from the case page);
- samspel.followup.case_views: moving the phase, recording the family's evaluation of the
  support;
- samspel.programmes.service: an organisation's changed programme settings (`recompute_cases`
  over the affected open cases);
- samspel.demo (the demo's follow-up history and the benchmark), and the `recompute_due_items`
  command for migrations and rule changes.

These are the only imports of followup by the apps below it (samspel/web/layers.py allows
them). A new feature that changes activities, plans or case facts calls `recompute_case` the
same way. Signals were not chosen: one form save writes several rows (a case
and its focus children, a plan and its revision), and a signal per row would recompute each time.

The reads are a fixed handful of queries per case (or per batch of cases, see
`recompute_cases`), whatever the number of activities; writes touch only what changed.
Bulk work that saves the same case many times wraps itself in `deferred()` to recompute once.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from operator import itemgetter

from django.db import connection, transaction
from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import (
    ANSWERING_ROLES,
    AdultAnswers,
    Case,
    CaseGrant,
    CaseStatus,
    Measure,
    Placement,
    in_force,
)
from samspel.followup import engine
from samspel.followup.models import DueItem, FollowUpPeriod, SupportEvaluation
from samspel.organisations.models import Organisation
from samspel.plans.models import Plan, SubGoal
from samspel.programmes import effective
from samspel.programmes.definitions import Programme
from samspel.programmes.models import OrganisationProgramme, ProgrammeSettings

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
    evaluations: dict[int, list[dt.date]] = field(default_factory=lambda: defaultdict(list))
    writers: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    adults: dict[int, list[engine.AdultFact]] = field(default_factory=lambda: defaultdict(list))
    # case → [(placed on, ended on or None)]: the case's placements (cases.Placement)
    placements: dict[int, list[tuple[dt.date, dt.date | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # case → [(paragraph, starts on, ends on or None, id)]: the case's measures (cases.Measure)
    measures: dict[int, list[tuple[str, dt.date, dt.date | None, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # case → rule → (due item id, its values in DUE_ITEM_FIELDS order)
    items: dict[int, dict[str, tuple[int, tuple]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    # case → [(rule, due on, held on, team, programme, period id)]
    periods: dict[int, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    # (organisation, case programme key) → the programme it runs (samspel.programmes.effective)
    programmes: dict[tuple[int, str], Programme] = field(default_factory=dict)
    jurisdictions: dict[int, str] = field(default_factory=dict)  # organisation → "SE" | "DK"


def _load(cases: Sequence[Case]) -> _Loaded:
    """Read everything the engine needs for a batch of cases in two queries: the facts, the
    organisations' programme settings and the stored periods in one UNION (see `_facts_sql`),
    and the stored due items."""
    loaded = _Loaded()
    case_ids = [case.pk for case in cases]
    if not case_ids:
        return loaded
    sql, params = _facts_sql(case_ids, sorted({case.organisation_id for case in cases}))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        _sort_facts(cursor.fetchall(), loaded)
        cursor.execute(*_items_sql(case_ids))
        for pk, case_id, rule, *values in cursor.fetchall():
            loaded.items[case_id][rule] = (pk, _item_values(values))
    return loaded


_NULL_TEXT = "CAST(NULL AS VARCHAR(80))"
_NULL_DATE = "CAST(NULL AS DATE)"
_NULL_ID = "CAST(NULL AS BIGINT)"
_NULL_JSON = "CAST(NULL AS TEXT)"


def _facts_sql(case_ids: Sequence[int], organisation_ids: Sequence[int]) -> tuple[str, list]:
    """One statement, one row per fact: (tag, case, text, date, text, id, date, json, id).
    Plain SQL that PostgreSQL and SQLite both run; the per-change recompute is benchmarked
    (docs/benchmark.md) and a query per kind of fact cost more than the engine itself."""
    in_cases, ids = _among(case_ids)
    in_orgs, orgs = _among(organisation_ids)
    activity, plan = Activity._meta.db_table, Plan._meta.db_table
    goal, sub_goal = (
        SubGoal._meta.get_field("goal").related_model._meta.db_table,
        SubGoal._meta.db_table,
    )
    focus = Case.focus_children.through._meta.db_table
    person = Case.focus_children.field.related_model._meta.db_table
    grant, period = CaseGrant._meta.db_table, FollowUpPeriod._meta.db_table
    own, org_settings = OrganisationProgramme._meta.db_table, ProgrammeSettings._meta.db_table
    organisation, evaluation = Organisation._meta.db_table, SupportEvaluation._meta.db_table
    no_text, no_date, no_id, no_json = _NULL_TEXT, _NULL_DATE, _NULL_ID, _NULL_JSON
    case_table, answers = Case._meta.db_table, AdultAnswers._meta.db_table
    placement, measure = Placement._meta.db_table, Measure._meta.db_table
    role_marks = ", ".join(["%s"] * len(ANSWERING_ROLES))
    branches = [
        f"SELECT 'h', a.case_id, a.kind, a.held_on, a.context, a.id, {no_date}, {no_json}, "
        f"{no_id} FROM {activity} a WHERE a.case_id {in_cases} AND a.status = %s "
        "AND a.held_on IS NOT NULL",
        f"SELECT 'p', p.case_id, p.kind, p.starts_on, {no_text}, p.id, {no_date}, {no_json}, "
        f"{no_id} FROM {plan} p WHERE p.case_id {in_cases}",
        f"SELECT 's', p.case_id, {no_text}, s.target_date, {no_text}, p.id, {no_date}, "
        f"{no_json}, {no_id} FROM {sub_goal} s JOIN {goal} g ON g.id = s.goal_id "
        f"JOIN {plan} p ON p.id = g.plan_id WHERE p.case_id {in_cases}",
        f"SELECT 'b', f.case_id, {no_text}, x.birth_date, {no_text}, {no_id}, {no_date}, "
        f"{no_json}, {no_id} FROM {focus} f JOIN {person} x ON x.id = f.person_id "
        f"WHERE f.case_id {in_cases}",
        f"SELECT 'g', c.case_id, {no_text}, {no_date}, {no_text}, c.user_id, {no_date}, "
        f"{no_json}, {no_id} FROM {grant} c WHERE c.case_id {in_cases} AND c.can_write = %s",
        f"SELECT 'f', r.case_id, r.rule, r.due_on, r.programme, r.team_id, r.held_on, "
        f"{no_json}, r.id FROM {period} r WHERE r.case_id {in_cases}",
        # FIFA: every adult of the case's family (ANSWERING_ROLES), with their answers' days.
        f"SELECT 'a', c.id, {no_text}, w.asked_about_children_on, {no_text}, x.id, "
        f"w.parenting_support_offered_on, {no_json}, {no_id} FROM {case_table} c "
        f"JOIN {person} x ON x.family_id = c.family_id LEFT JOIN {answers} w "
        f"ON w.case_id = c.id AND w.person_id = x.id "
        f"WHERE c.id {in_cases} AND x.role IN ({role_marks})",
        f"SELECT 'l', l.case_id, {no_text}, l.started_on, {no_text}, l.id, l.ended_on, "
        f"{no_json}, {no_id} FROM {placement} l WHERE l.case_id {in_cases}",
        f"SELECT 'm', m.case_id, m.paragraph, m.starts_on, {no_text}, m.id, m.ends_on, "
        f"{no_json}, {no_id} FROM {measure} m WHERE m.case_id {in_cases}",
        f"SELECT 'e', e.case_id, {no_text}, e.evaluated_on, {no_text}, {no_id}, {no_date}, "
        f"{no_json}, {no_id} FROM {evaluation} e WHERE e.case_id {in_cases}",
        # The organisations' programme settings: (organisation, key, built-in, overrides), made
        # into the programmes the cases run by samspel.programmes.effective.resolve_rows.
        f"SELECT 'o', o.organisation_id, o.programme, {no_date}, o.programme, {no_id}, "
        f"{no_date}, CAST(o.overrides AS TEXT), {no_id} FROM {org_settings} o "
        f"WHERE o.organisation_id {in_orgs}",
        f"SELECT 'o', o.organisation_id, o.key, {no_date}, o.based_on, {no_id}, {no_date}, "
        f"CAST(o.overrides AS TEXT), {no_id} FROM {own} o "
        f"WHERE o.organisation_id {in_orgs}",
        f"SELECT 'j', o.id, o.jurisdiction, {no_date}, {no_text}, {no_id}, {no_date}, "
        f"{no_json}, {no_id} FROM {organisation} o WHERE o.id {in_orgs}",
    ]
    params = [*ids, ActivityStatus.HELD, *ids, *ids, *ids, *ids, True, *ids]
    params += [*ids, *ANSWERING_ROLES, *ids, *ids, *ids]
    params += [*orgs, *orgs, *orgs]
    return " UNION ALL ".join(branches), params


def _items_sql(case_ids: Sequence[int]) -> tuple[str, list]:
    columns = ", ".join(["id", "case_id", "rule", *DUE_ITEM_FIELDS])
    in_cases, params = _among(case_ids)
    return f"SELECT {columns} FROM {DueItem._meta.db_table} WHERE case_id {in_cases}", params


def _among(ids: Sequence[int]) -> tuple[str, list]:
    """`column <this>` keeps the rows whose column is one of `ids`: one array parameter on
    PostgreSQL (a batch of 1,000 cases would otherwise bind 11,000 parameters into the facts
    query, each quoted into its text and planned), an IN list elsewhere."""
    if connection.vendor == "postgresql":
        return "= ANY(%s)", [list(ids)]
    return "IN (" + ", ".join(["%s"] * len(ids)) + ")", list(ids)


def _json(value) -> dict:
    """JSON columns read with plain SQL come back as text (PostgreSQL through Django's loader,
    SQLite always)."""
    if value is None:
        return {}
    return json.loads(value) if isinstance(value, str) else value


_PARAMS_AT = DUE_ITEM_FIELDS.index("explanation_params")
_DATES_AT = (DUE_ITEM_FIELDS.index("due_on"), DUE_ITEM_FIELDS.index("counts_from"))


def _item_values(values: list) -> tuple:
    """A stored due item's row as the values `_wanted_items` computes, so they compare."""
    values[_PARAMS_AT] = _json(values[_PARAMS_AT])
    for at in _DATES_AT:
        values[at] = _as_date(values[at])
    return tuple(values)


def _as_date(value) -> dt.date:
    """SQLite returns dates of a UNION as text."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _maybe_date(value) -> dt.date | None:
    return None if value is None else _as_date(value)


_HELD_ORDER = itemgetter(3, 5)  # a held activity's row: its day, then its id


def _sort_facts(rows: list[tuple], loaded: _Loaded) -> None:
    held: dict[int, list[tuple]] = defaultdict(list)
    plans: list[tuple] = []
    targets: dict[int, list[dt.date]] = defaultdict(list)
    settings: list[effective.SettingsRow] = []
    for row in rows:
        # Held activities are most of the rows (tens of thousands a batch): kept as they come,
        # without unpacking; periods, the next most, are tested first of the rest.
        tag = row[0]
        if tag == "h":
            held[row[1]].append(row)
            continue
        tag, case_id, text, day, other, number, second_day, data, row_id = row
        if tag == "f":
            loaded.periods[case_id].append(
                (text, _as_date(day), _maybe_date(second_day), number, other, row_id)
            )
        elif tag == "p":
            plans.append((number, case_id, text, _as_date(day)))
        elif tag == "s":
            targets[number].append(_as_date(day))
        elif tag == "b" and day is not None:
            loaded.births[case_id].append(_as_date(day))
        elif tag == "g":
            loaded.writers[case_id].add(number)
        elif tag == "e":
            loaded.evaluations[case_id].append(_as_date(day))
        elif tag == "o":
            settings.append((case_id, text, other, _json(data)))
        elif tag == "j":
            loaded.jurisdictions[case_id] = text
        elif tag == "l":
            loaded.placements[case_id].append((_as_date(day), _maybe_date(second_day)))
        elif tag == "m":
            loaded.measures[case_id].append((text, _as_date(day), _maybe_date(second_day), number))
        elif tag == "a":
            loaded.adults[case_id].append(
                engine.AdultFact(number, _maybe_date(day), _maybe_date(second_day))
            )
    loaded.programmes = effective.resolve_rows(loaded.jurisdictions, settings)
    for case_id, activities in held.items():
        # By day, then id; SQLite's ISO text days sort as the dates do.
        activities.sort(key=_HELD_ORDER)
        loaded.held[case_id] = [
            engine.HeldActivity(row[2], _as_date(row[3]), row[4] or "") for row in activities
        ]
    for plan_id, case_id, kind, starts_on in sorted(plans):
        dates = tuple(sorted(targets[plan_id]))
        loaded.plans[case_id].append(engine.PlanFact(kind, starts_on, len(dates), dates))


def _case_team_size(case: Case, writers: set[int]) -> int:
    """The people working the case (B'family's "team of 2–3"): the responsible worker, the
    buddy and colleagues given write access by name."""
    return len({case.responsible_id, case.buddy_id, *writers} - {None})


def _placement_started_on(
    case: Case, placements: list[tuple[dt.date, dt.date | None]]
) -> dt.date | None:
    """What the law's placement rules count from: the start of the case's earliest current
    (not ended) placement, whichever focus child it is of. A placement that ended stops its
    rules; a new placement starts them again from its own start. A case without placement rows
    reads its legacy `placement_started_on` (migration 0010 made rows of every stored value;
    no form writes the field any more)."""
    if not placements:
        return case.placement_started_on
    current = [started for started, ended in placements if ended is None]
    return min(current) if current else None


def _in_force(
    measures: list[tuple[str, dt.date, dt.date | None, int]], today: dt.date
) -> list[tuple[str, dt.date, dt.date | None, int]]:
    """The case's measures in force on `today`, by start: their paragraphs are the legal basis
    that day (a measure ended, or not yet started, chooses nothing)."""
    found = [m for m in measures if in_force(m[1], m[2], today)]
    return sorted(found, key=lambda m: (m[1], m[3]))


def _facts(case: Case, today: dt.date, loaded: _Loaded, jurisdiction: str) -> engine.CaseFacts:
    measures = _in_force(loaded.measures[case.pk], today)
    return engine.CaseFacts(
        today=today,
        programme=loaded.programmes.get((case.organisation_id, case.programme)),
        jurisdiction=jurisdiction,
        law=effective.law_for(jurisdiction),
        legal_basis=tuple(dict.fromkeys(code for code, *_rest in measures)),
        started_on=case.activated_on or case.referred_on,
        referred_on=case.referred_on,
        phase=case.phase,
        phase_started_on=case.phase_started_on,
        held=tuple(loaded.held[case.pk]),
        plans=tuple(loaded.plans[case.pk]),
        placement_started_on=_placement_started_on(case, loaded.placements[case.pk]),
        investigation_decided_on=case.investigation_decided_on,
        investigation_started_on=case.investigation_started_on,
        investigation_finished_on=case.investigation_finished_on,
        measure_started_on=measures[0][1] if measures else None,
        child_birth_dates=tuple(sorted(loaded.births[case.pk])),
        evaluated_on=tuple(sorted(loaded.evaluations[case.pk])),
        adults=tuple(sorted(loaded.adults[case.pk], key=lambda adult: adult.person)),
        team_size=_case_team_size(case, loaded.writers[case.pk]),
    )


def _jurisdiction(case: Case, loaded: _Loaded) -> str:
    return loaded.jurisdictions[case.organisation_id]


def facts_for_case(case: Case, today: dt.date | None = None) -> engine.CaseFacts:
    """The engine's view of one case on `today` (default: the local date)."""
    today = today or timezone.localdate()
    loaded = _load([case])
    return _facts(case, today, loaded, _jurisdiction(case, loaded))


def _as_of(case: Case, today: dt.date) -> dt.date:
    """A closed case is seen as it was on its closing day: its history stops there."""
    if case.status == CaseStatus.CLOSED and case.closed_on:
        return min(today, case.closed_on)
    return today


@dataclass
class _Writes:
    """What a batch's recompute writes, collected over its cases and written in a handful of
    statements whatever the batch's size: the stale items and periods deleted, the moved items
    updated (one statement run for each), the new items and periods inserted as plain rows (COPY
    on PostgreSQL, multi-row INSERTs elsewhere). Plain SQL, without a model instance per row:
    building the ORM's objects and statements cost more than the engine, for a full recompute
    that writes everything and for a change's own recompute alike (docs/benchmark.md). No other
    table refers to due items or periods, so nothing cascades from their deletes."""

    gone_items: list[int] = field(default_factory=list)
    # (*values in DUE_ITEM_FIELDS order, id)
    moved_items: list[tuple] = field(default_factory=list)
    # (case, rule, *values in DUE_ITEM_FIELDS order)
    new_items: list[tuple] = field(default_factory=list)
    gone_periods: list[int] = field(default_factory=list)
    # (case, rule, due on, held on, team, programme)
    new_periods: list[tuple] = field(default_factory=list)

    def save(self) -> None:
        if self.gone_items:
            _delete(DueItem, self.gone_items)
        if self.moved_items:
            _update(DueItem, DUE_ITEM_FIELDS, self.moved_items)
        if self.new_items:
            _insert(DueItem, ["case_id", "rule", *DUE_ITEM_FIELDS], self.new_items)
        if self.gone_periods:
            _delete(FollowUpPeriod, self.gone_periods)
        if self.new_periods:
            _insert(FollowUpPeriod, PERIOD_COLUMNS, self.new_periods)


def _delete(model, ids: list[int]) -> None:
    for start in range(0, len(ids), WRITE_BATCH):
        among, params = _among(ids[start : start + WRITE_BATCH])
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE id {among}", params)


def _update(model, columns: list[str], rows: list[tuple]) -> None:
    """Set `columns` of each row (its values, then its id): one statement, run once per row
    (a pipeline on PostgreSQL)."""
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(column)} = %s" for column in columns)
    rows = _with_json(rows, columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {model._meta.db_table} SET {sets} WHERE id = %s", rows)


WRITE_BATCH = 1000
PERIOD_COLUMNS = ["case_id", "rule", "due_on", "held_on", "team_id", "programme"]


# Below this many rows a COPY saves nothing over one INSERT; a change's own recompute (a
# handful of rows) then writes through the ordinary cursor on every database, the same
# statements on PostgreSQL and SQLite (pinned in programmes/tests/test_effective.py).
COPY_FROM = 200


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert plain rows (JSON values as dicts) into `model`'s table: one COPY on PostgreSQL
    (psycopg 3) for a batch of COPY_FROM rows or more, multi-row INSERTs of WRITE_BATCH rows
    otherwise."""
    table = model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    rows = _with_json(rows, columns)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        if len(rows) >= COPY_FROM and connection.vendor == "postgresql" and hasattr(raw, "copy"):
            with raw.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
        for start in range(0, len(rows), WRITE_BATCH):
            chunk = rows[start : start + WRITE_BATCH]
            cursor.execute(
                f"INSERT INTO {table} ({quoted}) VALUES " + ", ".join([marks] * len(chunk)),
                [value for row in chunk for value in row],
            )


def _with_json(rows: list[tuple], columns: list[str]) -> list[tuple]:
    """The rows with their JSON values (dicts) as JSON text, as plain SQL writes them."""
    json_at = [at for at, column in enumerate(columns) if column == "explanation_params"]
    if not json_at:
        return rows
    written = []
    for row in rows:
        values = list(row)
        for at in json_at:
            values[at] = json.dumps(values[at])
        written.append(tuple(values))
    return written


def _store(case: Case, facts: engine.CaseFacts, loaded: _Loaded, writes: _Writes) -> Change:
    """Note only what differs from the stored rows (most changes move one item and one period);
    `writes.save()` writes them for the whole batch."""
    change = Change()
    evaluation = engine.evaluate(facts)
    wanted = {} if case.status == CaseStatus.CLOSED else _wanted_items(case, evaluation.items)
    existing = loaded.items[case.pk]
    gone = [rule for rule in existing if rule not in wanted]
    if gone:
        writes.gone_items += [existing[rule][0] for rule in gone]
        change.removed = sorted(gone)
    for rule, values in wanted.items():
        if rule not in existing:
            writes.new_items.append((case.pk, rule, *values))
            change.added.append(rule)
            continue
        pk, old = existing[rule]
        if old == values:
            continue
        if old[_DATES_AT[0]] != values[_DATES_AT[0]]:
            change.moved.append((rule, old[_DATES_AT[0]], values[_DATES_AT[0]]))
        writes.moved_items.append((*values, pk))
    change.periods_changed = _store_periods(
        case, evaluation.periods, loaded.periods[case.pk], writes
    )
    return change


def _wanted_items(case: Case, items: list[engine.Due]) -> dict[str, tuple]:
    """rule → the item's values in DUE_ITEM_FIELDS order."""
    wanted = {}
    for item in items:
        wanted[item.rule] = (
            item.title,
            item.due_on,
            item.counts_from,
            item.source,
            item.explanation.message,
            dict(item.explanation.params),
            case.organisation_id,
            case.responsible_id,
            case.buddy_id,
            case.team_id,
            case.programme,
        )
    return wanted


def _store_periods(
    case: Case, periods: list[engine.Period], existing: list[tuple], writes: _Writes
) -> bool:
    """Note the stored periods the engine no longer gives and the new ones; a held follow-up
    typically closes one open period and opens the next."""
    unmatched: dict[tuple, list[int]] = defaultdict(list)
    for rule, due_on, held_on, team_id, programme, pk in existing:
        unmatched[(rule, due_on, held_on, team_id, programme)].append(pk)
    missing = []
    for period in periods:
        key = (period.rule, period.due_on, period.held_on, case.team_id, case.programme)
        if unmatched.get(key):
            unmatched[key].pop()
        else:
            missing.append(key)
    stale = [pk for pks in unmatched.values() for pk in pks]
    writes.gone_periods += stale
    writes.new_periods += [(case.pk, *key) for key in missing]
    return bool(stale or missing)


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
    changes = {}
    writes = _Writes()
    with _collector_paused(len(cases)):
        loaded = _load(cases)
        for case in cases:
            facts = _facts(case, _as_of(case, today), loaded, _jurisdiction(case, loaded))
            changes[case.pk] = _store(case, facts, loaded, writes)
    # No savepoint of its own: a failure here must undo the caller's change as well.
    with transaction.atomic(savepoint=False):
        writes.save()
    return changes


# From this many cases a batch pauses Python's cyclic garbage collector (see below).
PAUSE_COLLECTOR_FROM = 100


@contextmanager
def _collector_paused(size: int) -> Iterator[None]:
    """A batch of 1,000 cases makes and drops some 200,000 small objects (rows, dates, tuples),
    none of them in a reference cycle; the cyclic collector's passes over them, and over every
    object the process holds, took about a fifth of a batch (docs/benchmark.md). Paused while a
    batch is read and computed, then on again; reference counting still frees what the batch
    drops, and a cycle made meanwhile waits for the next pass."""
    if size < PAUSE_COLLECTOR_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


RECOMPUTE_BATCH = 500


def _batches(cases) -> Iterator[list[Case]]:
    batch: list[Case] = []
    for case in cases.iterator(chunk_size=RECOMPUTE_BATCH):
        batch.append(case)
        if len(batch) == RECOMPUTE_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def recompute_open_cases(organisation_id: int, key: str) -> int:
    """Recompute the due items of the organisation's open cases on programme `key`, in batches,
    after its settings changed, so that worklists show the new values at once. Returns how many
    cases were recomputed."""
    cases = (
        Case.objects.filter(organisation_id=organisation_id, programme=key)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("organisation")
        .order_by("pk")
    )
    count = 0
    for batch in _batches(cases):
        recompute_cases(batch)
        count += len(batch)
    return count
