"""The chart and its table (the text alternative) give the same numbers, in every language."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.assessments.models import SafetyRating
from samspel.assessments.tests.page_reader import SafetyPage


@pytest.fixture
def ratings(case, parent, child):
    rows = [
        ("worker", None, "Anna Lind", [(dt.date(2026, 1, 10), 3), (dt.date(2026, 2, 7), 5)]),
        ("parent", parent, "", [(dt.date(2026, 1, 10), 6), (dt.date(2026, 2, 7), 6)]),
        ("child", child, "", [(dt.date(2026, 1, 24), 4), (dt.date(2026, 3, 7), 8)]),
    ]
    for role, person, name, values in rows:
        for on, value in values:
            SafetyRating.objects.create(
                case=case, role=role, person=person, name=name, value=value, rated_on=on,
                created_by=case.responsible,
            )  # fmt: skip


def read(client, case) -> SafetyPage:
    url = reverse("assessments:safety", kwargs={"case_id": case.public_id})
    return SafetyPage(client.get(url).content.decode())


def test_the_chart_and_the_table_hold_the_same_values(client, personas, case, ratings):
    client.force_login(personas["worker"])
    page = read(client, case)
    expected = {
        ("Anna Lind (Worker)", "2026-01-10", 3),
        ("Anna Lind (Worker)", "2026-02-07", 5),
        ("Lena Berg (Parent)", "2026-01-10", 6),
        ("Lena Berg (Parent)", "2026-02-07", 6),
        ("Elsa Berg (Child)", "2026-01-24", 4),
        ("Elsa Berg (Child)", "2026-03-07", 8),
    }
    assert sorted(page.chart_points) == sorted(page.table_rows)
    assert set(page.table_rows) == expected
    assert len(page.table_rows) == 6


def test_a_new_rating_reaches_both(client, personas, case, ratings):
    client.force_login(personas["worker"])
    url = reverse("assessments:rating_add", kwargs={"case_id": case.public_id})
    client.post(
        url, {"rating-role": "network", "rating-name": "Mormor", "rating-value": "9",
              "rating-rated_on": "2026-03-08"},
    )  # fmt: skip
    page = read(client, case)
    assert ("Mormor (Network person)", "2026-03-08", 9) in page.chart_points
    assert sorted(page.chart_points) == sorted(page.table_rows)


def test_each_series_has_its_own_marker_and_a_legend(client, personas, case, ratings):
    client.force_login(personas["worker"])
    response = client.get(reverse("assessments:safety", kwargs={"case_id": case.public_id}))
    page, html = SafetyPage(response.content.decode()), response.content.decode()
    assert len(set(page.markers)) == 3
    legend = html[html.index('id="safety-chart-legend"') :]
    for label in ["Anna Lind (Worker)", "Elsa Berg (Child)", "Lena Berg (Parent)"]:
        assert label in legend


def test_the_chart_is_an_accessible_image_without_inline_styles(client, personas, case, ratings):
    client.force_login(personas["worker"])
    html = client.get(reverse("assessments:safety", kwargs={"case_id": case.public_id})).content
    html = html.decode()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" id="safety-chart"') :]
    svg = svg[: svg.index("</svg>")]
    assert 'role="img"' in svg
    assert 'aria-labelledby="safety-chart-title safety-chart-desc"' in svg
    assert '<title id="safety-chart-title">Safety scale over time</title>' in svg
    assert "style=" not in html
    assert "<script" not in html.split("</head>")[1]


@pytest.mark.parametrize("language", ["sv", "da"])
def test_coordinates_are_not_localised(client, personas, case, ratings, language):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    client.force_login(worker)
    page = read(client, case)
    assert page.polylines and len(page.coordinates) > 50
    for line in page.polylines:
        for pair in line.split():
            x, y = pair.split(",")
            float(x), float(y)
    for number in page.coordinates:
        float(number)
    assert sorted(page.chart_points) == sorted(page.table_rows)
