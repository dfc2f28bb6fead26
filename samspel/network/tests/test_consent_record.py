import datetime as dt

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.families.models import Family, Person
from samspel.network.models import CaseActor, Consent


def _url(case):
    return reverse("network:consent_record", kwargs={"case_id": case.public_id})


def _post(client, case, **fields):
    return client.post(_url(case), {f"consent-{k}": v for k, v in fields.items()})


@pytest.fixture
def valid(actor, parent):
    return {
        "case_actor": actor.public_id,
        "given_by": parent.public_id,
        "scope": "Attendance and well-being in class",
        "given_on": "2026-03-09",
    }


def test_records_the_consent_and_audits_it(client, personas, case, actor, parent, valid):
    client.force_login(personas["worker"])
    response = _post(client, case, **valid)
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.case_actor, consent.given_by, consent.given_on) == (
        actor,
        parent,
        dt.date(2026, 3, 9),
    )
    assert consent.recorded_by == personas["worker"] and consent.withdrawn_on is None
    assert actor.has_valid_consent
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(consent.public_id))
    assert event.detail["given_by"] == str(parent.public_id)
    assert event.detail["given_on"] == "2026-03-09"


def test_a_child_of_the_family_may_consent(client, personas, case, child, valid):
    client.force_login(personas["worker"])
    _post(client, case, **(valid | {"given_by": child.public_id}))
    assert Consent.objects.get().given_by == child


def _stranger_person(organisation):
    family = Family.objects.create(organisation=organisation, name="Familjen Annan")
    return Person.objects.create(family=family, role="parent", first_name="Per", last_name="A")


def _other_case_actor(case, personas):
    from samspel.cases.models import Case

    other = Case.objects.create(
        organisation=case.organisation,
        number="2026-0002",
        family=case.family,
        programme=case.programme,
        team=case.team,
        responsible=personas["leader"],
    )
    return CaseActor.objects.create(
        case=other,
        external_organisation=CaseActor.objects.get().external_organisation,
        role="Teacher",
        added_by=personas["leader"],
    )


def test_a_person_outside_the_family_is_refused(client, personas, case, organisation, valid):
    client.force_login(personas["worker"])
    outside = _stranger_person(organisation)
    response = _post(client, case, **(valid | {"given_by": outside.public_id}))
    assert response.status_code == 200
    assert "Choose a member of the case&#x27;s family." in response.content.decode()
    assert not Consent.objects.exists()


def test_an_actor_of_another_case_is_refused(client, personas, case, valid):
    client.force_login(personas["worker"])
    elsewhere = _other_case_actor(case, personas)
    response = _post(client, case, **(valid | {"case_actor": elsewhere.public_id}))
    assert "Choose an actor on this case." in response.content.decode()
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"given_on": "2026-03-11"}, "A consent cannot be dated in the future."),
        ({"given_on": "9999-12-31"}, "A consent cannot be dated in the future."),
        ({"given_on": "0001-01-01"}, "The date cannot be before 1900."),
        ({"given_on": ""}, "Give the date the consent was given."),
        ({"given_on": "10 mars"}, "Enter a valid date."),
        ({"scope": "   "}, "Describe what information may be shared."),
        ({"given_by": "not-a-uuid"}, "Choose a member of the case&#x27;s family."),
        ({"case_actor": "1"}, "Choose an actor on this case."),
    ],
)
def test_bad_input_changes_nothing(client, personas, case, valid, change, message):
    client.force_login(personas["worker"])
    response = _post(client, case, **(valid | change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Consent.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_wrong_method(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(_url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(client, personas, case, valid, persona):
    client.force_login(personas[persona])
    assert _post(client, case, **valid).status_code == 404
    assert not Consent.objects.exists()


def test_read_only_users_get_403(client, case, valid, reader):
    client.force_login(reader)
    assert _post(client, case, **valid).status_code == 403
    assert not Consent.objects.exists()
