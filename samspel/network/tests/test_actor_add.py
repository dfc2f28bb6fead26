import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.network.models import CaseActor, ContactPerson, ExternalOrganisation


def _url(case):
    return reverse("network:actor_add", kwargs={"case_id": case.public_id})


def _post(client, case, **fields):
    return client.post(_url(case), {f"actor-{k}": v for k, v in fields.items()})


def _nothing_changed():
    return not CaseActor.objects.exists()


def test_existing_organisation_with_a_new_contact_person(client, personas, case, school):
    client.force_login(personas["worker"])
    response = _post(
        client,
        case,
        external_organisation=school.public_id,
        new_contact_name="Anna Lind",
        new_contact_title="Klasslärare",
        new_contact_email="anna.lind@skolan.example.se",
        role="Class teacher",
    )
    assert response.status_code == 302
    actor = CaseActor.objects.get()
    assert (actor.case, actor.external_organisation, actor.role) == (case, school, "Class teacher")
    assert actor.contact_person.name == "Anna Lind"
    assert actor.contact_person.external_organisation == school
    assert actor.added_by == personas["worker"]
    created = AuditEvent.objects.filter(action=Action.CREATE)
    assert set(created.values_list("object_id", flat=True)) == {
        str(actor.public_id),
        str(actor.contact_person.public_id),
    }


def test_new_organisation_inline_belongs_to_the_case_organisation(client, personas, case):
    client.force_login(personas["buddy"])
    _post(
        client,
        case,
        new_organisation_kind="pupil_health",  # a Swedish organisation: elevhälsa, not PPR
        new_organisation_name="  Elevhälsan Väst  ",
        new_organisation_phone="013-20 60 00",
        role="School psychologist",
    )
    organisation = ExternalOrganisation.objects.get()
    assert (organisation.organisation, organisation.name, organisation.kind) == (
        case.organisation,
        "Elevhälsan Väst",
        "pupil_health",
    )
    actor = CaseActor.objects.get()
    assert actor.external_organisation == organisation and actor.contact_person is None
    assert AuditEvent.objects.filter(
        action=Action.CREATE, object_id=str(organisation.public_id)
    ).exists()


def test_existing_contact_person(client, personas, case, school, teacher):
    client.force_login(personas["worker"])
    _post(
        client,
        case,
        external_organisation=school.public_id,
        contact_person=teacher.public_id,
        role="Mentor",
    )
    assert CaseActor.objects.get().contact_person == teacher
    assert ContactPerson.objects.count() == 1


BAD_INPUT = [
    ({"role": "Teacher"}, "Choose an organisation, or give the name of a new one."),
    (
        {"new_organisation_kind": "school", "new_organisation_name": "   ", "role": "Teacher"},
        "Give the new organisation a name.",
    ),
    (
        {"new_organisation_name": "Nya skolan", "role": "Teacher"},
        "Choose what kind of organisation it is.",
    ),
    (
        {"new_organisation_kind": "school", "new_organisation_name": "Nya skolan", "role": " "},
        "Describe the actor&#x27;s role on the case.",
    ),
    (
        {"new_organisation_kind": "other", "new_organisation_name": "X", "role": "Y"}
        | {"new_contact_title": "Rektor"},
        "Give the contact person a name.",
    ),
    (
        {"new_organisation_kind": "other", "new_organisation_name": "X", "role": "Y"}
        | {"new_organisation_email": "not-an-address"},
        "Enter a valid email address.",
    ),
]


@pytest.mark.parametrize(("fields", "message"), BAD_INPUT)
def test_bad_input_changes_nothing(client, personas, case, fields, message):
    client.force_login(personas["worker"])
    response = _post(client, case, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _nothing_changed() and not ExternalOrganisation.objects.exists()


def test_existing_and_new_organisation_at_once(client, personas, case, school):
    client.force_login(personas["worker"])
    response = _post(
        client,
        case,
        external_organisation=school.public_id,
        new_organisation_kind="school",
        new_organisation_name="Nya skolan",
        role="Teacher",
    )
    assert "not both" in response.content.decode()
    assert _nothing_changed() and ExternalOrganisation.objects.count() == 1


def test_a_registered_name_is_not_registered_twice(client, personas, case, school):
    client.force_login(personas["worker"])
    response = _post(
        client,
        case,
        new_organisation_kind="school",
        new_organisation_name="SOLBACKASKOLAN",
        role="Teacher",
    )
    assert "already registered: choose it from the list" in response.content.decode()
    assert _nothing_changed() and ExternalOrganisation.objects.count() == 1


def test_contact_person_of_another_external_organisation(client, personas, case, teacher):
    other = ExternalOrganisation.objects.create(
        organisation=case.organisation, kind="ppr", name="PPR"
    )
    client.force_login(personas["worker"])
    response = _post(
        client, case, external_organisation=other.public_id, contact_person=teacher.public_id
    )
    assert "does not belong to the chosen organisation" in response.content.decode()
    assert _nothing_changed()


def test_the_same_actor_in_the_same_role_twice(client, personas, case, actor):
    client.force_login(personas["worker"])
    response = _post(
        client,
        case,
        external_organisation=actor.external_organisation.public_id,
        contact_person=actor.contact_person.public_id,
        role="class TEACHER",
    )
    assert "already on the case in that role" in response.content.decode()
    assert CaseActor.objects.count() == 1


def test_wrong_method(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(_url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_outsiders_get_404(client, personas, case, school, persona):
    client.force_login(personas[persona])
    response = _post(client, case, external_organisation=school.public_id, role="Teacher")
    assert response.status_code == 404
    assert _nothing_changed()


def test_read_only_users_get_403(client, case, school, reader):
    client.force_login(reader)
    response = _post(client, case, external_organisation=school.public_id, role="Teacher")
    assert response.status_code == 403
    assert _nothing_changed()
