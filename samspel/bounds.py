"""What a date or an amount may be, by what it means: the one rule every form, service and
page parameter asks (STYLE.md, "One rule, one place").

A date is checked against the bounds of its meaning, counted from today:

- a birth date (`BIRTH`): not in the future and not before 1900;
- a day something took place (`PAST`: held activities, mappings and ratings, progress, consents
  and withdrawals, agreements, evaluations): not in the future and not before 1900;
- a day a case record was decided (`RECORD`: referral, status changes, a plan's start): not
  before 1900 and at most a year ahead, since a decision may be dated to come into force soon;
- a planned day or time (`PLANNED`: activities, appointments, sub-goal targets): within five
  years of today either way (a mistyped year, or one a database cannot store);
- a week or a month of a calendar page (`CALENDAR`): from 1900 until the planning horizon
  ends, since nothing lies outside it.

An amount of a programme setting is checked against what the rule can mean: a duration of at
most ten years in any unit (`MAX_DURATION`), and hours per month of at most the hours of the
longest month (`MAX_HOURS_PER_MONTH`). The data files use at most two years and 60 hours.

Each bound is one field type for the forms (`BirthDateField`, `PastDateField`,
`RecordDateField`, `PlannedDateField`, `PlannedDateTimeField`, `DurationAmountField`,
`HoursField`) and one function for code without a form (`DateBounds.problem`,
`duration_problem`, `hours_problem`). A form may word a refusal for its own record by
`error_messages={"too_early": ..., "too_late": ...}`. No models, no views: this module sits
below every app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as Message
else:
    Message = str | Promise

EARLIEST = dt.date(1900, 1, 1)
PLANNING_HORIZON = dt.timedelta(days=5 * 365)
DECISION_HORIZON = dt.timedelta(days=366)
TEN_YEARS = 10
MAX_DURATION = {
    "days": TEN_YEARS * 365,
    "weeks": TEN_YEARS * 52,
    "months": TEN_YEARS * 12,
    "years": TEN_YEARS,
}
MAX_HOURS_PER_MONTH = 31 * 24

PLANNED_MESSAGE = _("A planned time must be within %(years)d years of today.")


def _fixed(day: dt.date) -> Callable[[dt.date], dt.date]:
    return lambda _today: day


def _ahead(delta: dt.timedelta) -> Callable[[dt.date], dt.date]:
    return lambda today: today + delta


def _back(delta: dt.timedelta) -> Callable[[dt.date], dt.date]:
    return lambda today: today - delta


@dataclass(frozen=True)
class DateBounds:
    """The first and last day a date of one meaning may be, given today, with the message for
    a date before (`too_early`) or after (`too_late`) them."""

    earliest: Callable[[dt.date], dt.date]
    latest: Callable[[dt.date], dt.date]
    too_early: Message
    too_late: Message
    params: tuple[tuple[str, int], ...] = ()  # filled into the messages when shown

    def problem_code(self, value: dt.date, today: dt.date | None = None) -> str | None:
        """Which bound `value` passes: "too_early", "too_late", or None within both."""
        today = today or timezone.localdate()
        if value < self.earliest(today):
            return "too_early"
        if value > self.latest(today):
            return "too_late"
        return None

    def problem(self, value: dt.date, today: dt.date | None = None) -> Message | None:
        """Why `value` cannot be a date of this meaning, or None."""
        code = self.problem_code(value, today)
        return None if code is None else self.message(code)

    def message(self, code: str) -> Message:
        text = getattr(self, code)
        return text % dict(self.params) if self.params else text

    def contains(self, value: dt.date, today: dt.date | None = None) -> bool:
        return self.problem_code(value, today) is None


NOT_BEFORE_1900 = _("The date cannot be before 1900.")

BIRTH = DateBounds(
    _fixed(EARLIEST),
    lambda today: today,
    _("A birth date cannot be before 1900."),
    _("A birth date cannot be in the future."),
)
PAST = DateBounds(
    _fixed(EARLIEST), lambda today: today, NOT_BEFORE_1900, _("The date cannot be in the future.")
)
RECORD = DateBounds(
    _fixed(EARLIEST),
    _ahead(DECISION_HORIZON),
    NOT_BEFORE_1900,
    _("The date cannot be more than a year from today."),
)
PLANNED = DateBounds(
    _back(PLANNING_HORIZON),
    _ahead(PLANNING_HORIZON),
    PLANNED_MESSAGE,
    PLANNED_MESSAGE,
    params=(("years", PLANNING_HORIZON.days // 365),),
)
CALENDAR = DateBounds(
    _fixed(EARLIEST),
    _ahead(PLANNING_HORIZON),
    NOT_BEFORE_1900,
    PLANNED_MESSAGE,
    params=PLANNED.params,
)


def duration_problem(amount: int, unit: str) -> Message | None:
    """Why `amount` `unit` cannot be a programme setting's duration, or None."""
    if amount < 0:
        return _("The value must not be negative.")
    most = MAX_DURATION.get(unit)
    if most is not None and amount > most:
        return _("A duration can be at most %(most)d %(unit)s.") % {
            "most": most,
            "unit": dict(UNIT_LABELS).get(unit, unit),
        }
    return None


