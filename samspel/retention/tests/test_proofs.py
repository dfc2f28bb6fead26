"""Retention on the demo world (issue 11, item 5), on SQLite and PostgreSQL: the proofs.

- Deletion: a due case leaves no row that refers to it, its family goes when it has no other
  case, and no table holds the family's name, its persons' names or personal numbers, its
  feed's token; the case search finds nothing and the feed's address answers 404.
- Nothing else goes: every removed row is one of the deleted case's own records (it refers to a
  removed row, or a removed row referred to it and nothing else still does), every other row of
  every table is as it was, and a case under a legal hold is kept.
- A dry run writes nothing but its report; audit events go only after their own years."""

import datetime as dt

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.db.models import ForeignKey
from django.utils import timezone

from samspel.accounts.models import User
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent, AuditEventCase
from samspel.calendars.feeds import create_feed
from samspel.cases.models import Case, CaseStatus
from samspel.cases.search import search_cases
from samspel.demo.tests.conftest import seeded_demo
from samspel.demo.world import SWEDISH_ORG
from samspel.families.models import Family
from samspel.organisations.models import Organisation
from samspel.retention.models import LegalHold, RetentionRun, RetentionSchedule
from samspel.retention.services import purge_audit, run

AUDIT_TABLES = {"audit_auditevent", "audit_auditeventcase", "audit_auditflag", "audit_auditreview"}
WRITTEN_BY_A_RUN = {"audit_auditevent", "audit_auditeventcase", "retention_retentionrun"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker):
        yield


def _models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def snapshot() -> dict[str, set[tuple]]:
    """Every row of every table, its columns in the model's field order."""
    tables = {}
    with connection.cursor() as cursor:
        for model in _models():
            columns = ", ".join(
                connection.ops.quote_name(field.column) for field in model._meta.concrete_fields
            )
            cursor.execute(
                f"SELECT {columns} FROM {connection.ops.quote_name(model._meta.db_table)}"
            )
            tables[model._meta.db_table] = {tuple(row) for row in cursor.fetchall()}
    return tables


def structure() -> tuple[dict[str, int], dict[str, list[tuple[int, str]]]]:
    """Per table: the primary key's position, and (position, target table) of each FK."""
    primary, keys = {}, {}
    for model in _models():
        fields = model._meta.concrete_fields
        table = model._meta.db_table
        primary[table] = fields.index(model._meta.pk)
        keys[table] = [
            (index, field.related_model._meta.db_table)
            for index, field in enumerate(fields)
            if isinstance(field, ForeignKey)
        ]
    return primary, keys


def unjustified(removed: dict[str, set], after: dict[str, set], seeds: dict[str, set]):
    """Removed rows that are not the deleted cases' own records: a row is one when it refers
    to one, or when one referred to it and no remaining row does."""
    primary, keys = structure()
    justified = {table: set(rows) for table, rows in seeds.items()}
    still_referred = {
        (target, row[index])
        for table, rows in after.items()
        for row in rows
        for index, target in keys.get(table, [])
    }
    changed = True
    while changed:
        changed = False
        known = {(t, row[primary[t]]) for t, rows in justified.items() for row in rows}
        referred_by_known = {
            (target, row[index])
            for t, rows in justified.items()
            for row in rows
            for index, target in keys.get(t, [])
        }
        for table, rows in removed.items():
            for row in rows - justified.get(table, set()):
                refers = any((target, row[index]) in known for index, target in keys[table])
                me = (table, row[primary[table]])
                if refers or (me in referred_by_known and me not in still_referred):
                    justified.setdefault(table, set()).add(row)
                    changed = True
    return {
        table: rows - justified.get(table, set())
        for table, rows in removed.items()
        if rows - justified.get(table, set())
    }


def text_holding(values: list[str], skip=frozenset()) -> list[str]:
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            if table in skip:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                found += [f"{table}: {value}" for value in values if value in text]
    return found


def close(case: Case, on: dt.date) -> None:
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=on)
    case.refresh_from_db()


