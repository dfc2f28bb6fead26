"""Site-wide middleware: the request log, the headers of private responses, and refused
request parameters."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

from samspel.audit.log import client_ip

logger = logging.getLogger("django.security")
request_logger = logging.getLogger("samspel.request")
REFUSED = (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig)


class RequestParametersMiddleware:
    """A request Django refuses to parse is answered with Samspel's 400 page.

    Django raises TooManyFieldsSent (more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters),
    TooManyFilesSent or RequestDataTooBig wherever `request.GET` or `request.POST` is first read,
    and does not remember the failure: the error page's own CSRF check reads `request.POST` again,
    so a refused POST became a server error (500) instead of a bad request (400). Reading both once
    here, after the user's language is known and before any view or CSRF check, answers every such
    request the same way, in the user's language; nothing after it sees the parameters."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            request.GET  # noqa: B018 - parsed here, once
            if request.method == "POST":
                request.POST  # noqa: B018
        except REFUSED as refused:
            logger.warning("Bad request to %s: %s", request.path, refused)
            request.GET = QueryDict()
            request._post, request._files = QueryDict(), MultiValueDict()  # type: ignore[attr-defined]
            return render(request, "400.html", status=400)
        return self.get_response(request)


class RequestLogMiddleware:
    """One INFO record per request on ``samspel.request``: method, path (never the query
    string), status, duration, user id and client address; the formatter adds the request id.
    Off unless that logger is enabled for INFO (`REQUEST_LOG`, on in production)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        start = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - start) * 1000, 1)
        user = getattr(request, "user", None)
        request_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": getattr(request, "request_id", ""),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user.pk if user is not None and user.is_authenticated else None,
                "client": client_ip(request),
                "bytes": len(response.content) if not response.streaming else None,
            },
        )
        return response


# Features no page of Samspel uses; a second factor by security key (WebAuthn) stays allowed.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "publickey-credentials-get=(self)",
    ]
)


class PrivateResponseMiddleware:
    """Every response Samspel itself makes (pages, PDFs, exports, error pages) holds or may hold
    special-category data: no browser, proxy or shared cache may keep it (`Cache-Control:
    no-store`). One deliberate exception: a view that says `private` itself (the iCal feed,
    which a calendar program subscribes to and revalidates by ETag) keeps its own header, which
    still forbids shared caches. Static files (served by WhiteNoise before this runs) keep their
    long cache lifetimes. Also the Permissions-Policy of every page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "private" not in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ):
            response["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
