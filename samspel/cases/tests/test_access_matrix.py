"""Every case URL × every persona, generated from the URL configuration so that no new case
page can escape it: the people on the case get in, everyone else gets 404, read-only users
get 403 on writes, and every read leaves exactly one audit event."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseGrant
from samspel.cases.tests.url_objects import FACTORIES

CASE_NAMESPACES = {"cases", "families"}
NOT_CASE_PAGES = {"cases:list", "cases:emergency", "cases:emergency_review", "families:create"}
# Reached with a bearer token, not a session: the same matrix in samspel/api/tests/test_api.py.
TOKEN_NAMESPACES = {"api"}
ALLOWED = ["worker", "buddy", "leader"]
OUTSIDERS = ["outsider", "auditor", "admin", "stranger"]


def _walk(patterns, namespace="", inherited=frozenset()):
    """Every named URL with its namespace and all its arguments, including an include's."""
    for pattern in patterns:
        kwargs = inherited | set(pattern.pattern.converters)
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            yield from _walk(pattern.url_patterns, inner, kwargs)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace, pattern, kwargs


def case_url_names():
    names = []
    for namespace, pattern, kwargs in _walk(get_resolver().url_patterns):
        top = namespace.split(":")[0]
        full = f"{namespace}:{pattern.name}"
        if top in TOKEN_NAMESPACES:
            continue
        case_scoped = top in CASE_NAMESPACES or "case_id" in kwargs
        if case_scoped and full not in NOT_CASE_PAGES:
            names.append((full, sorted(kwargs)))
    return names


URLS = case_url_names()


def _url(case, name, kwarg_names):
    namespace = name.split(":")[0]
    missing = [k for k in kwarg_names if k not in FACTORIES]
    assert not missing, f"{name}: add a factory for {missing} in url_objects.py"
    return reverse(name, kwargs={k: FACTORIES[k](case, namespace) for k in kwarg_names})


def test_the_matrix_covers_case_urls():
    names = {name for name, _ in URLS}
    assert {"cases:detail", "cases:edit", "cases:status", "families:detail"} <= names
    # Features included under cases/<case_id>/… are in the matrix too.
    assert {"plans:list", "assessments:safety", "network:page"} <= names


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_people_on_the_case_get_in_and_others_get_404(client, personas, case, name, kwarg_names):
    url = _url(case, name, kwarg_names)
    client.force_login(personas["worker"])
    get_allowed = client.get(url).status_code != 405
    for persona in ALLOWED:
        client.force_login(personas[persona])
        if get_allowed:
            response = client.get(url)
            assert response.status_code == 200, f"{persona} GET {url}"
            assert response["Cache-Control"] == "no-store", url  # pages, PDFs and exports
    for persona in OUTSIDERS:
        client.force_login(personas[persona])
        method = client.get if get_allowed else client.post
        response = method(url)
        assert response.status_code == 404, f"{persona} {url}"
        assert response["Cache-Control"] == "no-store", url


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_read_only_users_cannot_write(client, personas, case, name, kwarg_names):
    url = _url(case, name, kwarg_names)
    reader = personas["outsider"]
    CaseGrant.objects.create(case=case, user=reader, can_write=False, granted_by=personas["worker"])
    client.force_login(reader)
    post = client.post(url)
    if post.status_code == 405:
        pytest.skip("read-only page")
    assert post.status_code == 403, f"read-only POST {url} gave {post.status_code}"


@pytest.mark.parametrize(("name", "kwarg_names"), URLS, ids=[n for n, _ in URLS])
def test_every_read_leaves_exactly_one_audit_event(client, personas, case, name, kwarg_names):
    url = _url(case, name, kwarg_names)
    client.force_login(personas["buddy"])
    views = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    before = views.count()
    response = client.get(url)
    if response.status_code == 405:
        pytest.skip("POST-only page")
    after = views.all()
    assert after.count() - before == 1
    assert after.first().request_id == response["X-Request-ID"]
