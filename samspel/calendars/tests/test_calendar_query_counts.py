"""The worker's week and month ask the same number of queries whatever the amount of data:
pinned with a small and a larger organisation (more cases, colleagues, participants, held
activities with only a date)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.calendars.tests.conftest import TODAY, at, make_activity, take_part
from samspel.cases.models import Case

PAGES = [reverse("calendars:week"), reverse("calendars:month")]


def _more_data(case, personas, cases: int) -> None:
    """`cases` more cases of the worker and of a colleague, each with activities this week:
    planned, held with only a date, and taken part in by the worker or by the colleague."""
    for i in range(cases):
        for responsible in (personas["worker"], personas["buddy"]):
            other = Case.objects.create(
                organisation=case.organisation,
                number=f"2026-{responsible.pk}-{i:04d}",
                family=case.family,
                programme=case.programme,
                team=case.team,
                responsible=responsible,
            )
            make_activity(other, at(TODAY, 9 + i % 8))
            held = make_activity(other, None, minutes=0, status=ActivityStatus.HELD)
            held.planned_start, held.held_on = None, TODAY - dt.timedelta(days=1)
            held.save(update_fields=["planned_start", "held_on"])
            take_part(make_activity(other, at(TODAY, 14)), personas["buddy"])


def _page_queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_cases_and_activities(login, personas, case, frozen, url):
    make_activity(case, at(TODAY, 10))
    client = login(personas["worker"])
    client.get(url)  # the first request of a session loads and caches more
    small, _html = _page_queries(client, url)
    _more_data(case, personas, cases=12)
    large, html = _page_queries(client, url)
    assert large == small
    # The larger calendar shows the worker's own new rows, not the colleague's.
    assert html.count("2026-" + str(personas["worker"].pk) + "-") >= 12
    assert "2026-" + str(personas["buddy"].pk) + "-" not in html
