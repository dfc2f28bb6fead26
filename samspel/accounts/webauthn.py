"""WebAuthn (security keys, Windows Hello, Touch ID) as a second factor, with py_webauthn: the
options for the browser, with a challenge kept in the session for one use, and the checks of
what the browser sends back: challenge, origin, relying party (the host Samspel is served on)
and the key's signature and counter."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils import timezone
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from samspel.accounts.models import WebAuthnDevice

CHALLENGE = "samspel_webauthn_challenge"
RP_NAME = "Samspel"


class Refused(Exception):
    """What the browser sent is not a valid answer to our challenge."""


def _relying_party(request: HttpRequest) -> tuple[str, str]:
    """The relying party id (the host, without port) and the expected origin."""
    host = request.get_host()
    return host.split(":")[0], f"{request.scheme}://{host}"


def _take_challenge(request: HttpRequest, purpose: str) -> bytes:
    stored = request.session.pop(CHALLENGE, None)
    if not stored or stored.get("purpose") != purpose:
        raise Refused("no challenge")
    return base64url_to_bytes(stored["challenge"])


def _keep_challenge(request: HttpRequest, purpose: str, challenge: bytes) -> None:
    request.session[CHALLENGE] = {"purpose": purpose, "challenge": bytes_to_base64url(challenge)}


def registration_options(request: HttpRequest) -> str:
    user = request.user
    rp_id, _origin = _relying_party(request)
    existing = WebAuthnDevice.objects.filter(user=user)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RP_NAME,
        user_id=user.public_id.bytes,
        user_name=user.get_username(),
        user_display_name=user.get_full_name() or user.get_username(),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=bytes(d.credential_id)) for d in existing
        ],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _keep_challenge(request, "register", options.challenge)
    return options_to_json(options)


def register(request: HttpRequest, credential: dict, name: str) -> WebAuthnDevice:
    rp_id, origin = _relying_party(request)
    challenge = _take_challenge(request, "register")
    if not isinstance(credential, dict):
        raise Refused("no credential")
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (
        InvalidRegistrationResponse,
        InvalidJSONStructure,
        ValueError,
        KeyError,
        TypeError,
    ) as error:
        raise Refused(str(error)) from error
    return WebAuthnDevice.objects.create(
        user=request.user,
        name=name[:64] or "Security key",
        confirmed=True,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )


def authentication_options(request: HttpRequest) -> str:
    rp_id, _origin = _relying_party(request)
    devices = WebAuthnDevice.objects.filter(user=request.user, confirmed=True)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=[
            PublicKeyCredentialDescriptor(id=bytes(d.credential_id)) for d in devices
        ],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _keep_challenge(request, "authenticate", options.challenge)
    return options_to_json(options)


def authenticate(request: HttpRequest, credential: dict) -> WebAuthnDevice:
    rp_id, origin = _relying_party(request)
    challenge = _take_challenge(request, "authenticate")
    if not isinstance(credential, dict):
        raise Refused("no credential")
    try:
        credential_id = base64url_to_bytes(credential["rawId"])
    except (KeyError, TypeError, ValueError) as error:
        raise Refused("no credential id") from error
    device = WebAuthnDevice.objects.filter(
        user=request.user, confirmed=True, credential_id=credential_id
    ).first()
    if device is None:
        raise Refused("not one of this user's keys")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(device.public_key),
            credential_current_sign_count=device.sign_count,
        )
    except (
        InvalidAuthenticationResponse,
        InvalidJSONStructure,
        ValueError,
        KeyError,
        TypeError,
    ) as error:
        raise Refused(str(error)) from error
    device.sign_count, device.last_used_at = verified.new_sign_count, timezone.now()
    device.save(update_fields=["sign_count", "last_used_at"])
    return device


def read_json(request: HttpRequest) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise Refused("not JSON") from error
    if not isinstance(data, dict):
        raise Refused("not an object")
    return data
