"""Compliance per month (DOMAIN.md §5): the share of follow-up periods held by their due date.

Pure: periods in, monthly figures out. The team leader's compliance page and the benchmark call
`monthly_compliance`; `compliance_chart` turns the figures into coordinates for an inline SVG.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from samspel.charts import Frame, Tick


class PeriodLike(Protocol):
    """Anything with a due date and the date it was held (engine.Period, FollowUpPeriod)."""

    @property
    def due_on(self) -> dt.date: ...

    @property
    def held_on(self) -> dt.date | None: ...


@dataclass(frozen=True)
class MonthlyCompliance:
    month: dt.date  # the first day of the calendar month
    due: int  # periods due that month that count (see monthly_compliance)
    on_time: int  # of those, held on or before their due date

    @property
    def share(self) -> float | None:
        """Held on time / due, between 0 and 1; None for a month with nothing due."""
        return self.on_time / self.due if self.due else None


def month_starts(today: dt.date, months: int = 12) -> list[dt.date]:
    """The first days of the `months` calendar months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [dt.date((i // 12), (i % 12) + 1, 1) for i in range(index - months + 1, index + 1)]


def monthly_compliance(
    periods: Iterable[PeriodLike], today: dt.date, months: int = 12
) -> list[MonthlyCompliance]:
    """Per calendar month (the `months` ending with today's, oldest first): how many periods
    were due and how many of them were held by their due date.

    A period due today or later that is not yet held still has time, so it counts only once
    it is held or its due date has passed; periods outside the months are ignored."""
    starts = month_starts(today, months)
    due = dict.fromkeys(starts, 0)
    on_time = dict.fromkeys(starts, 0)
    for period in periods:
        month = period.due_on.replace(day=1)
        still_open = period.held_on is None and period.due_on >= today
        if month not in due or still_open:
            continue
        due[month] += 1
        if period.held_on is not None and period.held_on <= period.due_on:
            on_time[month] += 1
    return [MonthlyCompliance(month, due[month], on_time[month]) for month in starts]


# The chart: one bar per month, 0–100 %, drawn by followup/_compliance_chart.html.
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 624, 16, 250
TICKS = (0, 25, 50, 75, 100)
FRAME = Frame("compliance-chart", WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, 100, TICKS, unit="%")


@dataclass(frozen=True)
class Bar:
    month: dt.date
    percent: int | None  # rounded share, None when nothing was due
    due: int
    on_time: int
    x: float  # left edge
    width: float
    y: float  # top edge (BOTTOM when empty)
    height: float
    label_x: float  # centre, for the month label and the value

    @property
    def empty(self) -> bool:
        return self.percent is None

    @property
    def value_y(self) -> float:
        return round(self.y - 6, 1)


@dataclass(frozen=True)
class ComplianceChart:
    bars: list[Bar]
    frame: Frame = FRAME

    @property
    def ticks(self) -> list[Tick]:
        """The percent scale 0–100."""
        return self.frame.value_ticks

    @property
    def empty_mark_y(self) -> int:
        return self.frame.bottom - 8

    @property
    def month_label_y(self) -> int:
        return self.frame.bottom + 22

    @property
    def year_label_y(self) -> int:
        return self.frame.bottom + 42


def percent(share: float | None) -> int | None:
    return None if share is None else round(share * 100)


def compliance_chart(rows: list[MonthlyCompliance]) -> ComplianceChart:
    """Bar geometry for the monthly figures: same order, one slot per month."""
    slot = (RIGHT - LEFT) / max(len(rows), 1)
    bars = []
    for number, row in enumerate(rows):
        value = percent(row.share)
        top = FRAME.y_for(value or 0)
        bars.append(
            Bar(
                month=row.month,
                percent=value,
                due=row.due,
                on_time=row.on_time,
                x=round(LEFT + slot * number + slot * 0.15, 1),
                width=round(slot * 0.7, 1),
                y=top,
                height=round(BOTTOM - top, 1),
                label_x=round(LEFT + slot * (number + 0.5), 1),
            )
        )
    return ComplianceChart(bars=bars)
