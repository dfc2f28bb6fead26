"""RequestIdMiddleware: every response and audit event carries the request's id."""

from django.urls import reverse

from samspel.audit.models import Action, AuditEvent


def test_each_response_gets_a_fresh_id(client, db):
    first = client.get(reverse("web:healthz"))["X-Request-ID"]
    second = client.get(reverse("web:healthz"))["X-Request-ID"]
    assert len(first) == 32
    assert first != second


def test_a_safe_incoming_id_is_kept_and_audited(client, personas, login):
    login(personas["worker"])
    response = client.post(reverse("accounts:logout"), headers={"X-Request-ID": "abc-123-def"})
    assert response["X-Request-ID"] == "abc-123-def"
    assert AuditEvent.objects.get(action=Action.LOGOUT).request_id == "abc-123-def"


def test_an_unsafe_incoming_id_is_replaced(client, db):
    response = client.get(reverse("web:healthz"), headers={"X-Request-ID": "<script>alert(1)"})
    assert response["X-Request-ID"] != "<script>alert(1)"
    assert len(response["X-Request-ID"]) == 32
