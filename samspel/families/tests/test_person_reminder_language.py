"""A family member's reminder language is set on the person form and read by the reminders."""

import pytest

from samspel.families.models import ReminderContact


@pytest.fixture(autouse=True)
def granted(parent, personas):
    """The worker may edit the parent even where the fixture gives a protected identity."""
    parent.authorised_users.add(personas["worker"])


def _edit_url(person):
    return f"/families/{person.family.public_id}/persons/{person.public_id}/"


def _fields(person, **changes):
    data = {
        "role": person.role,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "personal_number": "",
        "phone": "",
        "email": "",
    }
    data.update(changes)
    return data


def test_choosing_a_language_stores_it_and_shows_it_again(client, personas, case, parent):
    client.force_login(personas["worker"])
    response = client.post(_edit_url(parent), _fields(parent, reminder_language="da"))
    assert response.status_code == 302
    assert ReminderContact.objects.get(person=parent).language == "da"
    page = client.get(_edit_url(parent)).content.decode()
    assert '<option value="da" selected>' in page


def test_the_organisation_default_removes_the_choice(client, personas, case, parent):
    ReminderContact.objects.create(person=parent, language="en")
    client.force_login(personas["worker"])
    client.post(_edit_url(parent), _fields(parent, reminder_language=""))
    assert not ReminderContact.objects.filter(person=parent).exists()


def test_an_unknown_language_is_refused_and_nothing_changes(client, personas, case, parent):
    client.force_login(personas["worker"])
    response = client.post(
        _edit_url(parent), _fields(parent, reminder_language="xx", first_name="Changed")
    )
    assert response.status_code == 200
    assert "xx" in response.content.decode()  # the error names the refused choice
    parent.refresh_from_db()
    assert parent.first_name != "Changed"
    assert not ReminderContact.objects.filter(person=parent).exists()
