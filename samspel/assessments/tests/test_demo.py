"""The demo mapping: realistic, complete, in the case's language, and safe to run twice."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.assessments.demo import add_demo_mapping, rating_dates
from samspel.assessments.models import Mapping, SafetyRating, StatementCategory
from samspel.assessments.tests.page_reader import SafetyPage
from samspel.cases.models import Case
from samspel.families.models import Family

TODAY = dt.date(2026, 6, 1)


@time_machine.travel(TODAY)
def test_builds_a_mapping_with_every_category_and_three_raters(case, personas):
    mapping = add_demo_mapping(case, personas["worker"])
    assert mapping.case == case and mapping.held_by == personas["worker"]
    categories = set(mapping.statements.values_list("category", flat=True))
    assert categories == set(StatementCategory.values)
    ratings = SafetyRating.objects.filter(case=case)
    raters = {r.participant_key for r in ratings}
    assert len(raters) == 3
    assert {r.role for r in ratings} == {"worker", "parent", "child"}
    dates = sorted({r.rated_on for r in ratings})
    assert len(dates) >= 3
    assert dates[0] >= case.referred_on and dates[-1] <= TODAY
    assert all(0 <= r.value <= 10 for r in ratings)
    assert "Elsa" in " ".join(mapping.statements.values_list("text", flat=True))


@time_machine.travel(TODAY)
def test_running_it_twice_changes_nothing(case, personas):
    first = add_demo_mapping(case, personas["worker"])
    counts = (Mapping.objects.count(), SafetyRating.objects.count(), first.statements.count())
    again = add_demo_mapping(case, personas["worker"])
    assert again == first
    assert (
        Mapping.objects.count(),
        SafetyRating.objects.count(),
        first.statements.count(),
    ) == counts


@time_machine.travel(TODAY)
def test_a_danish_case_gets_danish_statements(other_organisation, personas):
    stranger = personas["stranger"]
    family = Family.objects.create(organisation=other_organisation, name="Familien Holm")
    case = Case.objects.create(
        organisation=other_organisation, number="2026-0009", family=family,
        programme="sammen-om-familien", team=stranger.teams.get(), responsible=stranger,
        referred_on=dt.date(2026, 5, 1),
    )  # fmt: skip
    mapping = add_demo_mapping(case, stranger)
    texts = " ".join(mapping.statements.values_list("text", flat=True))
    assert "barnet" in texts and "forælderen" in texts  # no persons: the fallback words
    assert "aflastning" in texts
    assert {r.role for r in SafetyRating.objects.filter(case=case)} == {"worker"}


@time_machine.travel(TODAY)
def test_the_demo_page_renders_chart_and_table_alike(client, case, personas):
    add_demo_mapping(case, personas["worker"])
    client.force_login(personas["worker"])
    url = reverse("assessments:safety", kwargs={"case_id": case.public_id})
    page = SafetyPage(client.get(url).content.decode())
    assert len(page.table_rows) == SafetyRating.objects.count()
    assert sorted(page.chart_points) == sorted(page.table_rows)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (dt.date(2026, 6, 1), [dt.date(2026, 6, 1)]),
        (
            dt.date(2026, 5, 29),
            [dt.date(2026, 5, 29), dt.date(2026, 5, 30), dt.date(2026, 5, 31), TODAY],
        ),
        (
            dt.date(2026, 3, 9),
            [dt.date(2026, 3, 9), dt.date(2026, 4, 6), dt.date(2026, 5, 4), TODAY],
        ),
    ],
)
def test_rating_dates_spread_from_start_to_today(start, expected):
    assert rating_dates(start, TODAY) == expected
