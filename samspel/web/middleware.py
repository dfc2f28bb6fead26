"""A request Django refuses to parse is answered with Samspel's 400 page.

Django raises TooManyFieldsSent (more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters),
TooManyFilesSent or RequestDataTooBig wherever `request.GET` or `request.POST` is first read,
and does not remember the failure: the error page's own CSRF check reads `request.POST` again,
so a refused POST became a server error (500) instead of a bad request (400). Reading both once
here, after the user's language is known and before any view or CSRF check, answers every such
request the same way, in the user's language; nothing after it sees the parameters."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

logger = logging.getLogger("django.security")
REFUSED = (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig)


class RequestParametersMiddleware:
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
