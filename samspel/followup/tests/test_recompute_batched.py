"""The batched recompute (`recompute_cases`, what `recompute_due_items` and the tasks run)
stores exactly what recomputing each case alone stores, with the real engine, on cases that
differ in programme, status, activities, plans, grants and evaluations."""

import datetime as dt

import pytest
from django.db import transaction

from conftest import make_danish_case, set_legal_basis
from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case, CaseGrant, CaseStatus
from samspel.followup import recompute
from samspel.followup.models import DueItem, FollowUpPeriod, SupportEvaluation
from samspel.followup.recompute import recompute_case, recompute_cases
from samspel.plans.models import Goal, Plan, PlanKind, ResponsibleParty, SubGoal

EARLIER = dt.date(2026, 1, 20)
TODAY = dt.date(2026, 6, 10)


class _Undo(Exception):
    pass


def _held(case, kind, on):
    Activity.objects.create(
        case=case, kind=kind, status=ActivityStatus.HELD, held_on=on, created_by=case.responsible
    )


def _plan(case, target):
    plan = Plan.objects.create(
        case=case,
        kind=PlanKind.IMPLEMENTATION_PLAN,
        title="Plan",
        starts_on=dt.date(2026, 1, 20),
        created_by=case.responsible,
        updated_by=case.responsible,
    )
    goal = Goal.objects.create(plan=plan, text="Mål", responsible_party=ResponsibleParty.FAMILY)
    SubGoal.objects.create(
        goal=goal,
        what="Frukost",
        indicator="Dagbok",
        target_date=target,
        responsible_party=ResponsibleParty.FAMILY,
    )


@pytest.fixture
def cases(case, family, team, personas, other_organisation):
    case.status = CaseStatus.ACTIVE
    case.referred_on, case.activated_on = dt.date(2026, 1, 2), dt.date(2026, 1, 5)
    case.save()
    for day in (10, 40, 75, 120):
        _held(case, "follow_up_meeting", dt.date(2026, 1, 5) + dt.timedelta(days=day))
    _plan(case, dt.date(2026, 5, 1))
    referred = Case.objects.create(
        organisation=family.organisation,
        number="2026-0002",
        family=family,
        programme="bfamily",
        team=team,
        responsible=personas["worker"],
        referred_on=dt.date(2026, 1, 10),
    )
    set_legal_basis(referred, ["SoL 4:1"], starts_on=dt.date(2026, 1, 10))
    CaseGrant.objects.create(
        case=referred, user=personas["buddy"], can_write=True, granted_by=personas["worker"]
    )
    closing = Case.objects.create(
        organisation=family.organisation,
        number="2026-0003",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
        status=CaseStatus.ACTIVE,
        referred_on=dt.date(2025, 11, 1),
        activated_on=dt.date(2025, 11, 3),
    )
    _held(closing, "home_visit", dt.date(2025, 12, 1))
    SupportEvaluation.objects.create(
        case=closing, evaluated_on=dt.date(2026, 1, 15), recorded_by=personas["worker"]
    )
    worker = other_organisation.users.first()
    danish = make_danish_case(
        other_organisation,
        worker,
        legal_basis=["SEL §41", "SEL §50"],
        referred_on=dt.date(2026, 1, 3),
        activated_on=dt.date(2026, 1, 6),
        status=CaseStatus.ACTIVE,
    )
    _held(danish, "home_visit", dt.date(2026, 2, 2))
    everything = [case, referred, closing, danish]
    recompute_cases(everything, EARLIER)  # stored rows to move, keep and remove
    DueItem.objects.filter(case=referred).delete()  # and rows to add
    FollowUpPeriod.objects.filter(case=danish).delete()
    closing.status, closing.closed_on = CaseStatus.CLOSED, dt.date(2026, 3, 1)
    closing.save()
    return list(Case.objects.filter(pk__in=[c.pk for c in everything]).order_by("pk"))


def _rows():
    items = DueItem.objects.order_by("case_id", "rule").values_list(
        "case_id", "rule", "title", "due_on", "counts_from", "source", "explanation",
        "explanation_params", "organisation_id", "responsible_id", "buddy_id", "team_id",
        "programme",
    )  # fmt: skip
    periods = FollowUpPeriod.objects.values_list(
        "case_id", "rule", "due_on", "held_on", "team_id", "programme"
    )
    return list(items), sorted(periods, key=lambda row: tuple(str(value) for value in row))


def _outcome(recompute):
    try:
        with transaction.atomic():
            changes = recompute()
            rows = _rows()
            raise _Undo
    except _Undo:
        return changes, rows


@pytest.mark.parametrize("copy_from", [1, recompute.COPY_FROM], ids=["copy", "insert"])
def test_the_batch_stores_what_each_case_alone_stores(cases, copy_from, monkeypatch):
    """With COPY_FROM at 1 every write of the batch goes through COPY on PostgreSQL, so both
    write paths are compared with the per-case result; on SQLite both are INSERTs."""
    monkeypatch.setattr(recompute, "COPY_FROM", copy_from)
    alone, alone_rows = _outcome(lambda: {c.pk: recompute_case(c, TODAY) for c in cases})
    batch, batch_rows = _outcome(lambda: recompute_cases(cases, TODAY))
    assert batch_rows == alone_rows
    assert batch == alone
    items, periods = batch_rows
    assert {row[0] for row in items} == {c.pk for c in cases if c.status != CaseStatus.CLOSED}
    assert len(periods) >= 2
    assert any(change.moved or change.removed for change in batch.values()), batch
    assert any(change.added for change in batch.values()), batch


def test_a_batch_pauses_the_cycle_collector_and_turns_it_on_again(cases, monkeypatch):
    import gc

    from samspel.followup import engine

    monkeypatch.setattr(recompute, "PAUSE_COLLECTOR_FROM", len(cases))
    evaluate, seen = engine.evaluate, []

    def watched(facts):
        seen.append(gc.isenabled())
        return evaluate(facts)

    monkeypatch.setattr(engine, "evaluate", watched)
    paused, paused_rows = _outcome(lambda: recompute_cases(cases, TODAY))
    assert seen == [False] * len(cases) and gc.isenabled()
    seen.clear()
    _outcome(lambda: recompute_cases(cases[:1], TODAY))  # one case: the collector stays on
    assert seen == [True]

    def failing(facts):
        raise RuntimeError("engine failed")

    monkeypatch.setattr(engine, "evaluate", failing)
    with pytest.raises(RuntimeError):
        recompute_cases(cases, TODAY)
    assert gc.isenabled()
    monkeypatch.setattr(engine, "evaluate", evaluate)
    monkeypatch.setattr(recompute, "PAUSE_COLLECTOR_FROM", len(cases) + 1)
    assert _outcome(lambda: recompute_cases(cases, TODAY)) == (paused, paused_rows)
