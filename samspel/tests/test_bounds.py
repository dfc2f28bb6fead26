"""The field types of samspel/bounds.py: one bad-input test per type, with the edges kept."""

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from samspel import bounds

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(bounds.timezone, "localdate", lambda *args: TODAY)
    return TODAY


def _errors(field: forms.Field, value) -> list[str]:
    try:
        field.clean(value)
    except forms.ValidationError as error:
        return list(error.messages)
    return []


DATE_CASES = [
    # field, accepted, refused with message
    (
        bounds.BirthDateField,
        ["1900-01-01", "2026-12-02"],
        {
            "9999-12-31": "A birth date cannot be in the future.",
            "2026-12-03": "A birth date cannot be in the future.",
            "0001-01-01": "A birth date cannot be before 1900.",
            "1899-12-31": "A birth date cannot be before 1900.",
        },
    ),
    (
        bounds.PastDateField,
        ["1900-01-01", "2026-12-02"],
        {
            "2026-12-03": "The date cannot be in the future.",
            "9999-12-31": "The date cannot be in the future.",
            "0001-01-01": "The date cannot be before 1900.",
        },
    ),
    (
        bounds.RecordDateField,
        ["1900-01-01", "2027-12-03"],
        {
            "2027-12-04": "The date cannot be more than a year from today.",
            "9999-12-31": "The date cannot be more than a year from today.",
            "0001-01-01": "The date cannot be before 1900.",
        },
    ),
    (
        bounds.PlannedDateField,
        ["2021-12-03", "2031-12-01"],
        {
            "2031-12-02": "A planned time must be within 5 years of today.",
            "9999-12-31": "A planned time must be within 5 years of today.",
            "0001-01-01": "A planned time must be within 5 years of today.",
        },
    ),
]


@pytest.mark.parametrize(("field_class", "accepted", "refused"), DATE_CASES)
def test_date_fields_refuse_dates_outside_their_meaning(today, field_class, accepted, refused):
    field = field_class()
    for value in accepted:
        assert _errors(field, value) == [], value
    for value, message in refused.items():
        assert _errors(field, value) == [message], value


def test_a_form_words_the_refusal_for_its_own_record(today):
    field = bounds.PastDateField(error_messages={"too_late": "A consent cannot be in the future."})
    assert _errors(field, "2027-01-01") == ["A consent cannot be in the future."]
    assert _errors(field, "1066-10-14") == ["The date cannot be before 1900."]


def test_an_empty_optional_date_is_not_checked(today):
    assert bounds.BirthDateField(required=False).clean("") is None


def test_planned_date_times_are_checked_on_their_local_day(today):
    field = bounds.PlannedDateTimeField()
    assert _errors(field, "2026-12-02T10:00") == []
    # Year 1 in Stockholm lies before the first UTC instant: refused before anything converts it.
    assert _errors(field, "0001-01-01T00:00") == ["A planned time must be within 5 years of today."]
    assert _errors(field, "9999-12-31T23:59") == ["A planned time must be within 5 years of today."]


def test_the_messages_are_translated(today):
    field = bounds.PlannedDateTimeField()
    for language, word in [("sv", "år"), ("da", "år")]:
        with translation.override(language):
            (message,) = _errors(field, "9999-12-31T23:59")
        assert "5" in message and word in message
        assert message != "A planned time must be within 5 years of today."
    with translation.override("da"):
        (message,) = _errors(bounds.BirthDateField(), "9999-12-31")
    assert message != "A birth date cannot be in the future."


@pytest.mark.parametrize(
    ("amount", "unit", "refused"),
    [
        (3650, "days", False),
        (3651, "days", True),
        (520, "weeks", False),
        (521, "weeks", True),
        (120, "months", False),
        (121, "months", True),
        (10, "years", False),
        (11, "years", True),
        (99999999999999999999, "months", True),
        (-1, "days", True),
    ],
)
def test_a_duration_is_at_most_ten_years_in_any_unit(amount, unit, refused):
    assert (bounds.duration_problem(amount, unit) is not None) is refused


def test_the_duration_amount_field_refuses_a_huge_number_and_a_negative_one():
    field = bounds.DurationAmountField()
    assert field.clean("12") == 12
    assert _errors(field, "99999999999999999999") == ["A duration can be at most ten years."]
    assert _errors(field, "-1") == ["The value must not be negative."]


def test_the_hours_field_stays_within_the_longest_month():
    field = bounds.HoursField()
    assert field.clean("744") == 744
    for value in ["745", "99999999999999999999", "-1"]:
        assert _errors(field, value) == ["Enter a whole number of hours from 0 to 744."], value
