"""A family member's phone number, as one an SMS can go to: checked where it is entered (the
person form) and where reminders read it.
python-stdnum has no phone numbers, so this is a careful check of our own: E.164
(+ and 8–15 digits) or a Swedish/Danish national form, normalised to E.164."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[\s\-().]")
E164 = re.compile(r"\+[1-9]\d{7,14}")
COUNTRY_CODES = {"SE": "46", "DK": "45"}

NOT_A_PHONE_NUMBER = _(
    "This is not a phone number an SMS can go to. Write it as +46 70 123 45 67 or 070-123 45 67."
)


def normalise_phone(value: str, jurisdiction: str = "SE") -> str | None:
    """The number in E.164 form, or None when `value` is not a phone number."""
    compact = SEPARATORS.sub("", value or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    number = compact if compact.startswith("+") else _national_to_e164(compact, jurisdiction)
    if number is None or not E164.fullmatch(number):
        return None
    return number


def _national_to_e164(digits: str, jurisdiction: str) -> str | None:
    if not digits.isdigit():
        return None
    if jurisdiction == "DK" and len(digits) == 8:
        return f"+45{digits}"
    # Swedish national numbers start with the trunk prefix 0: 070-123 45 67.
    if jurisdiction == "SE" and digits.startswith("0") and 8 <= len(digits) <= 11:
        return f"+46{digits[1:]}"
    return None


def validate_phone(value: str, jurisdiction: str = "SE") -> str:
    """For forms: the E.164 number, or a translated ValidationError."""
    number = normalise_phone(value, jurisdiction)
    if number is None:
        raise ValidationError(NOT_A_PHONE_NUMBER, code="not_a_phone_number")
    return number
