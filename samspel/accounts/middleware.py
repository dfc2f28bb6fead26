"""Per-user language, idle session timeout and the second-factor gate."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samspel.accounts import kept_forms
from samspel.accounts.sessions import SSO_LOGIN
from samspel.audit.log import record
from samspel.audit.models import Action

LAST_SEEN_KEY = "samspel_last_seen"
# The last-seen time is written only when it moved by more than this: the session row is not
# rewritten on every request, and a session may end up to this much before its timeout.
LAST_SEEN_RESOLUTION_SECONDS = 60


class UserLanguageMiddleware:
    """A signed-in user's chosen language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            language = user.language or (
                user.organisation.default_language if user.organisation else ""
            )
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Log a user out after SESSION_IDLE_TIMEOUT_MINUTES without a request. The time of the
    last request is kept to LAST_SEEN_RESOLUTION_SECONDS, so most requests save no session.
    A form posted after the timeout is kept for the same user (kept_forms.py); asking how long
    is left (GET accounts:idle, the page's warning) is not activity."""

    NOT_KEPT = ("accounts:logout", "accounts:idle", "web:set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            asking = request.method == "GET" and request.path == reverse("accounts:idle")
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60:
                # Asking ends nothing: the form the page holds is kept when it is sent.
                return JsonResponse({"remaining_seconds": 0}) if asking else self._log_out(request)
            if not asking and (
                LAST_SEEN_KEY not in request.session
                or now - last_seen > LAST_SEEN_RESOLUTION_SECONDS
            ):
                request.session[LAST_SEEN_KEY] = now
            if request.method == "GET" and kept_forms.SESSION_KEY in request.session:
                request.kept_form = kept_forms.take(request)
        return self.get_response(request)

    def _log_out(self, request):
        user = request.user
        record(request, Action.SESSION_EXPIRED, user, user=user)
        request.samspel_logout_audited = True
        logout(request)
        minutes = settings.SESSION_IDLE_TIMEOUT_MINUTES
        kept = None
        if request.method == "POST" and _url_name(request) not in self.NOT_KEPT:
            kept = kept_forms.keep(request, user.pk)
        if kept is None:
            messages.info(
                request,
                _("You were logged out after %(minutes)d minutes without activity.")
                % {"minutes": minutes},
            )
        else:
            messages.warning(
                request,
                _(
                    "You were logged out after %(minutes)d minutes without activity, so what "
                    "you sent was not saved. It is kept: log in again, check the form and save."
                )
                % {"minutes": minutes},
            )
            if kept["files"]:
                messages.warning(request, _("Attached files could not be kept: add them again."))
        target = (
            kept_forms.page_of(request) if request.method == "POST" else request.get_full_path()
        )
        query = urlencode({"next": target})
        return redirect(f"{reverse(settings.LOGIN_URL)}?{query}")


def _url_name(request) -> str:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return ""
    return f"{match.namespace}:{match.url_name}"


class SecondFactorMiddleware:
    """Until the second factor is verified, a signed-in user only reaches the pages that
    verify or enrol it, log out, or switch language."""

    ALLOWED_URL_NAMES = {
        "accounts:verify",
        "accounts:enrol",
        "accounts:webauthn_register_options",
        "accounts:webauthn_register",
        "accounts:webauthn_login_options",
        "accounts:webauthn_login",
        "accounts:logout",
        "web:set_language",
        "web:healthz",
        "web:readyz",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.session.get(SSO_LOGIN)  # the organisation's provider did it
            and not user.is_verified()
            and user.needs_second_factor()
        ):
            name = _url_name(request)
            if name not in self.ALLOWED_URL_NAMES and not request.path.startswith(
                settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
            ):
                target = "accounts:verify" if user.has_second_factor() else "accounts:enrol"
                return redirect(reverse(target))
        return self.get_response(request)