@pytest.fixture
def world(demo, db):
    organisation = Organisation.objects.get(name=SWEDISH_ORG)
    admin = User.objects.get(username="admin-se")
    cases = list(
        Case.objects.filter(organisation=organisation)
        .exclude(family__cases__status=CaseStatus.CLOSED)
        .order_by("number")
    )
    single = [c for c in cases if c.family.cases.count() == 1]
    gone, held = single[0], single[1]
    # A family with two cases, one closed long ago: the family stays for the other.
    shared = single[2]
    sibling_case = Case.objects.create(
        organisation=organisation,
        number="2019-9999",
        family=shared.family,
        programme=shared.programme,
        team=shared.team,
        responsible=shared.responsible,
    )
    long_ago = timezone.localdate() - dt.timedelta(days=800)
    for case in (gone, held, sibling_case):
        close(case, long_ago)
    LegalHold.objects.create(case=held, reason="Complaint to IVO", placed_by=admin)
    Family.objects.filter(pk=gone.family_id).update(name="Familjen Zyxwvutsson")
    feed, token = create_feed(
        created_by=gone.responsible, family=gone.family, lifetime=dt.timedelta(days=30)
    )
    schedule = RetentionSchedule.objects.create(
        organisation=organisation, closed_case_years=2, audit_years=3, updated_by=admin
    )
    return {
        "schedule": schedule,
        "admin": admin,
        "gone": gone,
        "held": held,
        "shared": shared,
        "sibling_case": sibling_case,
        "token": token,
        "numbers": [p.personal_number for p in gone.family.persons.all() if p.personal_number],
        "names": [str(p) for p in gone.family.persons.all()],
    }


def test_a_due_case_goes_with_everything_about_it_and_nothing_else(world, client):
    gone, held, shared = world["gone"], world["held"], world["shared"]
    before = snapshot()
    result = run(world["schedule"], timezone.localdate(), dry_run=False, by=world["admin"])
    after = snapshot()

    assert [c["number"] for c in result.cases] == sorted([gone.number, "2019-9999"])
    assert result.kept == [{"number": held.number, "hold": "Complaint to IVO"}]
    assert not Case.objects.filter(pk=gone.pk).exists()
    assert not Family.objects.filter(pk=gone.family_id).exists()
    assert Case.objects.filter(pk=held.pk).exists()  # the legal hold keeps it
    assert Family.objects.filter(pk=shared.family_id).exists()  # it has another case

    removed = {
        t: before[t] - after.get(t, set()) for t in before if before[t] - after.get(t, set())
    }
    added = {t for t in after if after[t] - before.get(t, set())}
    assert added <= WRITTEN_BY_A_RUN
    assert not (set(removed) & AUDIT_TABLES)  # audit events stay for their own years
    seeds = {
        "cases_case": {row for row in removed["cases_case"]},
    }
    assert {row[0] for row in seeds["cases_case"]} == {gone.pk, world["sibling_case"].pk}
    assert unjustified(removed, after, seeds) == {}
    # The case's records of every kind went with it.
    kinds = {"activities_activity", "families_person", "families_family", "plans_plan"}
    assert kinds <= set(removed), sorted(removed)
    assert sum(result.rows.values()) == sum(len(rows) for rows in removed.values())

    # No search hit, no feed, no trace of the family outside the audit log.
    assert text_holding(["Zyxwvutsson", *world["numbers"], world["token"]], skip=AUDIT_TABLES) == []
    organisation = world["schedule"].organisation
    assert not search_cases(Case.objects.filter(organisation=organisation), "Zyxwvutsson", "SE")
    assert client.get(f"/ical/{world['token']}.ics").status_code == 404


def test_a_dry_run_reports_and_writes_nothing(world):
    before = snapshot()
    result = run(world["schedule"], timezone.localdate(), dry_run=True, by=world["admin"])
    after = snapshot()
    assert [c["number"] for c in result.cases] == sorted([world["gone"].number, "2019-9999"])
    assert result.rows == {}
    changed = {t for t in after if after[t] != before.get(t, set())}
    assert changed <= WRITTEN_BY_A_RUN


def test_audit_events_go_after_their_years_and_only_the_organisations(world):
    schedule, number = world["schedule"], world["gone"].number
    other = Organisation.objects.exclude(pk=schedule.organisation_id).first()
    five_years_ago = timezone.now() - dt.timedelta(days=5 * 366)
    with time_machine.travel(five_years_ago, tick=False):
        old = record(None, Action.VIEW, world["gone"], user=world["gone"].responsible)
        theirs = record(None, Action.LOGIN, organisation_id=other.pk, username="someone")
    recent = record(None, Action.VIEW, world["gone"], user=world["gone"].responsible)
    result = run(schedule, timezone.localdate(), dry_run=False, by=world["admin"])
    assert result.audit_events >= 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert not AuditEventCase.objects.filter(event_id=old.pk).exists()
    assert AuditEvent.objects.filter(pk__in=[recent.pk, theirs.pk]).count() == 2
    assert AuditEvent.objects.filter(case_number=number).exists()  # the recent reads stay
    assert RetentionRun.objects.get(organisation=schedule.organisation).audit_events == (
        result.audit_events
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database's own guard")
def test_even_the_retention_path_cannot_delete_a_recent_audit_event(world):
    from django.db import DatabaseError, transaction

    recent = record(None, Action.VIEW, world["gone"], user=world["gone"].responsible)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        purge_audit(world["schedule"].organisation_id, timezone.now() + dt.timedelta(days=1))
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
