"""Creating, finding and revoking calendar feeds. The token is shown once and never stored:
only its SHA-256 hash is, so a leaked database does not leak working feed addresses."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

from samspel.calendars.models import CalendarFeed, hash_token, new_token
from samspel.cases.family_access import families_for_user

TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


def create_feed(*, created_by, lifetime: dt.timedelta, owner=None, family=None, label=""):
    """A new feed and its token (to show once)."""
    token = new_token()
    feed = CalendarFeed.objects.create(
        owner=owner,
        family=family,
        label=label,
        token_hash=hash_token(token),
        created_by=created_by,
        expires_at=timezone.now() + lifetime,
    )
    return feed, token


def revoke_feed(feed: CalendarFeed, user) -> None:
    feed.revoked_at = timezone.now()
    feed.revoked_by = user
    feed.save(update_fields=["revoked_at", "revoked_by"])


def _still_allowed(feed: CalendarFeed) -> bool:
    """A feed answers only while the people behind it still could read it themselves."""
    owner = feed.owner
    if owner is not None:
        return owner.is_active and owner.organisation_id is not None and not owner.is_auditor
    creator, family = feed.created_by, feed.family
    return (
        family is not None
        and creator.is_active
        and families_for_user(creator).filter(pk=family.pk).exists()
    )


def find_feed(token: str) -> CalendarFeed | None:
    """The usable feed behind a token, or None (malformed, unknown, expired, revoked)."""
    if not TOKEN.match(token or ""):
        return None
    feed = (
        CalendarFeed.objects.usable()
        .select_related("owner__organisation", "family__organisation", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if feed is None or not _still_allowed(feed):
        return None
    return feed
