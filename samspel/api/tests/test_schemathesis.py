"""schemathesis over the whole OpenAPI document (issue 11, item 3): for every operation,
generated valid and invalid requests, on the demo world, with a demo worker's token; zero server
errors, zero responses that break the document (status codes, content types, bodies), invalid
requests refused. Generated case, family and plan ids are half the time swapped for ones the
worker may read, so that the full responses are checked too, not only the 404s."""

import uuid

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from samspel.accounts.models import User
from samspel.api.api import api
from samspel.api.tokens import hash_secret, issue
from samspel.cases.access import cases_for_user
from samspel.demo.tests.conftest import seeded_demo
from samspel.plans.models import Plan
from samspel.wsgi import application

# Read at collection through the WSGI application: the document needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

WORKER = "konsulent"  # a Swedish demo worker with a caseload (samspel.demo.world)
# schemathesis asks for credentials already at collection, before any database: the token made
# on the demo world is given this secret.
PREFIX = "5c4e3a7d9b10"
SECRET = f"sps_{PREFIX}_schemathesis-on-the-demo-world"
readable: dict[str, str] = {}  # path parameter -> an id the worker may read; set per module


@pytest.fixture(scope="module")
def demo_with_token(django_db_setup, django_db_blocker):
    [throttle] = api.throttle  # thousands of requests a minute here; test_api checks the 429
    throttle.num_requests, usual = 1_000_000, throttle.num_requests
    # schemathesis calls the WSGI application itself, whose request signals would close the
    # test's database connection once it is older than CONN_MAX_AGE (Django's test client
    # disconnects them the same way).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    with seeded_demo(django_db_blocker):
        user = User.objects.get(username=WORKER)
        plan = Plan.objects.filter(case__in=cases_for_user(user)).select_related("case").first()
        assert plan is not None, "the demo worker has a case with a plan"
        token, _secret = issue(user, name="schemathesis", days=1, created_by=user)
        token.prefix, token.secret_hash = PREFIX, hash_secret(SECRET)
        token.save()
        readable.update(
            case_id=str(plan.case.public_id),
            plan_id=str(plan.public_id),
            family_id=str(plan.case.family.public_id),
        )
        yield
        readable.clear()
    throttle.num_requests = usual
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.auth()
class DemoToken:
    """The worker's token on every request, except where schemathesis leaves the header out
    on purpose (a request without credentials must be a 401)."""

    def get(self, case, context):
        return SECRET

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def _readable_ids(case) -> None:
    for name, value in list(case.path_parameters.items()):
        try:
            generated = uuid.UUID(str(value))
        except ValueError:
            continue  # an invalid id stays, to be refused
        if name in readable and generated.int % 2 == 0:
            case.path_parameters[name] = readable[name]


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_document(demo_with_token, db, case):
    _readable_ids(case)
    # The calendar's first day is bounded by today's planning horizon, which a document cannot
    # state: its 422 for a day outside is test_api_records' to check.
    calendar = case.operation.path == "/api/v1/calendar"
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if calendar else [])
