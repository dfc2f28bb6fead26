"""Calendar feeds: pages to create, list and revoke them, and the feed itself at
/ical/<token>.ics, which needs no login and answers 404 to any token that does not work."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.calendars.feeds import create_feed, find_feed, revoke_feed
from samspel.calendars.forms import FeedForm
from samspel.calendars.ical import feed_calendar
from samspel.calendars.local_time import render_local
from samspel.calendars.models import CalendarFeed
from samspel.cases.access import require_case_worker
from samspel.cases.family_access import get_family_for_write


def _feed_page(request, feeds, form, family=None, status=200) -> HttpResponse:
    context = {"feeds": feeds, "form": form, "family": family}
    response = render_local(request, "calendars/feeds.html", context)
    response.status_code = status
    return response


def _created_page(request, feed, token, family=None) -> HttpResponse:
    """The address is shown here once; it is stored nowhere, so the page is not cached."""
    url = request.build_absolute_uri(reverse("ical:feed", kwargs={"token": token}))
    context = {"feed": feed, "url": url, "family": family}
    response = render_local(request, "calendars/feed_created.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET"])
@login_required
def my_feeds(request: HttpRequest) -> HttpResponse:
    require_case_worker(request.user)
    feeds = CalendarFeed.objects.filter(owner=request.user)
    return _feed_page(request, feeds, FeedForm())


@require_POST
@login_required
def my_feed_create(request: HttpRequest) -> HttpResponse:
    require_case_worker(request.user)
    form = FeedForm(request.POST)
    if not form.is_valid():
        feeds = CalendarFeed.objects.filter(owner=request.user)
        return _feed_page(request, feeds, form, status=400)
    with transaction.atomic():
        feed, token = create_feed(
            created_by=request.user,
            owner=request.user,
            lifetime=form.lifetime_delta(),
            label=form.cleaned_data["label"],
        )
        record(request, Action.CREATE, feed, owner=str(request.user.public_id))
    return _created_page(request, feed, token)


@require_POST
@login_required
def my_feed_revoke(request: HttpRequest, feed_id) -> HttpResponse:
    require_case_worker(request.user)
    feed = _feed_or_404(CalendarFeed.objects.filter(owner=request.user), feed_id)
    _revoke(request, feed)
    return redirect("calendars:feeds")


@require_http_methods(["GET"])
@login_required
def family_feeds(request: HttpRequest, family_id) -> HttpResponse:
    family = get_family_for_write(request, family_id)
    return _feed_page(request, family.calendar_feeds.all(), FeedForm(), family)


@require_POST
@login_required
def family_feed_create(request: HttpRequest, family_id) -> HttpResponse:
    family = get_family_for_write(request, family_id)
    form = FeedForm(request.POST)
    if not form.is_valid():
        return _feed_page(request, family.calendar_feeds.all(), form, family, status=400)
    with transaction.atomic():
        feed, token = create_feed(
            created_by=request.user,
            family=family,
            lifetime=form.lifetime_delta(),
            label=form.cleaned_data["label"],
        )
        record(request, Action.CREATE, feed, family=str(family.public_id))
    return _created_page(request, feed, token, family)


@require_POST
@login_required
def family_feed_revoke(request: HttpRequest, family_id, feed_id) -> HttpResponse:
    family = get_family_for_write(request, family_id)
    _revoke(request, _feed_or_404(family.calendar_feeds.all(), feed_id))
    return redirect("family_calendar:feeds", family_id=family.public_id)


def _feed_or_404(feeds, feed_id) -> CalendarFeed:
    feed = feeds.filter(public_id=feed_id).first()
    if feed is None:
        raise Http404
    return feed


def _revoke(request: HttpRequest, feed: CalendarFeed) -> None:
    if feed.revoked_at is not None:
        messages.info(request, _("The feed was already revoked."))
        return
    with transaction.atomic():
        revoke_feed(feed, request.user)
        record(request, Action.UPDATE, feed, revoked=True)
    messages.success(request, _("The feed is revoked: its address no longer works."))


@require_http_methods(["GET", "HEAD"])
def ical_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No login: the token is the key. Every fetch is audited with the feed as object, also
    one answered 304 (the calendar program already holds what the feed says).

    Revalidation is by ETag (a hash of the body) only: a Last-Modified would miss an entry
    that leaves the feed, which changes no timestamp."""
    feed = find_feed(token)
    if feed is None:
        raise Http404
    body, count = feed_calendar(feed)
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    organisation = feed.owner.organisation_id if feed.owner else feed.family.organisation_id
    unchanged = get_conditional_response(request, etag=etag)
    record(
        request,
        Action.EXPORT,
        feed,
        organisation_id=organisation,
        format="ical",
        events=count,
        not_modified=unchanged is not None,
    )
    response = unchanged or HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    response["Content-Disposition"] = 'attachment; filename="samspel.ics"'
    # Calendar programs may keep a copy but must revalidate; shared caches keep nothing.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
