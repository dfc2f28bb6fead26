"""The shape of a demo case's history, relative to the day the demo is seeded.

A newcomer should see a worklist like a real one: a handful of items overdue by days or weeks,
some due within the week, most further ahead. So the demo does not fake due items: it chooses
when the last qualifying activity was held, and the recompute makes the items from it. Which
state a rule ends up in follows the case's place among its worker's cases (`DemoCase.k`), so
every demo worker gets some of each; how many days follows the case number (`seed`)."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from samspel.cases.models import Case
from samspel.programmes.definitions import Duration

SLOTS = 4  # one case in four of a worker is overdue on a rule, one due soon, two ahead
MOST_OVERDUE_DAYS = 40  # a demo item is never overdue by more than about six weeks
# A case is referred ten days before it starts (for a family-home case: before the placement).
REFERRED_BEFORE_START = dt.timedelta(days=10)


@dataclass(frozen=True)
class DemoCase:
    """A demo case and where it sits: `nth` among its team's cases, `k` among its responsible
    worker's."""

    case: Case
    nth: int
    k: int

    @property
    def seed(self) -> int:
        return zlib.crc32(self.case.number.encode())


def due_in(demo: DemoCase, every: Duration, overdue_slot: int = 0) -> int:
    """Days from today to the next due date of a recurring rule of the case (negative when
    overdue): overdue on the worker's case in `overdue_slot`, due soon on the next one,
    further ahead on the others. A weekly rule is never further ahead than a week."""
    slot = (demo.k - overdue_slot) % SLOTS
    days = max(every.approximate_days(), 1)
    if slot == 0:
        return -(4 + demo.seed % max(1, min(MOST_OVERDUE_DAYS, days // 2)))
    if slot == 1 or days <= 11:
        return min(days, 4 + demo.seed % 2)
    return 11 + demo.seed % (days - 11)


def held_dates(
    after: dt.date, next_due: dt.date, every: Duration, seed: int, *, late: bool = True
) -> list[dt.date]:
    """The days a recurring activity was held after `after`, so that the next one is due on
    `next_due`: counted back from the last one, about every `every`, every fourth one a few days
    late when `late` (so compliance shows late periods too)."""
    dates = []
    on, step = every.before(next_due), every.approximate_days()
    count = 0
    while on > after:
        dates.append(on)
        behind = late and count % 4 == 3
        on -= dt.timedelta(days=step + (3 + seed % 10 if behind else -(1 + seed % 3)))
        count += 1
    return dates[::-1]
