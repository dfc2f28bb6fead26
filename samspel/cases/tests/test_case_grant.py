"""cases:grant: access by name to a colleague typed by name or username (the form works without
JavaScript); whoever is typed must be one active worker or team leader of the organisation."""

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.accounts.models import Role
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseGrant


def _post(client, case, user: str, **extra):
    url = reverse("cases:grant", args=[case.public_id])
    return client.post(url, {"user": user, **extra}, follow=True)


def test_rejects_get(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(reverse("cases:grant", args=[case.public_id])).status_code == 405


def test_read_only_grantee_gets_403(client, personas, case):
    reader = personas["outsider"]
    CaseGrant.objects.create(case=case, user=reader, can_write=False, granted_by=case.responsible)
    client.force_login(reader)
    response = client.post(reverse("cases:grant", args=[case.public_id]), {"user": "leader"})
    assert response.status_code == 403


def test_outsider_gets_404(client, personas, case):
    client.force_login(personas["stranger"])
    response = client.post(reverse("cases:grant", args=[case.public_id]), {"user": "outsider"})
    assert response.status_code == 404


@pytest.mark.parametrize("typed", ["outsider", "OUTSIDER", "Outsider Testsson", "  outsider  "])
def test_grants_to_the_colleague_typed(client, personas, case, typed):
    client.force_login(personas["worker"])
    response = _post(client, case, typed, can_write="on")
    grant = CaseGrant.objects.get(case=case)
    assert grant.user == personas["outsider"] and grant.can_write
    assert "Outsider Testsson now has access to the case." in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.UPDATE, detail__has_key="granted").count() == 1


def test_one_matching_word_is_enough(client, personas, case):
    client.force_login(personas["worker"])
    _post(client, case, "outsid")
    assert CaseGrant.objects.get(case=case).user == personas["outsider"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the name or username of a colleague."),
        ("nobody", "No active worker of your organisation matches “nobody”."),
        ("Testsson", "Several workers of your organisation match “Testsson”: type the username."),
        ("stranger", "No active worker of your organisation matches “stranger”."),
        ("auditor", "No active worker of your organisation matches “auditor”."),
        ("admin", "No active worker of your organisation matches “admin”."),
        ("retired", "No active worker of your organisation matches “retired”."),
        ("buddy", "Buddy Testsson is already on the case and needs no access by name."),
    ],
)
def test_refuses_with_a_reason_and_changes_nothing(
    client, personas, case, organisation, typed, message
):
    make_user(organisation, "retired", Role.WORKER, is_active=False)
    client.force_login(personas["worker"])
    response = _post(client, case, typed)
    assert response.redirect_chain[-1][0] == reverse("cases:detail", args=[case.public_id])
    assert message in response.content.decode()
    assert not CaseGrant.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_the_form_asks_for_suggestions_accessibly(client, personas, case):
    client.force_login(personas["worker"])
    html = client.get(reverse("cases:detail", args=[case.public_id])).content.decode()
    candidates = reverse("cases:grant_candidates", args=[case.public_id])
    assert '<label for="id_user">Colleague' in html
    assert f'hx-get="{candidates}?field=user"' in html
    assert 'list="user-suggestions"' in html and '<datalist id="user-suggestions">' in html
    assert 'aria-describedby="id_user_helptext user-status"' in html
    assert '<p class="help" id="user-status" aria-live="polite">' in html
