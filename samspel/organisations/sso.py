"""Single sign-on with OpenID Connect, per organisation (issue 11, item 2), on
mozilla-django-oidc: each organisation has its own issuer and client (models.SingleSignOn), so
the library's settings are taken from the organisation the login started for, kept in the
session. A login is accepted only when its ID token is signed by that issuer's keys, names that
issuer and Samspel's client there; its user is found by the subject bound at the first login,
or else by the configured claim within that organisation, or made (when the organisation says
so). The role follows a claim when one is configured. The provider does the second factor."""

from __future__ import annotations

import requests
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from samspel.accounts.models import Role
from samspel.accounts.sessions import SSO_LOGIN
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.organisations.models import MatchClaim, SingleSignOn, SsoIdentity

SESSION_ORGANISATION = "samspel_sso_organisation"
DISCOVERY_SECONDS = 3600
TIMEOUT = 10


class ProviderUnavailable(Exception):
    pass


def discover(issuer: str) -> dict:
    """The provider's discovery document (cached for an hour)."""
    key = f"samspel:oidc:{issuer}"
    document = cache.get(key)
    if document is None:
        url = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
        try:
            response = requests.get(url, timeout=TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(str(error)) from error
        needed = {"issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"}
        if not needed <= set(document) or document["issuer"].rstrip("/") != issuer.rstrip("/"):
            raise ProviderUnavailable("not a discovery document of this issuer")
        cache.set(key, document, DISCOVERY_SECONDS)
    return document


def library_settings(sso: SingleSignOn) -> dict:
    document = discover(sso.issuer)
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": document["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": document["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": document.get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": document["jwks_uri"],
        "OIDC_RP_CLIENT_ID": sso.client_id,
        "OIDC_RP_CLIENT_SECRET": sso.client_secret,
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_SCOPES": sso.scopes,
        "OIDC_USE_PKCE": True,
        "OIDC_CREATE_USER": sso.provision,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
        "OIDC_TIMEOUT": TIMEOUT,
        "LOGIN_REDIRECT_URL": "/",
        "LOGIN_REDIRECT_URL_FAILURE": reverse("accounts:login") + "?sso=failed",
    }


def login_choices() -> list[tuple[str, str]]:
    """(URL, organisation name) for the login page's buttons (AccountsConfig asks for it)."""
    return [
        (reverse("sso:start", args=[sso.organisation.public_id]), sso.organisation.name)
        for sso in SingleSignOn.objects.filter(enabled=True).select_related("organisation")
    ]


class _OrganisationSettings:
    """mozilla-django-oidc reads its settings through get_settings: here the organisation's."""

    sso_settings: dict = {}

    def get_settings(self, attr, *args):
        if attr in self.sso_settings:
            return self.sso_settings[attr]
        return import_from_settings(attr, *args)


def _sso_of_session(request) -> SingleSignOn | None:
    organisation_id = request.session.get(SESSION_ORGANISATION)
    if organisation_id is None:
        return None
    return SingleSignOn.objects.filter(organisation_id=organisation_id, enabled=True).first()


class StartView(_OrganisationSettings, OIDCAuthenticationRequestView):
    def __init__(self, *args, **kwargs) -> None:  # the settings come with the request
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request, organisation_id):
        sso = SingleSignOn.objects.filter(
            organisation__public_id=organisation_id, enabled=True
        ).first()
        if sso is None:
            raise Http404
        try:
            self.sso_settings = library_settings(sso)
        except ProviderUnavailable as error:
            record(
                request, Action.LOGIN_FAILED, organisation_id=sso.organisation_id,
                sso=sso.issuer, reason=str(error)[:200],
            )  # fmt: skip
            return redirect(reverse("accounts:login") + "?sso=failed")
        self.OIDC_OP_AUTH_ENDPOINT = self.sso_settings["OIDC_OP_AUTHORIZATION_ENDPOINT"]
        self.OIDC_RP_CLIENT_ID = sso.client_id
        request.session[SESSION_ORGANISATION] = sso.organisation_id
        return super().get(request)


