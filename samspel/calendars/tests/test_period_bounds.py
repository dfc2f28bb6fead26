"""The calendars' ?week= and ?month= within the calendar's bounds (samspel.bounds.CALENDAR):
a week or month outside them shows the present with a translated message, never a 500."""

import pytest
from django.urls import reverse

from conftest import translated

UNKNOWN = "That is not a date the calendar knows; it shows the present instead."
FAR_WEEKS = ["0001-W01", "1899-W52", "9999-W52", "2032-W10"]
FAR_MONTHS = ["0001-01", "1899-12", "9999-12", "2032-01"]


@pytest.fixture
def swedish(login, personas):
    worker = personas["worker"]
    worker.language = "sv"
    worker.save(update_fields=["language"])
    return login(worker)


@pytest.mark.parametrize("week", FAR_WEEKS)
def test_a_week_outside_the_calendar_shows_this_week(swedish, frozen, week):
    response = swedish.get(reverse("calendars:week"), {"week": week})
    assert response.status_code == 200
    assert translated(UNKNOWN, "sv") in response.content.decode()
    assert response.context["period"].first.isocalendar()[:2] == (2026, 48)


@pytest.mark.parametrize("month", FAR_MONTHS)
def test_a_month_outside_the_calendar_shows_this_month(swedish, frozen, month):
    response = swedish.get(reverse("calendars:month"), {"month": month})
    assert response.status_code == 200
    assert translated(UNKNOWN, "sv") in response.content.decode()
    assert response.context["first"].isoformat() == "2026-11-01"


@pytest.mark.parametrize("week", FAR_WEEKS)
def test_a_family_calendar_week_outside_the_calendar_shows_this_week(swedish, case, frozen, week):
    url = reverse("family_calendar:calendar", kwargs={"family_id": case.family.public_id})
    response = swedish.get(url, {"week": week})
    assert response.status_code == 200
    assert translated(UNKNOWN, "sv") in response.content.decode()


@pytest.mark.parametrize(("week", "month"), [("1900-W02", "1900-01"), ("2031-W46", "2031-11")])
def test_the_edges_of_the_calendar_are_shown(login, personas, frozen, week, month):
    client = login(personas["worker"])
    for name, query in [("calendars:week", {"week": week}), ("calendars:month", {"month": month})]:
        response = client.get(reverse(name), query)
        assert response.status_code == 200
        assert UNKNOWN not in response.content.decode()
