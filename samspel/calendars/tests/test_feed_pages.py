"""Creating, listing and revoking feeds: the worker's own, and a family's (write access)."""

import datetime as dt
import hashlib
import re

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.calendars.feeds import create_feed
from samspel.calendars.models import CalendarFeed
from samspel.calendars.tests.conftest import NOW

MY_FEEDS = reverse("calendars:feeds")
MY_NEW = reverse("calendars:feed_create")
YEAR = dt.timedelta(days=365)


def family_urls(family):
    kwargs = {"family_id": family.public_id}
    return (
        reverse("family_calendar:feeds", kwargs=kwargs),
        reverse("family_calendar:feed_create", kwargs=kwargs),
    )


def shown_token(response) -> str:
    match = re.search(r"/ical/([A-Za-z0-9_-]{43})\.ics", response.content.decode())
    assert match, "the new feed's address is not on the page"
    return match[1]


def test_create_shows_the_address_once_and_stores_only_a_hash(login, personas, frozen):
    client = login(personas["worker"])
    response = client.post(MY_NEW, {"label": "Work phone", "lifetime": "90"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    token = shown_token(response)
    feed = CalendarFeed.objects.get()
    assert feed.owner == personas["worker"] and feed.family is None
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(CalendarFeed.objects.values().get())
    assert feed.expires_at == NOW + dt.timedelta(days=90)
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(feed.public_id)).exists()
    listing = client.get(MY_FEEDS).content.decode()
    assert "Work phone" in listing and token not in listing


def test_create_rejects_get(login, personas, db):
    assert login(personas["worker"]).get(MY_NEW).status_code == 405


def test_bad_lifetime_creates_nothing(login, personas, frozen):
    response = login(personas["worker"]).post(MY_NEW, {"lifetime": "9999"})
    assert response.status_code == 400
    assert "Choose one of the periods in the list." in response.content.decode()
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("role", ["auditor", "admin"])
def test_no_feeds_for_auditors_and_admins(login, personas, role):
    assert login(personas[role]).get(MY_FEEDS).status_code == 404
    assert login(personas[role]).post(MY_NEW, {"lifetime": "30"}).status_code == 404


def test_list_shows_only_own_feeds(login, personas, frozen):
    create_feed(created_by=personas["buddy"], owner=personas["buddy"], lifetime=YEAR, label="B")
    body = login(personas["worker"]).get(MY_FEEDS).content.decode()
    assert "No feeds yet." in body


def test_revoke_own_feed(login, personas, frozen):
    feed, _token = create_feed(
        created_by=personas["worker"], owner=personas["worker"], lifetime=YEAR
    )
    url = reverse("calendars:feed_revoke", kwargs={"feed_id": feed.public_id})
    client = login(personas["worker"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_at is not None and feed.revoked_by == personas["worker"]
    assert AuditEvent.objects.filter(action=Action.UPDATE, detail__revoked=True).exists()


def test_cannot_revoke_someone_elses_feed(login, personas, frozen):
    feed, _token = create_feed(created_by=personas["buddy"], owner=personas["buddy"], lifetime=YEAR)
    url = reverse("calendars:feed_revoke", kwargs={"feed_id": feed.public_id})
    assert login(personas["worker"]).post(url).status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None


# -- family feeds -------------------------------------------------------------------------


def test_family_feed_created_by_a_writer(login, personas, case, frozen):
    feeds_url, new_url = family_urls(case.family)
    client = login(personas["buddy"])
    assert client.get(feeds_url).status_code == 200
    response = client.post(new_url, {"lifetime": "365"})
    assert response.status_code == 200
    shown_token(response)
    feed = CalendarFeed.objects.get()
    assert feed.family == case.family and feed.owner is None
    assert feed.created_by == personas["buddy"]


def test_family_feeds_need_write_access(login, reader, case, frozen):
    feeds_url, new_url = family_urls(case.family)
    assert login(reader).get(feeds_url).status_code == 403
    assert login(reader).post(new_url, {"lifetime": "365"}).status_code == 403
    assert not CalendarFeed.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "auditor", "admin", "stranger"])
def test_family_feeds_outsiders_404(login, personas, case, role, frozen):
    feeds_url, new_url = family_urls(case.family)
    assert login(personas[role]).get(feeds_url).status_code == 404
    assert login(personas[role]).post(new_url, {"lifetime": "365"}).status_code == 404


def test_family_feed_revoke(login, personas, case, frozen):
    feed, _token = create_feed(created_by=personas["worker"], family=case.family, lifetime=YEAR)
    kwargs = {"family_id": case.family.public_id, "feed_id": feed.public_id}
    url = reverse("family_calendar:feed_revoke", kwargs=kwargs)
    assert login(personas["outsider"]).post(url).status_code == 404
    assert login(personas["worker"]).get(url).status_code == 405
    assert login(personas["buddy"]).post(url).status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_by == personas["buddy"]
