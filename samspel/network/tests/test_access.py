"""Every network URL × persona. The shared matrix (cases/tests/test_access_matrix.py) does
not yet see kwargs given in an include prefix, so this app checks its own URLs the same way,
enumerated from the URL configuration so that a new network URL cannot escape."""

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.network import urls as network_urls

NAMES = [f"network:{p.name}" for p in network_urls.urlpatterns]
GET_PAGES = {"network:page"}


def _url(case, name):
    return reverse(name, kwargs={"case_id": case.public_id})


def test_every_network_url_is_listed():
    assert set(NAMES) == {
        "network:page",
        "network:actor_add",
        "network:consent_record",
        "network:consent_withdraw",
        "network:placement_add",
    }


@pytest.mark.parametrize("name", NAMES)
def test_people_on_the_case_get_in_and_others_get_404(client, personas, case, consent, name):
    url = _url(case, name)
    for persona in ["worker", "buddy", "leader"]:
        client.force_login(personas[persona])
        expected = 200 if name in GET_PAGES else 405
        assert client.get(url).status_code == expected, f"{persona} GET {url}"
    for persona in ["outsider", "auditor", "admin", "stranger"]:
        client.force_login(personas[persona])
        method = client.get if name in GET_PAGES else client.post
        assert method(url).status_code == 404, f"{persona} {url}"


@pytest.mark.parametrize("name", sorted(set(NAMES) - GET_PAGES))
def test_read_only_users_cannot_write(client, case, reader, name):
    client.force_login(reader)
    assert client.post(_url(case, name)).status_code == 403


def test_every_read_leaves_exactly_one_audit_event(client, personas, case, consent):
    client.force_login(personas["leader"])
    response = client.get(_url(case, "network:page"))
    events = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["leader"].pk)
    assert events.count() == 1
    assert events.get().request_id == response["X-Request-ID"]
