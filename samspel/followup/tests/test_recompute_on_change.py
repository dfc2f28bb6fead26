"""The real engine behind the changes that trigger a recompute: editing the legal basis,
changing the status and recording a held follow-up (Sammen om familien, DOMAIN.md §3.2)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import set_legal_basis
from samspel.cases.models import Case, CaseStatus
from samspel.followup.models import DueItem

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
RULE = "sammen-om-familien:follow-up"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def danish_case(case, team):
    """The shared case, moved to a Danish organisation running Sammen om familien."""
    organisation = case.organisation
    organisation.jurisdiction = "DK"
    organisation.save()
    team.programme = "sammen-om-familien"
    team.save()
    Case.objects.filter(pk=case.pk).update(
        programme="sammen-om-familien",
        status=CaseStatus.ACTIVE,
        referred_on=dt.date(2026, 1, 2),
        activated_on=dt.date(2026, 1, 5),
    )
    case.refresh_from_db()
    set_legal_basis(case, ["SEL §41", "SEL §42"], recompute=True)
    return case


def follow_up(case):
    return DueItem.objects.get(case=case, rule=RULE)


def _add_measure(client, case, paragraph, on="2026-01-20"):
    data = {"measure-paragraph": paragraph, "measure-decided_on": on, "measure-starts_on": on}
    return client.post(reverse("cases:measure_add", args=[case.public_id]), data)


def _end_measures(client, case, on="2026-01-19"):
    for measure in case.measures.filter(ends_on__isnull=True):
        url = reverse("cases:measure_end", args=[case.public_id, measure.public_id])
        client.post(url, {"end-measure-ends_on": on})


def test_compensation_measures_are_followed_up_every_three_months(danish_case):
    item = follow_up(danish_case)
    assert item.due_on == dt.date(2026, 4, 5)
    assert item.explanation_params  # the reason names the paragraphs and the cadence


def test_adding_section_50_shortens_the_cadence_to_six_weeks(login, personas, danish_case):
    response = _add_measure(login(personas["worker"]), danish_case, "SEL §50")
    assert response.status_code == 302
    assert follow_up(danish_case).due_on == dt.date(2026, 1, 5) + dt.timedelta(weeks=6)


def test_the_new_numbering_gives_the_same_cadence(login, personas, danish_case):
    client = login(personas["worker"])
    _end_measures(client, danish_case)
    _add_measure(client, danish_case, "BL §86")
    _add_measure(client, danish_case, "BL §20")
    assert set(
        danish_case.measures.filter(ends_on__isnull=True).values_list("paragraph", flat=True)
    ) == {"BL §86", "BL §20"}
    assert follow_up(danish_case).due_on == dt.date(2026, 2, 16)


def test_a_held_follow_up_moves_the_item(login, personas, danish_case):
    url = reverse("activities:record_held", kwargs={"case_id": danish_case.public_id})
    data = {
        "held-kind": "follow_up_meeting",
        "held-context": "home",
        "held-held_on": "2026-03-02",
        "held-minutes": "75",
    }
    assert login(personas["worker"]).post(url, data).status_code == 302
    item = follow_up(danish_case)
    assert item.counts_from == dt.date(2026, 3, 2) and item.due_on == dt.date(2026, 6, 2)
    page = login(personas["worker"]).get(reverse("cases:detail", args=[danish_case.public_id]))
    html = page.content.decode()
    assert (
        '<time datetime="2026-06-02">' in html and "Every 3 months because the case holds" in html
    )


def test_closing_the_case_clears_its_items(login, personas, danish_case):
    client = login(personas["worker"])
    url = reverse("cases:status", args=[danish_case.public_id])
    client.post(url, {"status": CaseStatus.CLOSING, "on": "2026-03-01"})
    assert DueItem.objects.filter(case=danish_case).exists()
    client.post(url, {"status": CaseStatus.CLOSED, "on": "2026-03-09", "closing_reason": "moved"})
    assert not DueItem.objects.filter(case=danish_case).exists()