HOURS_MESSAGE = _("Enter a whole number of hours from 0 to %(most)d.")


def hours_problem(hours: int) -> Message | None:
    """Why `hours` cannot be a programme setting's hours per month, or None."""
    if not 0 <= hours <= MAX_HOURS_PER_MONTH:
        return HOURS_MESSAGE % {"most": MAX_HOURS_PER_MONTH}
    return None


UNIT_LABELS = [("days", _("days")), ("weeks", _("weeks")), ("months", _("months"))]


# Form fields ------------------------------------------------------------------------------------


class _BoundedDate:
    """Mixin for date and date-time fields: refuses a day outside `bounds`."""

    bounds: DateBounds
    error_messages: dict[str, Any]

    def _check_bounds(self, day: dt.date) -> None:
        code = self.bounds.problem_code(day)
        if code is not None:
            params = dict(self.bounds.params) or None
            raise forms.ValidationError(self.error_messages[code], code=code, params=params)


def _messages(bounds: DateBounds) -> dict[str, Any]:
    return {"too_early": bounds.too_early, "too_late": bounds.too_late}


class _BoundedDateField(_BoundedDate, forms.DateField):
    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None:
            self._check_bounds(value)


class BirthDateField(_BoundedDateField):
    bounds = BIRTH
    default_error_messages = _messages(BIRTH)


class PastDateField(_BoundedDateField):
    """The day something took place."""

    bounds = PAST
    default_error_messages = _messages(PAST)


class RecordDateField(_BoundedDateField):
    """The day a case record (referral, status, plan start) was decided or takes effect."""

    bounds = RECORD
    default_error_messages = _messages(RECORD)


class PlannedDateField(_BoundedDateField):
    bounds = PLANNED
    default_error_messages = _messages(PLANNED)


class PlannedDateTimeField(_BoundedDate, forms.DateTimeField):
    """A planned start or end: its day, on the typed (local) clock, within the planning horizon;
    checked before anything converts it to UTC, which year 1 or 9999 would overflow."""

    bounds = PLANNED
    default_error_messages = _messages(PLANNED)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None:
            self._check_bounds(value.date())


class DurationAmountField(forms.IntegerField):
    """The number of a programme setting's duration; the unit's own bound is checked with it
    (`duration_problem`). Up to the most any unit allows here, so a huge number is refused
    before it reaches a rule."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", max(MAX_DURATION.values()))
        kwargs.setdefault(
            "error_messages",
            {
                "min_value": _("The value must not be negative."),
                "max_value": _("A duration can be at most ten years."),
            },
        )
        super().__init__(**kwargs)


class HoursField(forms.IntegerField):
    """Hours per month of a programme's time band (`hours_problem`)."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and hours_problem(value):
            raise forms.ValidationError(
                HOURS_MESSAGE, code="hours", params={"most": MAX_HOURS_PER_MONTH}
            )
