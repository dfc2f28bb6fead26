from samspel.audit.models import Action, AuditEvent
from samspel.families.models import Family, Person


def _create(client, **person):
    data = {
        "family-name": "Familjen Ny",
        "person-role": "parent",
        "person-first_name": "Nora",
        "person-last_name": "Ny",
        "person-personal_number": "",
    }
    data.update({f"person-{k}": v for k, v in person.items()})
    return client.post("/families/new/", data)


def test_registering_a_family_with_a_protected_person(client, personas):
    client.force_login(personas["worker"])
    response = _create(client, protected_identity="on", address="Hemliga gatan 1")
    family = Family.objects.get()
    person = family.persons.get()
    assert response.status_code == 302
    assert person.protected_identity
    assert list(person.authorised_users.all()) == [personas["worker"]]
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(family.public_id)).exists()


def test_invalid_personal_number_registers_nothing(client, personas):
    client.force_login(personas["worker"])
    response = _create(client, personal_number="20150101-0028")
    assert response.status_code == 200
    assert "The check digit does not match" in response.content.decode()
    assert not Family.objects.exists() and not Person.objects.exists()


def test_birth_date_must_match_the_personal_number(client, personas):
    client.force_login(personas["worker"])
    response = _create(client, personal_number="20150101-0027", birth_date="2015-02-01")
    assert "does not match the personal number" in response.content.decode()
    assert not Family.objects.exists()


def test_protected_details_are_hidden_from_the_team_leader(client, personas, case):
    client.force_login(personas["leader"])
    for url in (f"/cases/{case.public_id}/", f"/families/{case.family.public_id}/"):
        page = client.get(url).content.decode()
        assert "Skyddade vägen 7" not in page
        assert "Hidden: protected identity" in page


def test_only_users_granted_by_name_may_edit_a_protected_person(client, personas, case):
    protected = case.family.persons.get(protected_identity=True)
    url = f"/families/{case.family.public_id}/persons/{protected.public_id}/"
    client.force_login(personas["worker"])
    assert client.get(url).status_code == 403
    protected.authorised_users.add(personas["worker"])
    assert client.get(url).status_code == 200


def test_adding_a_person_and_outsiders(client, personas, case):
    url = f"/families/{case.family.public_id}/persons/new/"
    client.force_login(personas["outsider"])
    assert client.post(url, {"role": "child"}).status_code == 404
    client.force_login(personas["worker"])
    response = client.post(
        url, {"role": "child", "first_name": "Ebbe", "last_name": "Berg", "personal_number": ""}
    )
    assert response.status_code == 302
    assert case.family.persons.filter(first_name="Ebbe").exists()
