"""Every plans URL × persona, generated from the URL configuration (like the case matrix in
samspel.cases, which does not yet descend into apps included under cases/<case_id>/): the
people on the case get in, everyone else gets 404, read-only users get 403 on writes, and every
read leaves exactly one audit event."""

import pytest
from django.urls import get_resolver, reverse

from samspel.audit.models import Action, AuditEvent
from samspel.plans.tests import factories
from samspel.plans.tests.helpers import OUTSIDERS

FACTORIES = {
    "case_id": lambda case: case.public_id,
    "plan_id": lambda case: factories.plan(case).public_id,
    "goal_id": lambda case: factories.short_term_goal(case).public_id,
    "subgoal_id": lambda case: factories.sub_goal(case).public_id,
    "coordination_id": lambda case: factories.coordination(case).public_id,
}


def plan_urls():
    resolver = get_resolver()
    _prefix, plans = resolver.namespace_dict["plans"]
    return sorted(
        (f"plans:{pattern.name}", sorted(set(pattern.pattern.converters) | {"case_id"}))
        for pattern in plans.url_patterns
    )


URLS = plan_urls()


def _url(case, name, kwarg_names):
    return reverse(name, kwargs={k: FACTORIES[k](case) for k in kwarg_names})


def test_every_plans_url_is_covered():
    assert len(URLS) == 17
    assert all(set(kwargs) <= set(FACTORIES) for _name, kwargs in URLS)


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_people_on_the_case_get_in_and_others_get_404(client, personas, case, name, kwarg_names):
    address = _url(case, name, kwarg_names)
    for persona in ["worker", "buddy", "leader"]:
        client.force_login(personas[persona])
        assert client.get(address).status_code == 200, f"{persona} GET {address}"
    for persona in OUTSIDERS:
        client.force_login(personas[persona])
        assert client.get(address).status_code == 404, f"{persona} GET {address}"
        assert client.post(address).status_code in (404, 405), f"{persona} POST {address}"


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_read_only_users_cannot_write(client, case, reader, name, kwarg_names):
    address = _url(case, name, kwarg_names)
    client.force_login(reader)
    response = client.post(address)
    if response.status_code == 405:
        pytest.skip("read-only page")
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_every_read_leaves_exactly_one_view_event(client, personas, case, name, kwarg_names):
    address = _url(case, name, kwarg_names)
    client.force_login(personas["buddy"])
    views = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    before = views.count()
    response = client.get(address)
    assert views.count() - before == 1
    assert views.first().request_id == response["X-Request-ID"]
