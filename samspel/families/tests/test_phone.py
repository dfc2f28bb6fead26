import pytest

from samspel.families.phone import normalise_phone


@pytest.mark.parametrize(
    ("value", "jurisdiction", "expected"),
    [
        ("070-123 45 67", "SE", "+46701234567"),
        ("+46 70 123 45 67", "SE", "+46701234567"),
        ("0046701234567", "SE", "+46701234567"),
        ("20 12 34 56", "DK", "+4520123456"),
        ("+45 20 12 34 56", "SE", "+4520123456"),
        ("(08) 123 456 78", "SE", "+46812345678"),
    ],
)
def test_phone_numbers_are_normalised_to_e164(value, jurisdiction, expected):
    assert normalise_phone(value, jurisdiction) == expected


@pytest.mark.parametrize(
    "value", ["", "call me", "12345", "070-123 45 67 ext 2", "+0701234567", "+4612", "7012345678"]
)
def test_what_is_not_a_phone_number(value):
    assert normalise_phone(value, "SE") is None


def test_entering_a_bad_number_registers_nothing(client, personas):
    from samspel.families.models import Person

    client.force_login(personas["worker"])
    response = client.post(
        "/families/new/",
        {
            "family-name": "Familjen Ny",
            "person-role": "parent",
            "person-first_name": "Nora",
            "person-last_name": "Ny",
            "person-personal_number": "",
            "person-phone": "call me",
        },
    )
    assert response.status_code == 200
    assert "This is not a phone number an SMS can go to" in response.text
    assert not Person.objects.exists()
