"""One rule for who leads a team (cases/access.leads_team and its Exists and list forms)."""

from samspel.accounts.models import Role
from samspel.cases.access import leads_team, leads_team_exists, led_teams
from samspel.organisations.models import Membership, Team


def test_the_leader_leads_the_team_and_its_cases(personas, case, team, other_team):
    leader = personas["leader"]
    assert leads_team(leader, team) and leads_team(leader, case)
    assert not leads_team(leader, other_team)
    assert list(led_teams(leader)) == [team]
    assert list(Team.objects.filter(leads_team_exists(leader, "pk"))) == [team]


def test_members_auditors_and_other_organisations_lead_nothing(personas, case, team):
    assert not leads_team(personas["worker"], case)  # a member, not the leader
    auditor = personas["auditor"]
    Membership.objects.create(team=team, user=auditor, is_leader=True)
    assert auditor.role == Role.AUDITOR and not leads_team(auditor, case)
    stranger = personas["stranger"]
    Membership.objects.create(team=team, user=stranger, is_leader=True)  # another organisation's
    assert not leads_team(stranger, team) and list(led_teams(stranger)) == []
