"""The audit log is append-only: in the application, and on PostgreSQL in the database too."""

import pytest
from django.db import DatabaseError, connection, transaction

from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent, AuditLogIsAppendOnly

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


@pytest.fixture
def event(personas):
    return record(None, Action.LOGIN, personas["worker"], user=personas["worker"])


def test_record_copies_who_and_what(personas, organisation, event):
    worker = personas["worker"]
    event.refresh_from_db()
    assert event.actor_id == worker.pk
    assert event.actor_username == "worker"
    assert event.organisation_id == organisation.pk
    assert event.object_type == "accounts.user"
    assert event.object_id == str(worker.public_id)
    assert event.at is not None


def test_record_keeps_detail(personas):
    event = record(None, Action.UPDATE, personas["worker"], user=personas["admin"], fields=["x"])
    event.refresh_from_db()
    assert event.detail == {"fields": ["x"]}
    assert event.actor_username == "admin"


def test_saving_an_existing_event_is_refused(event):
    event.action = Action.LOGOUT
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).action == Action.LOGIN


def test_deleting_an_event_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_update_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(actor_username="someone else")
    assert AuditEvent.objects.get(pk=event.pk).actor_username == "worker"


def test_queryset_delete_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


def test_bulk_update_is_refused(event):
    event.actor_username = "someone else"
    with pytest.raises(AuditLogIsAppendOnly), transaction.atomic():
        AuditEvent.objects.bulk_update([event], ["actor_username"])
    assert AuditEvent.objects.get(pk=event.pk).actor_username == "worker"


def test_update_or_create_of_an_existing_event_is_refused(event):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.update_or_create(pk=event.pk, defaults={"action": Action.LOGOUT})
    assert AuditEvent.objects.get(pk=event.pk).action == Action.LOGIN


@needs_postgresql
def test_database_refuses_raw_update(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE audit_auditevent SET actor_username = %s WHERE id = %s",
            ["someone else", event.pk],
        )
    assert AuditEvent.objects.get(pk=event.pk).actor_username == "worker"


@needs_postgresql
def test_database_refuses_raw_delete(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@needs_postgresql
def test_database_still_accepts_inserts(event):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (at, actor_username, action, object_type, object_id,"
            " request_id, detail) VALUES (now(), 'x', 'login', '', '', '', '{}')"
        )
    assert AuditEvent.objects.count() == 2
