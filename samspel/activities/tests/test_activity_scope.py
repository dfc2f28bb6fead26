"""An activity is reached only under its own case's URL: a valid activity id of another case
(even one the same worker works on) is 404 on every activity page, and nothing changes."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import set_legal_basis
from samspel.activities.models import ActivityStatus
from samspel.activities.tests.factories import planned_activity
from samspel.cases.models import Case
from samspel.families.models import Family


@pytest.fixture
def other_activity(active_case, personas):
    family = Family.objects.create(
        organisation=active_case.organisation, name="Familjen Ek", created_by=personas["worker"]
    )
    other = Case.objects.create(
        organisation=active_case.organisation,
        number="2026-0002",
        family=family,
        programme=active_case.programme,
        team=active_case.team,
        responsible=personas["worker"],
        referred_on=dt.date(2026, 1, 2),
    )
    set_legal_basis(other, ["SoL 4:1"])
    return planned_activity(other)


@pytest.mark.parametrize("name", ["detail", "edit", "cancel", "held"])
def test_an_activity_of_another_case_is_404(login, personas, active_case, other_activity, name):
    url = reverse(f"activities:{name}", args=[active_case.public_id, other_activity.public_id])
    client = login(personas["worker"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "Sjuk", "held_on": "2026-03-09"}).status_code in (404, 405)
    other_activity.refresh_from_db()
    assert other_activity.status == ActivityStatus.PLANNED and other_activity.sequence == 0
