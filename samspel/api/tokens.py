"""Issue, check and revoke API tokens. A secret is `sps_<prefix>_<random>`: the prefix finds the
token row, the SHA-256 of the whole secret is compared in constant time. A token works only while
it is unexpired and unrevoked and its user is active in the token's organisation."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.utils import timezone

from samspel.api.models import ApiToken, Scope, TokenKind

MAX_DAYS = 365


def hash_secret(secret: str) -> str:
    """What is kept of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(user, *, name: str, days: int, created_by, kind: str = TokenKind.PERSONAL):
    """A new token acting as `user`; the secret is returned once and never stored."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a token lasts 1 to {MAX_DAYS} days")
    prefix = secrets.token_hex(6)
    secret = f"sps_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organisation_id=user.organisation_id,
        user=user,
        kind=kind,
        name=name,
        scopes=[Scope.READ],
        prefix=prefix,
        secret_hash=hash_secret(secret),
        created_by=created_by,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return token, secret


def authenticate(secret: str) -> ApiToken | None:
    parts = secret.split("_")
    if len(parts) < 3 or parts[0] != "sps":
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    if token is None or not hmac.compare_digest(token.secret_hash, hash_secret(secret)):
        return None
    user = token.user
    if (
        Scope.READ not in token.scopes  # every route reads; a token without the scope reads nothing
        or not token.active
        or not user.is_active
        or user.organisation_id != token.organisation_id
        or user.is_auditor
        or user.is_org_admin
    ):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def revoke(token: ApiToken, by) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
