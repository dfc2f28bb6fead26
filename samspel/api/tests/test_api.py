"""REST API v1 (issue 11, item 3, first part): bearer tokens (hashed, expiring, revocable), the
same access as the pages (outsiders and other organisations 404), one audit event per request
naming the token, pagination, and JSON errors."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from samspel.api.models import ApiToken
from samspel.api.tests.calls import BASE, get
from samspel.api.tokens import issue, revoke
from samspel.audit.models import Action, AuditEvent


def test_the_secret_is_not_stored(token_of):
    secret = token_of("worker")
    token = ApiToken.objects.get()
    assert secret not in (token.secret_hash, token.prefix) and len(token.secret_hash) == 64
    assert secret.startswith(f"sps_{token.prefix}_")


def test_cases_lists_what_the_user_may_read(client, case, token_of):
    response = get(client, "/cases", token_of("worker"))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["id"] == str(case.public_id) and item["number"] == case.number
    assert get(client, "/cases", token_of("outsider")).json() == {"items": [], "count": 0}


@pytest.mark.parametrize("path", ["", "/due-items", "/activities"])
def test_a_case_is_404_for_outsiders_and_other_organisations(client, case, token_of, path):
    url = f"/cases/{case.public_id}{path}"
    assert get(client, url, token_of("worker")).status_code == 200
    for persona in ("outsider", "stranger"):
        response = get(client, url, token_of(persona))
        assert response.status_code == 404
        assert response.json() == {"detail": "Not Found"}


def test_every_request_leaves_one_audit_event_naming_the_token(client, case, token_of):
    secret = token_of("worker")
    token = ApiToken.objects.get()
    for path in ("/cases", f"/cases/{case.public_id}", f"/cases/{case.public_id}/due-items"):
        before = AuditEvent.objects.count()
        response = get(client, path, secret)
        assert response.status_code == 200
        [event] = AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before]
        assert event.action == Action.VIEW and event.actor_username == "worker"
        assert event.detail["api_token"] == str(token.public_id)
        assert event.request_id == response["X-Request-ID"]
        assert case.number in (
            event.case_number,
            *event.case_links.values_list("case_number", flat=True),
        )


@pytest.mark.parametrize(
    "header", ["", "Bearer", "Bearer nonsense", "Bearer sps_000000000000_x", "Basic dXNlcjpwYXNz"]
)
def test_without_a_valid_token_it_is_401(client, db, header):
    response = client.get(f"{BASE}/cases", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_session_is_not_enough(client, personas):
    client.force_login(personas["worker"])
    assert client.get(f"{BASE}/cases").status_code == 401


def test_expired_revoked_and_deactivated_tokens_stop_working(client, personas, case, token_of):
    secret = token_of("worker", days=1)
    assert get(client, "/cases", secret).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=2)):
        assert get(client, "/cases", secret).status_code == 401
    token = ApiToken.objects.get()
    revoke(token, personas["admin"])
    assert get(client, "/cases", secret).status_code == 401
    assert ApiToken.objects.get().revoked_by == personas["admin"]
    other = token_of("buddy")
    personas["buddy"].is_active = False
    personas["buddy"].save()
    assert get(client, "/cases", other).status_code == 401


def test_a_token_lasts_at_most_a_year(personas):
    with pytest.raises(ValueError):
        issue(personas["worker"], name="x", days=366, created_by=personas["worker"])


def test_pages_of_cases_and_bad_parameters(client, case, token_of):
    secret = token_of("worker")
    assert get(client, "/cases", secret, limit=1, offset=1).json() == {"items": [], "count": 1}
    for bad in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"status": "open"}, {"limit": "x"}):
        assert get(client, "/cases", secret, **bad).status_code == 422, bad
    assert get(client, "/cases/not-a-uuid", secret).status_code == 422
    assert get(client, "/cases", secret, status=case.status).json()["count"] == 1
    other = "closed" if case.status != "closed" else "active"
    assert get(client, "/cases", secret, status=other).json()["count"] == 0


def test_writes_are_not_offered(client, case, token_of):
    response = client.post(
        f"{BASE}/cases", {}, headers={"Authorization": f"Bearer {token_of('worker')}"}
    )
    assert response.status_code == 405


def test_the_openapi_document_describes_every_route(client, db):
    document = client.get(f"{BASE}/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/cases",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/measures",
        "/api/v1/cases/{case_id}/due-items",
        "/api/v1/cases/{case_id}/activities",
        "/api/v1/cases/{case_id}/plans",
        "/api/v1/cases/{case_id}/plans/{plan_id}",
        "/api/v1/due-items",
        "/api/v1/families",
        "/api/v1/families/{family_id}",
        "/api/v1/calendar",
    }
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"


def test_an_unknown_parameter_is_refused_not_ignored(client, case, token_of):
    response = get(client, "/cases", token_of("worker"), statsu="closed")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "statsu"]


def test_requests_are_throttled_per_token(client, case, token_of, monkeypatch):
    from samspel.api.api import api

    [throttle] = api.throttle
    monkeypatch.setattr(throttle, "num_requests", 3)
    secret, other = token_of("worker"), token_of("buddy")
    statuses = [get(client, "/cases", secret).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert get(client, "/cases", other).status_code == 200  # another token has its own count


def test_a_token_without_the_read_scope_reads_nothing(client, case, token_of):
    secret = token_of("worker")
    ApiToken.objects.update(scopes=[])
    assert get(client, "/cases", secret).status_code == 401
