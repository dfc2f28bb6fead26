"""External organisations belong to one Samspel organisation and never cross over."""

from django.urls import reverse

from samspel.network.models import CaseActor, ContactPerson, ExternalOrganisation


def _add(client, case, **fields):
    url = reverse("network:actor_add", kwargs={"case_id": case.public_id})
    return client.post(url, {f"actor-{k}": v for k, v in fields.items()})


def test_another_organisations_register_is_not_offered(client, personas, case, foreign_school):
    client.force_login(personas["worker"])
    page = client.get(reverse("network:page", args=[case.public_id])).content.decode()
    assert "Fremmedskolen" not in page
    assert str(foreign_school.public_id) not in page


def test_submitting_a_foreign_external_organisation_is_a_form_error(
    client, personas, case, foreign_school
):
    client.force_login(personas["worker"])
    response = _add(client, case, external_organisation=foreign_school.public_id, role="Teacher")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose an organisation from the list." in page
    assert "Fremmedskolen" not in page
    assert not CaseActor.objects.exists()


def test_submitting_a_foreign_contact_person_is_a_form_error(
    client, personas, case, school, foreign_school
):
    foreign_contact = ContactPerson.objects.create(
        external_organisation=foreign_school, name="Mads Fremmed"
    )
    client.force_login(personas["worker"])
    response = _add(
        client,
        case,
        external_organisation=school.public_id,
        contact_person=foreign_contact.public_id,
        role="Teacher",
    )
    page = response.content.decode()
    assert "Choose a contact person from the list." in page
    assert "Mads Fremmed" not in page
    assert not CaseActor.objects.exists()


def test_the_same_name_may_exist_in_two_organisations(client, personas, case, foreign_school):
    client.force_login(personas["worker"])
    response = _add(
        client,
        case,
        new_organisation_kind="school",
        new_organisation_name="Fremmedskolen",
        role="Teacher",
    )
    assert response.status_code == 302
    ours = ExternalOrganisation.objects.get(organisation=case.organisation)
    assert ours.name == "Fremmedskolen" and ours != foreign_school
    assert CaseActor.objects.get().external_organisation == ours
