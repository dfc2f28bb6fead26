"""schemathesis over the whole OpenAPI document (issue 11, item 3): for every operation,
generated valid and invalid requests with a real token; zero server errors, zero responses that
break the document (status codes, content types, bodies)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from samspel.api.tokens import issue
from samspel.wsgi import application


@pytest.fixture
def api_secret(personas, case):
    return issue(personas["worker"], name="schemathesis", days=30, created_by=personas["worker"])[1]


# Read at collection through the WSGI application: the document needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_document(db, case, api_secret):
    case.call_and_validate(headers={"Authorization": f"Bearer {api_secret}"})
