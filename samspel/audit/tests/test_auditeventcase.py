"""An event about several cases names them in AuditEventCase, as append-only as the event."""

import importlib
import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent, AuditEventCase, AuditLogIsAppendOnly

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)
FIRST, SECOND = uuid.uuid4(), uuid.uuid4()


@pytest.fixture
def event(personas):
    return record(
        None,
        Action.VIEW,
        object_type="cases.case_list",
        user=personas["worker"],
        cases=[SECOND, FIRST, FIRST],
    )


def test_record_names_each_case_once_in_both_places(event):
    assert event.detail["cases"] == sorted([str(FIRST), str(SECOND)])
    assert set(event.case_links.values_list("case_public_id", flat=True)) == {FIRST, SECOND}


def test_an_event_without_cases_has_no_links(personas):
    event = record(None, Action.LOGIN, personas["worker"], user=personas["worker"])
    assert "cases" not in event.detail
    assert not event.case_links.exists()


def test_links_cannot_be_changed_or_deleted(event):
    link = event.case_links.first()
    with pytest.raises(AuditLogIsAppendOnly):
        link.save()
    with pytest.raises(AuditLogIsAppendOnly):
        link.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEventCase.objects.filter(event=event).update(case_public_id=uuid.uuid4())
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEventCase.objects.filter(event=event).delete()
    assert event.case_links.count() == 2


@needs_postgresql
def test_database_refuses_raw_update_and_delete_of_links(event):
    for statement in (
        "UPDATE audit_auditeventcase SET case_public_id = gen_random_uuid() WHERE event_id = %s",
        "DELETE FROM audit_auditeventcase WHERE event_id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="auditeventcase is append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [event.pk])
    assert event.case_links.count() == 2


def test_the_migration_fills_links_from_events_logged_before_it(personas):
    backfill = importlib.import_module(
        "samspel.audit.migrations.0003_search_indexes_and_case_links"
    )
    old = AuditEvent.objects.create(
        action=Action.VIEW, object_type="cases.case_list", detail={"cases": [str(FIRST)]}
    )
    AuditEvent.objects.create(action=Action.LOGIN, detail={"cases": "not a list"})
    with connection.cursor() as cursor:
        cursor.execute(backfill.BACKFILL[connection.vendor])
    assert list(AuditEventCase.objects.values_list("event_id", "case_public_id")) == [
        (old.pk, FIRST)
    ]
