"""A form posted after the idle timeout is kept, not dropped (DOMAIN.md §7, no lost work).

The idle timeout logs the user out; what the form carried is kept in the (new, anonymous) session
with the user it belongs to, the page it was filled in on and the address it was sent to. After
logging in again the user is sent back to that page, which fills the form in again
(samspel.js) for the user to check and save: nothing is saved on their behalf, since the page
may have changed meanwhile. Only the same user gets it back, once, within `KEEP_SECONDS`.
Passwords, codes and the CSRF token are never kept; uploaded files cannot be.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

SESSION_KEY = "samspel_kept_form"
KEEP_SECONDS = 8 * 3600
# Field names containing these are never kept.
NEVER_KEPT = ("password", "csrfmiddlewaretoken", "otp", "token")


def _kept_field(name: str) -> bool:
    lowered = name.lower()
    return not any(part in lowered for part in NEVER_KEPT)


def page_of(request: HttpRequest) -> str:
    """The page the form was on: the same-site Referer's path and query, or the form's own
    address when there is none."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.path


def keep(request: HttpRequest, user_id: int) -> dict[str, Any] | None:
    """Keep the request's form in its session (call after logout); None when nothing to keep."""
    fields = [
        [name, value]
        for name, values in request.POST.lists()
        if _kept_field(name)
        for value in values
    ]
    if not fields:
        return None
    kept = {
        "user": user_id,
        "action": request.path,
        "page": page_of(request),
        "fields": fields,
        "files": bool(request.FILES),
        "at": time.time(),
    }
    request.session[SESSION_KEY] = kept
    return kept


def take(request: HttpRequest) -> dict[str, Any] | None:
    """The kept form for this page and this user, removed from the session; a kept form of
    another user or older than KEEP_SECONDS is dropped."""
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    if kept.get("user") != request.user.pk or time.time() - kept.get("at", 0) > KEEP_SECONDS:
        del request.session[SESSION_KEY]
        return None
    if urlsplit(kept["page"]).path != request.path:
        return None
    del request.session[SESSION_KEY]
    return {"action": kept["action"], "fields": kept["fields"], "files": kept["files"]}
