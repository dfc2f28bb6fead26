import datetime as dt

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.network.models import Consent


def _url(case):
    return reverse("network:consent_withdraw", kwargs={"case_id": case.public_id})


def _post(client, case, consent, withdrawn_on="2026-03-10"):
    data = {"withdraw-consent": consent.public_id, "withdraw-withdrawn_on": withdrawn_on}
    return client.post(_url(case), data)


def test_withdrawal_keeps_the_consent_and_is_audited(client, personas, case, consent):
    client.force_login(personas["buddy"])
    response = _post(client, case, consent, "2026-03-05")
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == dt.date(2026, 3, 5)
    assert consent.given_on == dt.date(2026, 3, 1) and consent.scope
    assert consent.withdrawal_recorded_by == personas["buddy"]
    assert not consent.case_actor.has_valid_consent
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(consent.public_id))
    assert event.detail["withdrawn_on"] == "2026-03-05"
    page = client.get(reverse("network:page", args=[case.public_id])).content.decode()
    assert "consent-withdrawn" in page and "Attendance and well-being" in page


def _unchanged(consent):
    consent.refresh_from_db()
    return (
        consent.withdrawn_on is None
        and not AuditEvent.objects.filter(action=Action.UPDATE).exists()
    )


def test_withdrawn_before_it_was_given(client, personas, case, consent):
    client.force_login(personas["worker"])
    response = _post(client, case, consent, "2026-02-28")
    assert response.status_code == 200
    assert "cannot be withdrawn before it was given" in response.content.decode()
    assert _unchanged(consent)


@pytest.mark.parametrize(
    ("withdrawn_on", "message"),
    [
        ("2026-03-11", "A withdrawal cannot be dated in the future."),
        ("9999-12-31", "A withdrawal cannot be dated in the future."),
        ("0001-01-01", "The date cannot be before 1900."),
        ("", "Give the date the consent was withdrawn."),
    ],
)
def test_bad_dates(client, personas, case, consent, withdrawn_on, message):
    client.force_login(personas["worker"])
    response = _post(client, case, consent, withdrawn_on)
    assert message in response.content.decode()
    assert _unchanged(consent)


def test_a_consent_is_withdrawn_only_once(client, personas, case, consent):
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=dt.date(2026, 3, 2))
    client.force_login(personas["worker"])
    response = _post(client, case, consent, "2026-03-09")
    assert "has not been withdrawn" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_on == dt.date(2026, 3, 2)


def test_a_consent_of_another_case_is_refused(client, personas, case, consent, other_team):
    from samspel.cases.models import Case

    other = Case.objects.create(
        organisation=case.organisation,
        number="2026-0002",
        family=case.family,
        programme=other_team.programme,
        team=other_team,
        responsible=personas["outsider"],
    )
    client.force_login(personas["worker"])
    response = _post(client, other, consent)
    assert response.status_code == 404  # the worker is not on the other case
    client.force_login(personas["outsider"])
    response = _post(client, other, consent)
    assert "has not been withdrawn" in response.content.decode()
    assert _unchanged(consent)


def test_wrong_method(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(_url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(client, personas, case, consent, persona):
    client.force_login(personas[persona])
    assert _post(client, case, consent).status_code == 404
    assert _unchanged(consent)


def test_read_only_users_get_403(client, case, consent, reader):
    client.force_login(reader)
    assert _post(client, case, consent).status_code == 403
    assert _unchanged(consent)