class CallbackView(_OrganisationSettings, OIDCAuthenticationCallbackView):
    def get(self, request):
        self.sso = _sso_of_session(request)
        if self.sso is None:
            return self.login_failure("no single sign-on started")
        try:
            self.sso_settings = library_settings(self.sso)
            return super().get(request)
        except (SuspiciousOperation, ProviderUnavailable, requests.RequestException) as error:
            return self.login_failure(str(error))

    def login_failure(self, reason: str = "no user for these claims"):
        """Refused: back to the login page with a message; audited with why."""
        sso = getattr(self, "sso", None)
        record(
            self.request,
            Action.LOGIN_FAILED,
            organisation_id=sso.organisation_id if sso else None,
            sso=sso.issuer if sso else "",
            reason=reason[:200],
        )
        return super().login_failure()

    def login_success(self):
        self.request.session[SSO_LOGIN] = True
        return super().login_success()


class Backend(_OrganisationSettings, OIDCAuthenticationBackend):
    """Authenticates only an OIDC callback of the organisation its session started for."""

    def __init__(self, *args, **kwargs) -> None:
        self.UserModel = get_user_model()
        self.sso: SingleSignOn | None = None

    def authenticate(self, request, **kwargs):
        if request is None or "code" not in request.GET or "state" not in request.GET:
            return None
        self.sso = _sso_of_session(request)
        if self.sso is None:
            return None
        self.sso_settings = library_settings(self.sso)
        for name in (
            "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT",
            "OIDC_RP_CLIENT_ID", "OIDC_RP_CLIENT_SECRET", "OIDC_RP_SIGN_ALGO",
        ):  # fmt: skip
            setattr(self, name, self.sso_settings[name])
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        """The library checks the signature against the issuer's keys and the nonce; the
        issuer and the audience are checked here."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if str(payload.get("iss", "")).rstrip("/") != self.sso.issuer.rstrip("/"):
            raise SuspiciousOperation("ID token of another issuer")
        if self.sso.client_id not in audiences:
            raise SuspiciousOperation("ID token for another client")
        self._subject = payload.get("sub")
        return payload

    def filter_users_by_claims(self, claims):
        users = self.UserModel.objects.filter(organisation=self.sso.organisation, is_active=True)
        subject = claims.get("sub") or getattr(self, "_subject", None)
        bound = SsoIdentity.objects.filter(issuer=self.sso.issuer, subject=subject).values("user")
        found = users.filter(pk__in=bound)
        if found.exists():
            return found
        value = claims.get(self.sso.match_claim)
        if not value:
            return users.none()
        if self.sso.match_claim == MatchClaim.EMAIL:
            if claims.get("email_verified") is False:
                return users.none()
            return users.filter(email__iexact=value)
        return users.filter(username__iexact=value)

    def verify_claims(self, claims):
        return bool(claims.get("sub")) and super().verify_claims(claims)

    def _role(self, claims) -> str | None:
        if not self.sso.role_claim:
            return None
        values = claims.get(self.sso.role_claim)
        for value in values if isinstance(values, list) else [values]:
            role = self.sso.role_map.get(str(value))
            if role in Role.values:
                return role
        return None

    def create_user(self, claims):
        username = claims.get(self.sso.match_claim) or claims["sub"]
        user = self.UserModel(
            username=username[:150],
            email=claims.get("email", ""),
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
            organisation=self.sso.organisation,
            role=self._role(claims) or Role.WORKER,
        )
        user.set_unusable_password()
        user.save()
        return self._bind(user, claims)

    def update_user(self, user, claims):
        role = self._role(claims)
        if role is not None and user.role != role:
            user.role = role
            user.save(update_fields=["role"])
        return self._bind(user, claims)

    def _bind(self, user, claims):
        SsoIdentity.objects.get_or_create(
            issuer=self.sso.issuer, subject=claims["sub"], defaults={"user": user}
        )
        return user
