"""Pages of the audit log by keyset: each page starts after (or before) the (at, id) of the
last event shown, so every page is a range scan of an index ending in (at, id), however long
the log. The count is bounded: an exact count of millions of events answers nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core import signing
from django.db.models import Q, QuerySet

PAGE_SIZE = 50
COUNT_LIMIT = 1000
SALT = "samspel.audit.paging"


@dataclass
class EventPage:
    object_list: list = field(default_factory=list)
    count: int = 0  # exact up to COUNT_LIMIT
    more_than_limit: bool = False
    next_cursor: str = ""  # older events
    previous_cursor: str = ""  # newer events

    @property
    def count_limit(self) -> int:
        return COUNT_LIMIT


def cursor_for(event) -> str:
    """An opaque, signed position: the URL shows no sequential id and cannot be forged."""
    return signing.dumps([event.at.isoformat(), event.pk], salt=SALT, compress=True)


def position(cursor: str | None) -> tuple[dt.datetime, int] | None:
    """The (at, id) a cursor names, or None for a missing or tampered one (the first page)."""
    if not cursor:
        return None
    try:
        at, pk = signing.loads(cursor, salt=SALT)
        return dt.datetime.fromisoformat(at), int(pk)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def older_than(at: dt.datetime, pk: int) -> Q:
    # The plain `at <= x` bounds the index range; the OR only filters the rows at x itself.
    return Q(at__lte=at) & (Q(at__lt=at) | Q(id__lt=pk))


def newer_than(at: dt.datetime, pk: int) -> Q:
    return Q(at__gte=at) & (Q(at__gt=at) | Q(id__gt=pk))


def event_page(events: QuerySet, after: str | None = None, before: str | None = None) -> EventPage:
    """The page of `events` (newest first) after the `after` cursor, before the `before`
    cursor, or the first page."""
    page = EventPage(count=events.order_by()[: COUNT_LIMIT + 1].count())
    page.more_than_limit = page.count > COUNT_LIMIT
    page.count = min(page.count, COUNT_LIMIT)
    newer, older = position(before), position(after)
    if newer is not None:
        rows = list(events.filter(newer_than(*newer)).order_by("at", "id")[: PAGE_SIZE + 1])
        has_newer, has_older = len(rows) > PAGE_SIZE, True
        rows = rows[:PAGE_SIZE][::-1]
    else:
        if older is not None:
            events = events.filter(older_than(*older))
        rows = list(events.order_by("-at", "-id")[: PAGE_SIZE + 1])
        has_newer, has_older = older is not None, len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
    page.object_list = rows
    if rows and has_older:
        page.next_cursor = cursor_for(rows[-1])
    if rows and has_newer:
        page.previous_cursor = cursor_for(rows[0])
    return page
