"""Running an organisation's retention schedule: which closed cases are due (and which a legal
hold keeps), deleting each with everything recorded about it, the family too when it has no
other case, and the audit events past their years. A dry run reports the same without writing.
Every run is kept as a RetentionRun and an audit event."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.db.models.deletion import Collector
from django.utils import timezone

from samspel.activities.models import Activity, ExternalAppointment
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent, AuditEventCase, AuditFlag, AuditReview
from samspel.cases.models import Case, CaseStatus
from samspel.families.models import Family
from samspel.imports.models import ImportBatch, ImportKey, Kind
from samspel.network.models import Consent
from samspel.retention.models import LegalHold, RetentionRun, RetentionSchedule
from samspel.retention.rules import cutoff

STALE_IMPORT_DAYS = 30  # the text of an import checked but never imported is dropped after


@dataclass
class Due:
    cases: list[Case] = field(default_factory=list)
    kept: list[tuple[Case, LegalHold]] = field(default_factory=list)
    audit_before: dt.datetime | None = None
    audit_events: int = 0


def _active_holds():
    return LegalHold.objects.filter(case=OuterRef("pk"), released_at__isnull=True)


def due(schedule: RetentionSchedule, today: dt.date) -> Due:
    """What the schedule removes on `today`."""
    closed = Case.objects.filter(
        organisation=schedule.organisation,
        status=CaseStatus.CLOSED,
        closed_on__lte=cutoff(today, schedule.closed_case_years),
    ).annotate(held=Exists(_active_holds()))
    found = Due()
    for case in closed.order_by("closed_on", "number"):
        if case.held:
            hold = case.legal_holds.filter(released_at__isnull=True).first()
            found.kept.append((case, hold))
        else:
            found.cases.append(case)
    before = dt.datetime.combine(cutoff(today, schedule.audit_years), dt.time.min, dt.UTC)
    found.audit_before = before
    found.audit_events = AuditEvent.objects.filter(
        organisation_id=schedule.organisation_id, at__lt=before
    ).count()
    return found


def _delete(querysets, removed: Counter) -> None:
    for queryset in querysets:
        collector = Collector(using=queryset.db, origin=queryset)
        collector.collect(queryset)
        _count, per_model = collector.delete()
        removed.update(per_model)


def delete_case(case: Case, removed: Counter) -> None:
    """The case with everything recorded about it; its family, persons, appointments and
    feeds too when the family has no other case. In one transaction."""
    with transaction.atomic():
        family = case.family
        measures = list(case.measures.values_list("pk", flat=True))
        _delete(
            [
                Activity.objects.filter(case=case),  # participants and reminders go along
                Consent.objects.filter(case_actor__case=case),
                LegalHold.objects.filter(case=case, released_at__isnull=False),
                ImportKey.objects.filter(kind=Kind.CASES, object_id=case.pk),
                ImportKey.objects.filter(kind=Kind.MEASURES, object_id__in=measures),
                Case.objects.filter(pk=case.pk),
            ],
            removed,
        )
        if family.cases.exists():
            return
        persons = list(family.persons.values_list("pk", flat=True))
        _delete(
            [
                ExternalAppointment.objects.filter(family=family),
                Consent.objects.filter(given_by__in=persons),
                ImportKey.objects.filter(kind=Kind.PERSONS, object_id__in=persons),
                ImportKey.objects.filter(kind=Kind.FAMILIES, object_id=family.pk),
                family.persons.all(),
                Family.objects.filter(pk=family.pk),
            ],
            removed,
        )


def purge_audit(organisation_id: int, before: dt.datetime) -> int:
    """Delete the organisation's audit events older than `before`, with their case links,
    flags and reviews: the one path past the log's append-only rule. On PostgreSQL the trigger
    lets it through only inside this transaction and only for events over a year old."""
    events = "SELECT id FROM audit_auditevent WHERE organisation_id = %s AND at < %s"
    tables = [m._meta.db_table for m in (AuditEventCase, AuditFlag, AuditReview)]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL samspel.audit_retention = 'on'")
        for table in tables:  # the models' own table names, no input
            delete = f"DELETE FROM {table} WHERE event_id IN ({events})"  # noqa: S608
            cursor.execute(delete, [organisation_id, before])
        cursor.execute(
            "DELETE FROM audit_auditevent WHERE organisation_id = %s AND at < %s",
            [organisation_id, before],
        )
        return cursor.rowcount


def _drop_stale_import_files(organisation, now: dt.datetime) -> int:
    stale = ImportBatch.objects.filter(
        organisation=organisation,
        created_at__lt=now - dt.timedelta(days=STALE_IMPORT_DAYS),
    ).exclude(files={})
    return stale.update(files={})


def run(
    schedule: RetentionSchedule, today: dt.date, *, dry_run: bool, by=None, request=None
) -> RetentionRun:
    found = due(schedule, today)
    removed: Counter = Counter()
    audit_events = found.audit_events
    if not dry_run:
        for case in found.cases:
            delete_case(case, removed)
        if found.audit_before is not None:
            audit_events = purge_audit(schedule.organisation_id, found.audit_before)
        _drop_stale_import_files(schedule.organisation, timezone.now())
    result = RetentionRun.objects.create(
        organisation=schedule.organisation,
        on=today,
        dry_run=dry_run,
        by=by,
        cases=[{"number": c.number, "closed_on": c.closed_on.isoformat()} for c in found.cases],
        kept=[{"number": c.number, "hold": hold.reason} for c, hold in found.kept],
        rows=dict(sorted(removed.items())),
        audit_events=audit_events,
    )
    record(
        request,
        Action.DELETE if not dry_run else Action.VIEW,
        result,
        user=by,
        organisation_id=schedule.organisation_id,
        dry_run=dry_run,
        cases=found.cases,
        audit_events=audit_events,
    )
    return result
