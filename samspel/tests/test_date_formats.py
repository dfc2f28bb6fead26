"""Dates are never month/day/year, in any of Samspel's languages; times use the 24-hour clock."""

import datetime as dt

import pytest
from django.utils import formats, translation

DAY = dt.date(2026, 3, 4)
MOMENT = dt.datetime(2026, 3, 4, 14, 5)


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [("en", "4 March 2026", "2026-03-04"), ("sv", "4 mars 2026", "2026-03-04")],
)
def test_the_day_comes_before_the_month(language, long, short):
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == long
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short


@pytest.mark.parametrize("language", ["en", "sv", "da"])
def test_no_language_puts_the_month_first_or_uses_am_pm(language):
    with translation.override(language):
        long = formats.date_format(DAY, "DATE_FORMAT")
        short = formats.date_format(DAY, "SHORT_DATE_FORMAT")
        clock = formats.time_format(MOMENT.time(), "TIME_FORMAT")
    assert long.split()[0].rstrip(".") == "4", long
    assert short not in ("03/04/2026", "3/4/2026"), short
    assert clock.startswith("14"), clock
