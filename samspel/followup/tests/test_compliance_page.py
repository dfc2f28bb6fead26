"""The team leader's compliance page: a chart and a table with the same monthly numbers."""

import datetime as dt
import re

import pytest
import time_machine

from samspel.followup.tests.due import NOW, another_case, period

URL = "/worklist/team/compliance/"


def test_rejects_the_wrong_method(login, personas):
    assert login(personas["leader"]).post(URL).status_code == 405


@pytest.mark.parametrize("persona", ["worker", "buddy", "outsider", "auditor", "admin", "stranger"])
def test_only_team_leaders_get_in(login, personas, persona):
    assert login(personas[persona]).get(URL).status_code == 404


def _table(page):
    rows = re.findall(r'<tr data-month="([\d-]+)">(.*?)</tr>', page, re.S)
    return {month: re.findall(r'<td class="number">(.*?)</td>', body) for month, body in rows}


@time_machine.travel(NOW, tick=False)
def test_chart_and_table_show_the_same_months(login, personas, case, other_organisation):
    period(case, dt.date(2026, 10, 5), dt.date(2026, 10, 5))
    period(case, dt.date(2026, 10, 20), dt.date(2026, 10, 22))
    period(case, dt.date(2026, 10, 30))
    period(case, dt.date(2026, 9, 1), dt.date(2026, 8, 30))
    period(case, dt.date(2025, 11, 30), dt.date(2025, 11, 30))  # thirteen months ago
    page = login(personas["leader"]).get(URL).content.decode()
    table = _table(page)
    assert list(table)[0] == "2025-12" and list(table)[-1] == "2026-11"
    assert len(table) == 12
    assert table["2026-10"] == ["3", "1", "33%"]
    assert table["2026-09"] == ["1", "1", "100%"]
    assert table["2026-08"] == ["0", "0", "—"]
    assert "Due that month" in page
    chart = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in chart and "<title" in chart and "style=" not in chart
    assert 'data-month="2026-10" data-percent="33"' in chart
    assert 'data-month="2026-09" data-percent="100"' in chart
    assert 'data-month="2026-08" data-percent=""' in chart
    assert "<script" not in page.split("</head>")[1]


@time_machine.travel(NOW, tick=False)
def test_only_the_led_teams_count(login, personas, case, other_team, other_organisation):
    period(case, dt.date(2026, 10, 5), dt.date(2026, 10, 5))
    other = another_case(case, "2026-0002", team=other_team, responsible=personas["outsider"])
    period(other, dt.date(2026, 10, 5))
    foreign = another_case(
        case,
        "2026-0900",
        organisation=other_organisation,
        team=personas["stranger"].teams.get(),
        responsible=personas["stranger"],
        buddy=None,
    )
    period(foreign, dt.date(2026, 10, 6))
    table = _table(login(personas["leader"]).get(URL).content.decode())
    assert table["2026-10"] == ["1", "1", "100%"]


@time_machine.travel(NOW, tick=False)
def test_query_count_is_pinned(login, personas, case, django_assert_max_num_queries):
    for day in range(1, 29):
        period(case, dt.date(2026, 6, day), dt.date(2026, 6, day) if day % 2 else None)
    client = login(personas["leader"])
    # Seven are the middleware's; then the led teams and the periods.
    with django_assert_max_num_queries(9):
        page = client.get(URL).content.decode()
    assert _table(page)["2026-06"] == ["28", "14", "50%"]


@time_machine.travel(NOW, tick=False)
def test_a_period_counts_by_its_case_not_by_its_copied_team(login, personas, case, other_team):
    """The page starts from the cases of the led teams (cases/access.team_cases): a period whose
    copied team column claims the led team while its case is another team's stays out."""
    period(case, dt.date(2026, 10, 5), dt.date(2026, 10, 5))
    other = another_case(case, "2026-0002", team=other_team, responsible=personas["outsider"])
    stray = period(other, dt.date(2026, 10, 6))
    stray.team_id = case.team_id
    stray.save(update_fields=["team_id"])
    table = _table(login(personas["leader"]).get(URL).content.decode())
    assert table["2026-10"] == ["1", "1", "100%"]
