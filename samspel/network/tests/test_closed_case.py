"""A closed case is frozen: it takes no new actor and no new consent, through the view and in
the service, with the shared message and nothing changed. A withdrawal is still recorded: it
only narrows what may be shared."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.cases.refusals import CASE_CLOSED, CaseClosed
from samspel.network import services
from samspel.network.models import CaseActor, Consent, ContactPerson, ExternalOrganisation

CHANGES = (Action.CREATE, Action.UPDATE, Action.DELETE)


@pytest.fixture
def closed(case, actor):
    case.status = CaseStatus.CLOSED
    case.closed_on = dt.date(2026, 3, 9)
    case.save(update_fields=["status", "closed_on"])
    return case


def _state() -> tuple:
    return (
        sorted(CaseActor.objects.values_list("pk", "role")),
        sorted(Consent.objects.values_list("pk", "given_on", "withdrawn_on")),
        ExternalOrganisation.objects.count(),
        ContactPerson.objects.count(),
    )


def _posts(case, actor, parent) -> dict:
    def address(name):
        return reverse(f"network:{name}", kwargs={"case_id": case.public_id})

    actor_data = {
        "external_organisation": "",
        "new_organisation_kind": "school",
        "new_organisation_name": "Ekens skola",
        "new_contact_name": "Per Ek",
        "role": "Mentor",
    }
    consent_data = {
        "case_actor": actor.public_id,
        "given_by": parent.public_id,
        "scope": "Närvaro",
        "given_on": "2026-03-09",
    }
    return {
        "actor": (address("actor_add"), {f"actor-{k}": v for k, v in actor_data.items()}),
        "consent": (
            address("consent_record"),
            {f"consent-{k}": v for k, v in consent_data.items()},
        ),
    }


@pytest.mark.parametrize("name", ["actor", "consent"])
def test_the_open_case_takes_the_change(client, personas, case, actor, parent, name):
    """The data is what an open case takes: the refusal below is the closure's."""
    address, data = _posts(case, actor, parent)[name]
    before = _state()
    client.force_login(personas["worker"])
    assert client.post(address, data).status_code == 302
    assert _state() != before


@pytest.mark.parametrize("name", ["actor", "consent"])
def test_a_closed_case_refuses_and_changes_nothing(client, personas, closed, actor, parent, name):
    address, data = _posts(closed, actor, parent)[name]
    before = _state()
    client.force_login(personas["worker"])
    response = client.post(address, data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "network:page", kwargs={"case_id": closed.public_id}
    )
    assert str(CASE_CLOSED) in response.content.decode()
    assert _state() == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()


def test_a_closed_case_offers_only_the_withdrawal(client, personas, closed, consent):
    client.force_login(personas["worker"])
    page = client.get(reverse("network:page", kwargs={"case_id": closed.public_id}))
    content = page.content.decode()
    assert reverse("network:actor_add", kwargs={"case_id": closed.public_id}) not in content
    assert reverse("network:consent_record", kwargs={"case_id": closed.public_id}) not in content
    assert reverse("network:consent_withdraw", kwargs={"case_id": closed.public_id}) in content


def test_a_withdrawal_is_still_recorded(client, personas, closed, consent):
    client.force_login(personas["worker"])
    address = reverse("network:consent_withdraw", kwargs={"case_id": closed.public_id})
    data = {"withdraw-consent": consent.public_id, "withdraw-withdrawn_on": "2026-03-10"}
    assert client.post(address, data).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == dt.date(2026, 3, 10)
    assert AuditEvent.objects.filter(action=Action.UPDATE).count() == 1


def test_the_services_raise_case_closed(personas, closed, actor, parent, school):
    worker, before = personas["worker"], _state()
    calls = [
        lambda: services.add_actor(closed, by=worker, role="Rektor", organisation=school),
        lambda: services.add_actor(
            closed,
            by=worker,
            role="Mentor",
            organisation=services.NewOrganisation(kind="school", name="Ekens skola"),
            contact=services.NewContact(name="Per Ek"),
        ),
        lambda: services.record_consent(
            closed,
            by=worker,
            case_actor=actor,
            given_by=parent,
            scope="Närvaro",
            given_on=dt.date(2026, 3, 9),
        ),
    ]
    for call in calls:
        with pytest.raises(CaseClosed):
            call()
    assert _state() == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()
