"""REST API v1 (django-ninja, OpenAPI 3 at /api/v1/openapi.json): read access to the cases a
token's user may read, through the same access helper as the pages (cases.access), with one
audit event per request naming the token. Bearer tokens only (samspel.api.tokens); no session,
so no CSRF. Throttled per token."""

import datetime as dt
import functools
import uuid
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from samspel.activities.models import Activity
from samspel.api.tokens import authenticate
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import cases_for_user, get_case_for_user
from samspel.followup.models import DueItem

MAX_PAGE = 100
MAX_OFFSET = 1_000_000


class Page(LimitOffsetPagination):
    """limit 1-100, offset 0-1,000,000: larger numbers are a 422, not a database error."""

    class Input(Schema):
        limit: int = Field(MAX_PAGE, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        found = authenticate(token)
        if found is None:
            return None
        request.user = found.user
        request.api_token = found
        return found


api = NinjaAPI(
    title="Samspel API",
    version="1",
    urls_namespace="api",
    auth=BearerToken(),
    throttle=[AuthRateThrottle("120/m")],
    docs_url=None,
)


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


@api.exception_handler(UnknownParameters)
def unknown_parameters(request, exc):
    detail = [
        {"type": "extra_forbidden", "loc": ["query", name], "msg": "Unknown parameter"}
        for name in exc.names
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": "Forbidden"}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not Found"}, status=404)


class Error(Schema):
    detail: str


class Invalid(Schema):
    """A request the API cannot read: what, where (`loc`) and why, one entry per problem."""

    detail: list[dict]


class CaseOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    number: str
    status: str
    programme: str
    team: str = Field(alias="team.name")
    referred_on: dt.date
    activated_on: dt.date | None = None
    closed_on: dt.date | None = None


class CaseFilters(Schema):
    status: Literal["referral", "active", "closing", "closed"] | None = None
    number: str | None = Field(None, max_length=20)


class DueItemOut(Schema):
    rule: str
    title: str
    due_on: dt.date
    counts_from: dt.date


class ActivityOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    kind: str
    status: str
    planned_start: dt.datetime | None = None
    planned_end: dt.datetime | None = None
    held_on: dt.date | None = None


ERRORS = {401: Error, 403: Error, 404: Error, 422: Invalid, 429: Error}


@api.get("/cases", response={200: list[CaseOut], **ERRORS}, tags=["cases"])
@paginate(Page, max_limit=MAX_PAGE)
@known_query("status", "number", "limit", "offset")
def list_cases(request: HttpRequest, filters: Query[CaseFilters]):
    """The cases the token's user may read, newest referral first."""
    cases = cases_for_user(request.user).select_related("team").order_by("-referred_on", "-id")
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.number:
        cases = cases.filter(number=filters.number)
    return _Audited(request, cases)


class _Audited:
    """The page of cases, recorded as one read naming them when the paginator slices it."""

    def __init__(self, request: HttpRequest, cases) -> None:
        self.request, self.cases = request, cases

    def count(self) -> int:
        return self.cases.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page):
        rows = list(self.cases[page])
        record(self.request, Action.VIEW, object_type="api.cases", cases=rows)
        return rows


@api.get("/cases/{case_id}", response={200: CaseOut, **ERRORS}, tags=["cases"])
@known_query()
def get_case(request: HttpRequest, case_id: uuid.UUID):
    return get_case_for_user(request, case_id)


@api.get("/cases/{case_id}/due-items", response={200: list[DueItemOut], **ERRORS}, tags=["cases"])
@known_query()
def case_due_items(request: HttpRequest, case_id: uuid.UUID):
    """What is due on the case, earliest first."""
    case = get_case_for_user(request, case_id)
    return list(DueItem.objects.filter(case=case).order_by("due_on", "rule"))


@api.get("/cases/{case_id}/activities", response={200: list[ActivityOut], **ERRORS}, tags=["cases"])
@paginate(Page, max_limit=MAX_PAGE)
@known_query("limit", "offset")
def case_activities(request: HttpRequest, case_id: uuid.UUID):
    """The case's activities, latest first."""
    case = get_case_for_user(request, case_id)
    return Activity.objects.filter(case=case).order_by("-planned_start", "-held_on", "-id")
