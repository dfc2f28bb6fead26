"""The worker's month: a grid of whole weeks with their activities and links to each week."""

import datetime as dt

from django.urls import reverse

from samspel.audit.models import AuditEvent
from samspel.calendars.tests.conftest import TODAY, at, make_activity

URL = reverse("calendars:month")


def test_rejects_post(login, personas, frozen):
    assert login(personas["worker"]).post(URL).status_code == 405


def test_admin_gets_404(login, personas):
    assert login(personas["admin"]).get(URL).status_code == 404


def test_this_month_by_default(login, personas, case, frozen):
    make_activity(case, at(TODAY, 10))
    body = login(personas["worker"]).get(URL).content.decode()
    assert "November 2026" in body
    assert reverse("cases:detail", args=[case.public_id]) in body
    assert "10:00 Home visit · 2026-0001" in body
    assert "?week=2026-W48" in body
    assert "?month=2026-10" in body and "?month=2026-12" in body


def test_month_grid_includes_the_edges_of_its_weeks(login, personas, case, frozen):
    make_activity(case, at(dt.date(2026, 10, 26), 9))  # Monday before 1 November
    make_activity(case, at(dt.date(2026, 12, 7), 9))  # Monday after the grid
    body = login(personas["worker"]).get(URL, {"month": "2026-11"}).content.decode()
    assert body.count("09:00 Home visit") == 1
    assert "other-month" in body


def test_outsider_sees_an_empty_month(login, personas, case, frozen):
    make_activity(case, at(TODAY, 10))
    body = login(personas["outsider"]).get(URL).content.decode()
    assert case.number not in body


def test_bad_month_falls_back(login, personas, frozen, db):
    body = login(personas["worker"]).get(URL, {"month": "2026-13"}).content.decode()
    assert "That is not a date the calendar knows" in body
    assert "November 2026" in body


def test_audited_as_a_list(login, personas, case, frozen):
    make_activity(case, at(TODAY, 10))
    login(personas["worker"]).get(URL)
    event = AuditEvent.objects.get(object_type="calendars.month")
    assert event.detail["cases"] == [str(case.public_id)]


def test_query_count_pinned(login, personas, case, frozen, django_assert_max_num_queries):
    client = login(personas["worker"])
    for day in range(1, 29):
        make_activity(case, at(dt.date(2026, 11, day), 10))
    # 10: the list's audit event writes its cases' rows too (AuditEventCase)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
