"""The main pages in English never show a US-style date (month before day, m/d/y) or a.m./p.m.:
English reads day month year with a 24-hour clock (samspel/formats/en)."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus
from samspel.activities.tests.factories import at, planned_activity
from samspel.followup.recompute import recompute_case

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
US_STYLE = [
    re.compile(rf"\b({MONTHS}|(?:{SHORT})\.?)\s+\d{{1,2}},?\s+\d{{4}}\b"),  # March 4, 2026
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),  # 3/4/2026
    re.compile(r"\b\d{1,2}(:\d{2})?\s*[ap]\.m\.", re.IGNORECASE),  # 10 a.m.
]
DAY_FIRST = re.compile(rf"\b\d{{1,2}} ({MONTHS}) \d{{4}}\b")


@pytest.fixture
def dated_world(active_case):
    worker = active_case.responsible
    worker.language = "en"
    worker.save(update_fields=["language"])
    Activity.objects.create(
        case=active_case,
        kind="home_visit",
        context="home",
        status=ActivityStatus.HELD,
        held_on=timezone.localdate() - dt.timedelta(days=10),
        created_by=worker,
    )
    start = at(timezone.localdate() + dt.timedelta(days=2), 14, 30)
    activity = planned_activity(active_case, start=start)
    recompute_case(active_case)
    return active_case, activity


def _pages(case, activity):
    family = case.family.public_id
    return {
        "home": reverse("web:home"),
        "worklist": reverse("worklists:mine"),
        "case": reverse("cases:detail", args=[case.public_id]),
        "activities": reverse("activities:list", args=[case.public_id]),
        "activity": reverse("activities:detail", args=[case.public_id, activity.public_id]),
        "week": reverse("calendars:week"),
        "month": reverse("calendars:month"),
        "family": reverse("families:detail", args=[family]),
        "family calendar": reverse("family_calendar:calendar", args=[family]),
    }


def test_no_main_page_shows_a_us_style_date_or_clock(client, dated_world):
    case, activity = dated_world
    client.force_login(case.responsible)
    day_first = 0
    for name, url in _pages(case, activity).items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, name
        text = response.content.decode()
        for pattern in US_STYLE:
            found = pattern.search(text)
            assert found is None, f"{name}: {found.group(0)!r}"
        day_first += len(DAY_FIRST.findall(text))
    assert day_first > 0  # the pages do show dates, day first


def test_the_activity_page_shows_its_time_on_the_24_hour_clock(client, dated_world):
    case, activity = dated_world
    client.force_login(case.responsible)
    url = reverse("activities:detail", args=[case.public_id, activity.public_id])
    assert "14:30" in client.get(url).content.decode()
