import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samspel.families.identity import clean_personal_number


@pytest.mark.parametrize(
    ("value", "jurisdiction", "expected", "birth"),
    [
        ("20150101-0027", "SE", "150101-0027", dt.date(2015, 1, 1)),
        ("811228-9874", "SE", "811228-9874", dt.date(1981, 12, 28)),
        ("010115-4000", "DK", "010115-4000", dt.date(2015, 1, 1)),
    ],
)
def test_valid_numbers_are_normalised_with_their_birth_date(value, jurisdiction, expected, birth):
    number, birth_date = clean_personal_number(value, jurisdiction)
    assert number.endswith(expected)
    assert birth_date == birth


@pytest.mark.parametrize(
    ("value", "jurisdiction", "code"),
    [
        ("20150101-0028", "SE", "checksum"),
        ("20151301-0027", "SE", "date"),
        ("abc", "SE", "format"),
        ("311362-5629", "DK", "date"),
        ("12", "DK", "format"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(value, jurisdiction, code):
    with pytest.raises(ValidationError) as error:
        clean_personal_number(value, jurisdiction)
    assert error.value.code == code
