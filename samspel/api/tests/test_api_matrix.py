"""Every route of the OpenAPI document × every persona, generated from the document so that no
new route escapes it (as cases/tests/test_access_matrix.py is from the URL configuration): the
people on the case, a reader by grant and an emergency reader get 200 from the routes of one
case, family or plan; outsiders and other organisations 404; auditors' and administrators'
tokens are refused (401); no route writes (405 for every other method); every answered
request is one audit event."""

import re

import pytest

from conftest import make_user
from samspel.api.tests.calls import BASE
from samspel.audit.models import AuditEvent
from samspel.plans.demo import add_demo_plan

ON_THE_CASE = ["worker", "buddy", "leader"]
OUTSIDERS = ["colleague", "stranger"]  # the personas' outsider is `reader` here
NO_TOKEN_USERS = ["auditor", "admin"]
PARAMETER = re.compile(r"\{(\w+)\}")


def document_paths(client) -> list[str]:
    document = client.get(f"{BASE}/openapi.json").json()
    return sorted(path.removeprefix(BASE) for path in document["paths"])


@pytest.fixture
def ids(active_case, personas):
    plan = add_demo_plan(active_case, personas["worker"])
    return {
        "case_id": active_case.public_id,
        "plan_id": plan.public_id,
        "family_id": active_case.family.public_id,
    }


def fill(path: str, ids: dict) -> str:
    missing = set(PARAMETER.findall(path)) - set(ids)
    assert not missing, f"{path}: give the matrix an id for {missing}"
    return PARAMETER.sub(lambda m: str(ids[m.group(1)]), path)


def call(client, method: str, url: str, secret: str):
    return getattr(client, method)(url, headers={"Authorization": f"Bearer {secret}"})


def test_the_matrix_covers_the_document(client, db):
    paths = document_paths(client)
    assert "/cases/{case_id}/plans/{plan_id}" in paths and "/families/{family_id}" in paths


def test_every_route_by_persona(
    client, personas, ids, token_of, reader, emergency_reader, organisation, other_team
):
    paths = document_paths(client)
    personas["colleague"] = make_user(organisation, "colleague", team=other_team)
    secrets = {persona: token_of(persona) for persona in [*ON_THE_CASE, *OUTSIDERS]}
    secrets["reader"], secrets["emergency"] = token_of(reader), token_of(emergency_reader)
    no_token = {persona: token_of(persona) for persona in NO_TOKEN_USERS}
    for path in paths:
        url = f"{BASE}{fill(path, ids)}"
        scoped = bool(PARAMETER.search(path))
        for persona in [*ON_THE_CASE, "reader", "emergency"]:
            before = AuditEvent.objects.count()
            response = call(client, "get", url, secrets[persona])
            assert response.status_code == 200, f"{persona} {url}"
            assert response["Cache-Control"] == "no-store", url
            if scoped:
                assert AuditEvent.objects.count() - before == 1, f"{persona} {url}"
        for persona in OUTSIDERS:
            expected = 404 if scoped else 200  # a list is theirs: empty, never another's
            assert call(client, "get", url, secrets[persona]).status_code == expected, url
        for persona, secret in no_token.items():
            assert call(client, "get", url, secret).status_code == 401, f"{persona} {url}"
        for method in ("post", "put", "patch", "delete"):
            assert call(client, method, url, secrets["worker"]).status_code == 405, url
