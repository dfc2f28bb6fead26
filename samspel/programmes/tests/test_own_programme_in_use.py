"""An organisation's own programme can be chosen for a team and a case, and the engine, the
phase panel and the worklists run it; another organisation's own programme is refused."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from samspel.cases.models import Case, CaseStatus
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case
from samspel.organisations.models import Team
from samspel.programmes.choices import base_programme, programme_choices, programme_name
from samspel.programmes.models import OrganisationProgramme

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
PLACED = dt.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def own_team(team, own_programme):
    team.programme = own_programme.key
    team.save()
    return team


def _case_data(child, team, worker, **changes):
    data = {
        "focus_children": [child.pk],
        "programme": team.programme,
        "team": team.pk,
        "responsible": worker.pk,
        "referred_on": "2026-03-01",
    }
    data.update(changes)
    return data


def test_choices_are_the_built_in_ones_and_the_organisations_own(
    organisation, own_programme, foreign_programme
):
    OrganisationProgramme.objects.create(
        organisation=organisation, key="vilande", name="Vilande", based_on="fifa", is_active=False
    )
    keys = [key for key, _name in programme_choices(organisation.pk)]
    # The Swedish organisation is offered the Swedish built-in programmes, then its own.
    assert keys[:4] == ["process-i-rorelse", "bfamily", "fifa", "familjelotsen"]
    assert keys[4:] == ["tata-fosterhem"]
    assert "vilande" in dict(programme_choices(organisation.pk, keep="vilande"))
    assert programme_name(organisation.pk, "tata-fosterhem") == "Täta fosterhem"
    assert programme_name(organisation.pk, "egen-model") == "egen-model"
    assert base_programme(organisation.pk, "tata-fosterhem") == "process-i-rorelse"
    assert base_programme(organisation.pk, "egen-model") == "egen-model"


def test_each_country_is_offered_its_own_built_in_programmes(organisation, other_organisation):
    """A Danish organisation sees no Swedish working model and the reverse (DOMAIN.md §8); a
    team or case already on the other country's programme keeps it as a choice."""
    danish = [key for key, _name in programme_choices(other_organisation)]
    assert danish == ["sammen-om-familien"]
    swedish = dict(programme_choices(organisation.pk))
    assert "sammen-om-familien" not in swedish
    assert "sammen-om-familien" in dict(programme_choices(organisation, keep="sammen-om-familien"))


def test_admin_puts_a_team_on_the_organisations_own_programme(
    client, personas, login, own_programme
):
    login(personas["admin"])
    page = client.get(reverse("organisations:team_create"))
    assert 'value="tata-fosterhem"' in page.text
    assert 'value="egen-model"' not in page.text
    data = {"name": "Team C", "programme": "tata-fosterhem", "is_active": "on"}
    assert client.post(reverse("organisations:team_create"), data).status_code == 302
    team = Team.objects.get(name="Team C")
    assert team.programme == "tata-fosterhem"
    assert team.get_programme_display() == "Täta fosterhem"
    listing = client.get(reverse("organisations:teams"))
    assert "Täta fosterhem" in listing.text


def test_another_organisations_programme_is_refused_for_a_team(
    client, personas, login, foreign_programme
):
    login(personas["admin"])
    data = {"name": "Team C", "programme": foreign_programme.key, "is_active": "on"}
    response = client.post(reverse("organisations:team_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["programme"]
    assert not Team.objects.filter(name="Team C").exists()


def test_a_case_on_the_own_programme_gets_due_items_from_its_rules(
    client, personas, child, own_team, family
):
    client.force_login(personas["worker"])
    url = f"/cases/new/{family.public_id}/"
    page = client.get(url)
    assert 'value="tata-fosterhem"' in page.text
    response = client.post(url, _case_data(child, own_team, personas["worker"]))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.programme == "tata-fosterhem"
    assert case.get_programme_display() == "Täta fosterhem"
    case.status = CaseStatus.ACTIVE
    case.activated_on = dt.date(2026, 3, 1)
    case.placement_started_on = PLACED
    case.save()
    recompute_case(case)
    item = DueItem.objects.get(case=case, rule="process-i-rorelse:weekly-follow-up")
    assert item.due_on == PLACED + dt.timedelta(days=10)  # the own programme's 10 days, not 7
    assert item.programme == "tata-fosterhem"
    detail = client.get(reverse("cases:detail", args=[case.public_id]))
    assert "Täta fosterhem" in detail.text
    assert "Weekly follow-up" in detail.text


def test_another_organisations_programme_is_refused_for_a_case(
    client, personas, child, team, family, foreign_programme
):
    client.force_login(personas["worker"])
    data = _case_data(child, team, personas["worker"], programme=foreign_programme.key)
    response = client.post(f"/cases/new/{family.public_id}/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Case.objects.exists()


def test_a_case_on_an_own_bfamily_programme_has_its_phases(organisation, case, team, personas):
    OrganisationProgramme.objects.create(
        organisation=organisation, key="var-bfamily", name="Vår B'family", based_on="bfamily"
    )
    team.programme = case.programme = "var-bfamily"
    team.save()
    case.status = CaseStatus.ACTIVE
    case.activated_on = dt.date(2026, 1, 1)
    case.save()
    recompute_case(case)
    assert DueItem.objects.filter(case=case, rule="bfamily:phase").exists()
    viewer = Client()
    viewer.force_login(personas["worker"])
    page = viewer.get(reverse("cases:detail", args=[case.public_id]))
    assert "Uppstart" in page.text


def test_the_team_worklist_filters_by_the_own_programme(client, personas, case, own_team):
    case.programme = own_team.programme
    case.status = CaseStatus.ACTIVE
    case.activated_on = dt.date(2026, 3, 1)
    case.placement_started_on = PLACED
    case.save()
    recompute_case(case)
    client.force_login(personas["leader"])
    page = client.get(reverse("worklists:team"), {"programme": "tata-fosterhem"})
    assert page.status_code == 200
    assert page.context["form"].is_valid()
    assert case.number in page.text
