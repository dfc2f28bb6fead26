"""Per-user language, idle session timeout and the second-factor gate."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

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
    last request is kept to LAST_SEEN_RESOLUTION_SECONDS, so most requests save no session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60:
                user = request.user
                record(request, Action.SESSION_EXPIRED, user, user=user)
                request.samspel_logout_audited = True
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.SESSION_IDLE_TIMEOUT_MINUTES},
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(settings.LOGIN_URL)}?{query}")
            if LAST_SEEN_KEY not in request.session or (
                now - last_seen > LAST_SEEN_RESOLUTION_SECONDS
            ):
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """Until the second factor is verified, a signed-in user only reaches the pages that
    verify or enrol it, log out, or switch language."""

    ALLOWED_URL_NAMES = {
        "accounts:verify",
        "accounts:enrol",
        "accounts:logout",
        "web:set_language",
        "web:healthz",
        "web:readyz",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and user.needs_second_factor():
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
                name = f"{match.namespace}:{match.url_name}"
            except Resolver404:
                name = ""
            if name not in self.ALLOWED_URL_NAMES and not request.path.startswith(
                settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
            ):
                from django_otp import user_has_device

                target = "accounts:verify" if user_has_device(user) else "accounts:enrol"
                return redirect(reverse(target))
        return self.get_response(request)
