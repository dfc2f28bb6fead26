"""The follow-up part of the case page: open due items with state and reason, the forms for
those who may write, nothing to change for readers or on a closed case."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conftest import translated
from samspel.cases.models import Case, CaseStatus
from samspel.followup.tests.due import due_item

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _page(client, case):
    return client.get(reverse("cases:detail", args=[case.public_id])).content.decode()


def test_open_items_with_state_and_explanation(login, personas, case):
    due_item(case, dt.date(2026, 3, 1))
    due_item(case, dt.date(2026, 3, 14), rule="other:rule", title="Child conversation")
    html = _page(login(personas["worker"]), case)
    assert "Overdue by 9 days" in html and "Due soon: in 4 days" in html
    assert "every 6 weeks because the case holds §50" in html
    assert html.index("Overdue by 9 days") < html.index("Due soon: in 4 days")
    assert reverse("activities:record_held", args=[case.public_id]) in html


def test_the_page_is_translated(login, personas, case):
    personas["worker"].language = "da"
    personas["worker"].save()
    html = _page(login(personas["worker"]), case)
    assert translated("Nothing is due on this case.", "da") in html
    assert translated("Record a held activity", "da") in html


def test_a_reader_sees_the_items_but_no_forms(login, reader, case):
    due_item(case, dt.date(2026, 3, 1))
    html = _page(login(reader), case)
    assert "Overdue by 9 days" in html
    assert reverse("activities:record_held", args=[case.public_id]) not in html
    assert reverse("activities:log_contact", args=[case.public_id]) not in html


def test_a_closed_case_offers_no_recording(login, personas, case):
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=dt.date(2026, 3, 1))
    html = _page(login(personas["worker"]), case)
    assert reverse("activities:record_held", args=[case.public_id]) not in html


def test_a_programme_without_phases_shows_no_phase_panel(login, personas, case):
    assert 'id="phase-heading"' not in _page(login(personas["worker"]), case)
