"""Login with password and second factor, lock-out, logout and password changes."""

import base64
import time
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspel.accounts import webauthn
from samspel.accounts.forms import LoginForm, OneTimeCodeForm
from samspel.accounts.middleware import LAST_SEEN_KEY
from samspel.accounts.models import User, WebAuthnDevice
from samspel.accounts.redirects import safe_next
from samspel.audit.log import record
from samspel.audit.models import Action


def lockout(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """Shown instead of the login page while too many failed attempts are on record."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    if request.user.is_authenticated:
        username = request.user.get_username()
        request.samspel_logout_audited = False
        logout(request)
    username = str(username)[:150]
    # Attach the event to the user (and so their organisation) so that auditors see it.
    known = User.objects.filter(username=username).first()
    record(request, Action.LOCKED_OUT, known, user=known, username=username)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def sso_login_choices() -> list[tuple[str, str]]:
    """(URL, organisation) of each organisation's single sign-on, from the app that has it."""
    for config in apps.get_app_configs():
        if getattr(config, "sso_login_choices", None):
            return import_string(config.sso_login_choices)()
    return []


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_choices"] = sso_login_choices()
        context["sso_failed"] = self.request.GET.get("sso") == "failed"
        return context

    def get_success_url(self) -> str:
        target = safe_next(self.request)
        user = self.request.user
        if user.needs_second_factor():
            step = "accounts:verify" if user.has_second_factor() else "accounts:enrol"
            return f"{reverse(step)}?{urlencode({'next': target})}"
        return target

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if not user.needs_second_factor():
            clear_failures(user)
        if user.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
            )
        return response


def clear_failures(user) -> None:
    """A complete login wipes the user's failed attempts."""
    from axes.utils import reset

    reset(username=user.get_username())


def _count_failed_code(request: HttpRequest) -> HttpResponse | None:
    """A wrong code counts as a failed login for throttling; returns the lock-out page
    when the limit is reached."""
    user_login_failed.send(
        sender=__name__,
        credentials={"username": request.user.get_username(), "second_factor": True},
        request=request,
    )
    if getattr(request, "axes_locked_out", False):
        request.axes_locked_out = False  # handled here, not again by AxesMiddleware
        return lockout(request)
    return None


@never_cache
@sensitive_post_parameters("code")
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified():
        return redirect(safe_next(request))
    devices = list(TOTPDevice.objects.devices_for_user(request.user, confirmed=True))
    keys = WebAuthnDevice.objects.filter(user=request.user, confirmed=True).exists()
    if not devices and not keys:
        return redirect(reverse("accounts:enrol"))
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            allowed, _reason = device.verify_is_allowed()
            if allowed and device.verify_token(form.cleaned_data["code"]):
                otp_login(request, device)
                clear_failures(request.user)
                record(request, Action.SECOND_FACTOR_OK, request.user)
                return redirect(safe_next(request))
        form.add_error("code", _("That code is not right or has expired. Try the newest one."))
        locked = _count_failed_code(request)
        if locked is not None:
            return locked
    context = {"form": form, "next": safe_next(request), "app": bool(devices), "keys": keys}
    return render(request, "accounts/verify.html", context)


def _qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
@sensitive_post_parameters("code")
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show a QR code and confirm it with a first code."""
    user = request.user
    if user.has_second_factor() and not user.is_verified():
        return redirect(reverse("accounts:verify"))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            clear_failures(user)
            record(request, Action.SECOND_FACTOR_ENROLLED, user)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(safe_next(request))
        form.add_error("code", _("That code is not right or has expired. Try the newest one."))
        locked = _count_failed_code(request)
        if locked is not None:
            return locked
    context = {
        "form": form,
        "qr_code": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
        "next": safe_next(request),
    }
    return render(request, "accounts/enrol.html", context)


class LogoutView(auth_views.LogoutView):
    pass


@method_decorator(never_cache, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        update_session_auth_hash(self.request, form.user)
        record(self.request, Action.PASSWORD_CHANGED, form.user)
        messages.success(self.request, _("Your password has been changed."))
        return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """A new user sets a password from the one-time link an administrator gave them."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        record(self.request, Action.PASSWORD_SET, form.user, user=form.user)
        messages.success(self.request, _("Your password is set. You can log in now."))
        return response


@never_cache
@require_http_methods(["GET", "POST"])
def idle(request: HttpRequest) -> HttpResponse:
    """Seconds left before the idle timeout, for the page's warning (samspel.js). GET only asks
    (it is not activity, see IdleTimeoutMiddleware); POST is "stay logged in"."""
    if not request.user.is_authenticated:
        return JsonResponse({"remaining_seconds": 0}, status=401)
    last_seen = request.session.get(LAST_SEEN_KEY, time.time())
    timeout = settings.SESSION_IDLE_TIMEOUT_MINUTES * 60
    return JsonResponse({"remaining_seconds": max(0, int(timeout - (time.time() - last_seen)))})


def _webauthn_refused(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@never_cache
@require_http_methods(["POST"])
@login_required
def webauthn_register_options(request: HttpRequest) -> HttpResponse:
    """Options to add a security key: for a user enrolling a first factor, or one already
    verified adding another key."""
    if request.user.has_second_factor() and not request.user.is_verified():
        return _webauthn_refused(_("Verify your second factor first."), 403)
    return HttpResponse(webauthn.registration_options(request), content_type="application/json")


@never_cache
@require_http_methods(["POST"])
@login_required
def webauthn_register(request: HttpRequest) -> HttpResponse:
    if request.user.has_second_factor() and not request.user.is_verified():
        return _webauthn_refused(_("Verify your second factor first."), 403)
    try:
        data = webauthn.read_json(request)
        device = webauthn.register(request, data.get("credential"), str(data.get("name", "")))
    except webauthn.Refused:
        request.session.pop(webauthn.CHALLENGE, None)  # a challenge answers once, right or not
        return _webauthn_refused(_("The security key could not be added. Nothing was saved."))
    otp_login(request, device)
    clear_failures(request.user)
    record(request, Action.SECOND_FACTOR_ENROLLED, request.user, webauthn=True)
    messages.success(request, _("Your security key is set up."))
    return JsonResponse({"next": safe_next(request)})


@never_cache
@require_http_methods(["POST"])
@login_required
def webauthn_login_options(request: HttpRequest) -> HttpResponse:
    if not WebAuthnDevice.objects.filter(user=request.user, confirmed=True).exists():
        return _webauthn_refused(_("You have no security key."), 404)
    return HttpResponse(webauthn.authentication_options(request), content_type="application/json")


@never_cache
@require_http_methods(["POST"])
@login_required
def webauthn_login(request: HttpRequest) -> HttpResponse:
    try:
        device = webauthn.authenticate(request, webauthn.read_json(request).get("credential"))
    except webauthn.Refused:
        request.session.pop(webauthn.CHALLENGE, None)
        locked = _count_failed_code(request)
        if locked is not None:
            return _webauthn_refused(_("Too many failed attempts. Try again later."), 403)
        return _webauthn_refused(_("That security key was not accepted. Try again."))
    otp_login(request, device)
    clear_failures(request.user)
    record(request, Action.SECOND_FACTOR_OK, request.user, webauthn=True)
    return JsonResponse({"next": safe_next(request)})
