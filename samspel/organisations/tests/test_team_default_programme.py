"""A new team's working model follows the organisation's country (ISSUE10 item 7): the form
offers only the country's programmes and starts on the one most of its active teams run, else
on the country's first (En process i rörelse in Sweden, Sammen om familien in Denmark); the team
list's filter offers only the country's programmes."""

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.accounts.models import Role
from samspel.organisations.models import Jurisdiction, Organisation, Team
from samspel.programmes.choices import default_programme

CREATE, TEAMS = reverse("organisations:team_create"), reverse("organisations:teams")
SWEDISH = ("process-i-rorelse", "bfamily", "fifa", "familjelotsen")


def _selected(html: str) -> list[str]:
    return [key for key in (*SWEDISH, "sammen-om-familien") if f'value="{key}" selected' in html]


@pytest.fixture
def danish_admin(db):
    organisation = Organisation.objects.create(
        name="Ny Kommune", jurisdiction=Jurisdiction.DENMARK, require_second_factor=False
    )
    return make_user(organisation, "dk-admin", Role.ORG_ADMIN)


def test_a_tie_goes_to_the_programme_offered_first(admin, organisation):
    # Team A runs fifa, Team B bfamily: bfamily comes first among the Swedish programmes.
    assert _selected(admin.get(CREATE).text) == ["bfamily"]


def test_the_most_used_programme_is_the_default(admin, organisation):
    Team.objects.create(organisation=organisation, name="Team C", programme="fifa")
    assert _selected(admin.get(CREATE).text) == ["fifa"]


def test_inactive_teams_do_not_count(organisation, team, other_team):
    for number in range(3):
        Team.objects.create(
            organisation=organisation, name=f"Old {number}", programme="fifa", is_active=False
        )
    other_team.programme = "familjelotsen"
    other_team.save()
    Team.objects.filter(pk=team.pk).update(is_active=False)
    assert default_programme(organisation) == "familjelotsen"


def test_a_swedish_organisation_without_teams_starts_on_en_process_i_rorelse(admin, organisation):
    Team.objects.filter(organisation=organisation).update(is_active=False)
    html = admin.get(CREATE).text
    assert _selected(html) == ["process-i-rorelse"]
    assert 'value="sammen-om-familien"' not in html


def test_a_danish_organisation_starts_on_sammen_om_familien(client, danish_admin):
    client.force_login(danish_admin)
    html = client.get(CREATE).text
    assert _selected(html) == ["sammen-om-familien"]
    assert not any(f'value="{key}"' in html for key in SWEDISH)


def test_an_edited_team_keeps_its_own_programme(admin, team):
    html = admin.get(reverse("organisations:team_edit", args=[team.public_id])).text
    assert _selected(html) == ["fifa"]


def test_the_team_list_filters_by_the_countrys_programmes(admin, team, other_team):
    html = admin.get(TEAMS).text
    assert 'value="fifa"' in html and 'value="sammen-om-familien"' not in html
    filtered = admin.get(TEAMS, {"programme": "fifa"}).text
    assert team.name in filtered and other_team.name not in filtered


def test_a_programme_of_the_other_country_filters_nothing_and_says_so(admin, team, other_team):
    html = admin.get(TEAMS, {"programme": "sammen-om-familien"}).text
    assert "Select a valid choice." in html
    assert team.name in html and other_team.name in html


def test_the_team_worklist_filter_offers_only_the_countrys_programmes(client, personas):
    client.force_login(personas["leader"])
    swedish = client.get(reverse("worklists:team")).text
    assert 'value="fifa"' in swedish and 'value="sammen-om-familien"' not in swedish
    danish_team = personas["stranger"].teams.get()
    leader = make_user(
        danish_team.organisation, "dk-leader", Role.TEAM_LEADER, team=danish_team, is_leader=True
    )
    client.force_login(leader)
    danish = client.get(reverse("worklists:team")).text
    assert 'value="sammen-om-familien"' in danish
    assert not any(f'value="{key}"' in danish for key in SWEDISH)
