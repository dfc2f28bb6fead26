"""Saving programme settings recomputes the organisation's open cases (the real engine)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem
from samspel.followup.recompute import facts_for_case, recompute_case
from samspel.programmes.definitions import Duration
from samspel.programmes.models import ProgrammeSettings

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
PLACED = dt.date(2026, 3, 2)
RULE = "process-i-rorelse:weekly-follow-up"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def foster_case(case, team):
    team.programme = "process-i-rorelse"
    team.save()
    case.programme = "process-i-rorelse"
    case.status = CaseStatus.ACTIVE
    case.referred_on = case.activated_on = dt.date(2026, 3, 1)
    case.placement_started_on = PLACED
    case.save()
    recompute_case(case)
    return case


def due(case):
    return DueItem.objects.get(case=case, rule=RULE).due_on


def post_weekly(admin, key, amount, unit):
    page = admin.get(reverse("programmes:settings", args=[key]))
    form = page.context["form"]
    data = {name: str(field.initial) for name, field in form.fields.items()}
    names = form.names_for("weekly-follow-up.every")
    data[names[0]], data[names[1]] = str(amount), unit
    return admin.post(reverse("programmes:settings", args=[key]), data)


def test_changing_an_unlocked_cadence_moves_the_due_date(admin, foster_case):
    assert due(foster_case) == PLACED + dt.timedelta(weeks=1)
    assert post_weekly(admin, "process-i-rorelse", 2, "weeks").status_code == 302
    assert due(foster_case) == PLACED + dt.timedelta(weeks=2)


def test_closed_cases_and_other_organisations_are_left_alone(admin, foster_case):
    foster_case.status = CaseStatus.CLOSED
    foster_case.closed_on = dt.date(2026, 3, 9)
    foster_case.save()
    before = list(DueItem.objects.values_list("case_id", "rule", "due_on"))
    assert post_weekly(admin, "process-i-rorelse", 2, "weeks").status_code == 302
    assert list(DueItem.objects.values_list("case_id", "rule", "due_on")) == before


def test_a_case_on_an_own_programme_runs_its_base_with_its_values(
    admin, foster_case, own_programme
):
    foster_case.programme = own_programme.key
    foster_case.save()
    facts = facts_for_case(foster_case)
    assert facts.programme.key == "process-i-rorelse"
    assert facts.programme.rule("weekly-follow-up").every == Duration(10, "days")
    recompute_case(foster_case)
    assert due(foster_case) == PLACED + dt.timedelta(days=10)
    assert post_weekly(admin, own_programme.key, 3, "weeks").status_code == 302
    assert due(foster_case) == PLACED + dt.timedelta(weeks=3)
    assert not ProgrammeSettings.objects.exists()


def test_the_organisations_values_are_read_once_per_batch(foster_case, other_organisation):
    ProgrammeSettings.objects.create(
        organisation=foster_case.organisation,
        programme="process-i-rorelse",
        overrides={"weekly-follow-up.every": {"days": 4}},
    )
    ProgrammeSettings.objects.create(
        organisation=other_organisation,
        programme="process-i-rorelse",
        overrides={"weekly-follow-up.every": {"days": 20}},
    )
    weekly = facts_for_case(foster_case).programme.rule("weekly-follow-up")
    assert weekly.every == Duration(4, "days")
    recompute_case(foster_case)
    assert due(foster_case) == PLACED + dt.timedelta(days=4)
