"""When a closed case is due for deletion: once `years` full years have passed since the day it
was closed. A case closed on 29 February has its anniversary on 1 March in a common year (it is
kept the longer way). `cutoff` is the same rule as a query bound: the cases closed on or before
it are due. No ORM here."""

from __future__ import annotations

import datetime as dt


def years_after(day: dt.date, years: int) -> dt.date:
    """The day `years` full years after `day` (29 February → 1 March in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return dt.date(day.year + years, 3, 1)


def cutoff(today: dt.date, years: int) -> dt.date:
    """The last closing day whose case is due on `today`."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February; a year with none ends February on the 28th
        return dt.date(today.year - years, 2, 28)


def is_due(closed_on: dt.date, years: int, today: dt.date) -> bool:
    return today >= years_after(closed_on, years)
