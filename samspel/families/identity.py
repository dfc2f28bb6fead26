"""Swedish personnummer and Danish CPR numbers, validated with python-stdnum."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.dk import cpr
from stdnum.se import personnummer


def clean_personal_number(value: str, jurisdiction: str) -> tuple[str, dt.date]:
    """Return the number in its standard form and the birth date it encodes."""
    value = (value or "").strip()
    try:
        if jurisdiction == "SE":
            compact = personnummer.validate(value)
            return personnummer.format(compact), personnummer.get_birth_date(compact)
        compact = cpr.validate(value)
        return cpr.format(compact), cpr.get_birth_date(compact)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("The check digit does not match. Check the number."), code="checksum"
        ) from None
    except stdnum_errors.InvalidComponent:
        raise ValidationError(_("The number does not contain a real date."), code="date") from None
    except stdnum_errors.ValidationError:
        if jurisdiction == "SE":
            message = _("Enter a Swedish personal number as YYYYMMDD-NNNN or YYMMDD-NNNN.")
        else:
            message = _("Enter a Danish CPR number as DDMMYY-NNNN.")
        raise ValidationError(message, code="format") from None
