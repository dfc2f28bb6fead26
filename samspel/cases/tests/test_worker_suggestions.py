"""cases:grant_candidates and cases:workers: the colleagues matching what was typed, as options of
the field's datalist, scoped to the case's organisation, at most SUGGESTED."""

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.accounts.models import Role
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseGrant
from samspel.cases.worker_search import SUGGESTED


def _url(case, name="cases:grant_candidates", **query) -> str:
    query.setdefault("field", "user")
    address = reverse(name, args=[case.public_id])
    return address + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def test_rejects_post(client, personas, case):
    client.force_login(personas["worker"])
    assert client.post(_url(case, user="out")).status_code == 405


def test_outsiders_get_404(client, personas, case):
    for persona in ["outsider", "stranger", "auditor", "admin"]:
        client.force_login(personas[persona])
        assert client.get(_url(case, user="out")).status_code == 404


def test_read_only_grantees_get_403(client, personas, case):
    reader = personas["outsider"]
    CaseGrant.objects.create(case=case, user=reader, can_write=False, granted_by=case.responsible)
    client.force_login(reader)
    assert client.get(_url(case, user="wor")).status_code == 403


def test_suggests_active_workers_of_the_organisation_only(client, personas, case, organisation):
    make_user(organisation, "retired", is_active=False)
    client.force_login(personas["worker"])
    html = client.get(_url(case, user="Testsson")).content.decode()
    assert '<option value="leader">Leader Testsson</option>' in html
    assert '<option value="outsider">Outsider Testsson</option>' in html
    for absent in ["stranger", "auditor", "admin", "retired"]:
        assert f'value="{absent}"' not in html
    # The grant form does not offer those already on the case; the mapping's holder field does.
    assert 'value="worker"' not in html and 'value="buddy"' not in html
    html = client.get(_url(case, "cases:workers", user="Testsson")).content.decode()
    assert 'value="worker"' in html and 'value="buddy"' in html


def test_every_word_must_match_and_the_count_is_said(client, personas, case):
    client.force_login(personas["worker"])
    html = client.get(_url(case, user="lead test")).content.decode()
    assert html.count("<option") == 1
    assert '<p class="help" id="user-status" aria-live="polite" hx-swap-oob="true">' in html
    assert "1 colleague matches: choose from the suggestions." in html
    html = client.get(_url(case, user="nobody")).content.decode()
    assert "<option" not in html
    assert "No active colleague of your organisation matches." in html


def test_at_most_twenty_suggestions(client, personas, case, organisation):
    for number in range(SUGGESTED + 5):
        make_user(organisation, f"kollega{number:02d}", Role.WORKER)
    client.force_login(personas["worker"])
    html = client.get(_url(case, user="kollega")).content.decode()
    assert html.count("<option") == SUGGESTED
    assert f"More than {SUGGESTED} colleagues match: type more of the name." in html


def test_nothing_typed_suggests_nothing(client, personas, case):
    client.force_login(personas["worker"])
    response = client.get(reverse("cases:grant_candidates", args=[case.public_id]))
    assert response.status_code == 200
    assert "<option" not in response.content.decode()


@pytest.mark.parametrize("field", ["", "a b", "<script>", "x" * 61])
def test_a_bad_field_name_is_404(client, personas, case, field):
    client.force_login(personas["worker"])
    assert client.get(_url(case, field=field, user="lead")).status_code == 404


def test_each_request_is_audited_once(client, personas, case):
    client.force_login(personas["worker"])
    client.get(_url(case, user="lead"))
    assert AuditEvent.objects.filter(action=Action.VIEW, object_id=str(case.public_id)).count() == 1
