"""REST API v1 (django-ninja, OpenAPI 3 at /api/v1/openapi.json): read access to what a
token's user may read, through the same access helpers as the pages (cases.access,
cases.family_access), with one audit event per request naming the token. Bearer tokens only
(samspel.api.tokens); no session, so no CSRF. Throttled per token. The routes are in cases,
families and calendar."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from samspel.api import calendar, cases, families
from samspel.api.common import UnknownParameters
from samspel.api.tokens import authenticate


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
    description=(
        "Read access to cases, families, plans, due items and calendars, as the token's user "
        "sees them on the pages. Send `Authorization: Bearer <token>`; tokens are made on the "
        "page API tokens. Every request is recorded in the audit log."
    ),
    urls_namespace="api",
    auth=BearerToken(),
    throttle=[AuthRateThrottle("120/m")],
    docs_url=None,
)
api.add_router("", cases.router)
api.add_router("", families.router)
api.add_router("", calendar.router)


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
