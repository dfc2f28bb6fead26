"""What every route of the REST API shares: pages, the refusal of unknown query parameters and
the error bodies the OpenAPI document promises."""

import datetime as dt
import functools
import re
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import BeforeValidator

MAX_PAGE = 100
MAX_OFFSET = 1_000_000


class Page(LimitOffsetPagination):
    """limit 1-100, offset 0-1,000,000: larger numbers are a 422, not a database error."""

    class Input(Schema):
        limit: int = Field(MAX_PAGE, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value):
    """A day only as YYYY-MM-DD, as the document says (format: date); pydantic alone would
    also take a number of seconds since 1970."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("A day is written YYYY-MM-DD")
    if not isinstance(value, str | dt.date):
        raise ValueError("A day is written YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]


class UnknownParameters(Exception):
    def __init__(self, names: list[str]) -> None:
        self.names = names


def known_query(*names: str):
    """A query parameter the operation does not know is refused (422), not ignored: a typo in a
    filter must not silently return everything."""

    def decorate(view):
        @functools.wraps(view)
        def checked(request: HttpRequest, *args, **kwargs):
            unknown = sorted(set(request.GET) - set(names))
            if unknown:
                raise UnknownParameters(unknown)
            return view(request, *args, **kwargs)

        return checked

    return decorate


class Error(Schema):
    detail: str


class Invalid(Schema):
    """A request the API cannot read: what, where (`loc`) and why, one entry per problem."""

    detail: list[dict]


ERRORS = {401: Error, 403: Error, 404: Error, 422: Invalid, 429: Error}


class Audited:
    """A page of rows, recorded as one read when the paginator slices it: `serve(rows)` gets
    exactly the page's rows, records them and returns what the response carries."""

    def __init__(self, rows, serve) -> None:
        self.rows, self.serve = rows, serve

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page):
        return self.serve(list(self.rows[page]))
