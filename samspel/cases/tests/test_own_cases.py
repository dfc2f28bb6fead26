"""`own_cases` and `team_cases` read the cases a user is responsible or buddy for, and the cases
of the teams the user leads, without the union of `cases_for_user`; they must give exactly that
union's cases with the same filter, for every kind of user, including rows that break the rules
(a case of another organisation naming the user, an auditor named responsible, a leader of a
team of another organisation)."""

import pytest
from django.db.models import Q

from samspel.cases.access import cases_for_user, leader_memberships, own_cases, team_cases
from samspel.cases.models import Case, CaseStatus
from samspel.families.models import Family
from samspel.organisations.models import Membership, Team


@pytest.fixture
def cases(case, open_case, organisation, other_organisation, team, personas):
    closed = Case.objects.create(
        organisation=organisation,
        number="2026-0003",
        family=open_case.family,
        programme=team.programme,
        team=team,
        responsible=personas["leader"],
        buddy=personas["outsider"],
        status=CaseStatus.CLOSED,
    )
    elsewhere_family = Family.objects.create(
        organisation=other_organisation, name="Familien Holm", created_by=personas["stranger"]
    )
    elsewhere = Case.objects.create(
        organisation=other_organisation,
        number="2026-0004",
        family=elsewhere_family,
        programme="sammen-om-familien",
        team=Team.objects.get(organisation=other_organisation),
        responsible=personas["stranger"],
        buddy=personas["worker"],  # not possible through the forms
    )
    audited = Case.objects.create(
        organisation=organisation,
        number="2026-0005",
        family=case.family,
        programme=team.programme,
        team=team,
        responsible=personas["auditor"],  # not possible through the forms
        buddy=personas["admin"],
    )
    return [case, open_case, closed, elsewhere, audited]


@pytest.mark.parametrize(
    "persona", ["worker", "buddy", "leader", "outsider", "auditor", "admin", "stranger"]
)
def test_own_cases_are_the_readable_cases_the_user_is_responsible_or_buddy_for(
    cases, personas, persona
):
    user = personas[persona]
    expected = set(
        cases_for_user(user)
        .filter(Q(responsible=user) | Q(buddy=user))
        .values_list("pk", flat=True)
    )
    assert set(own_cases(user).values_list("pk", flat=True)) == expected
    if persona == "worker":
        assert expected == {cases[0].pk, cases[1].pk}
    if persona in ("auditor", "stranger"):
        assert not expected if persona == "auditor" else expected == {cases[3].pk}


PERSONAS = ["worker", "buddy", "leader", "outsider", "auditor", "admin", "stranger"]


@pytest.fixture
def leaders(cases, personas, organisation, other_organisation, team):
    """Beside the leader: the auditor and the worker marked leader of teams (the auditor's not
    possible through the forms), and the stranger marked leader of a team of the other
    organisation as well as of its own."""
    own_team = team
    second = Team.objects.create(
        organisation=organisation, name="Team Väst", programme=own_team.programme
    )
    Case.objects.filter(pk=cases[2].pk).update(team=second)
    Membership.objects.create(team=second, user=personas["auditor"], is_leader=True)
    Membership.objects.create(team=second, user=personas["worker"], is_leader=True)
    elsewhere = Team.objects.get(organisation=other_organisation)
    Membership.objects.get_or_create(
        team=elsewhere, user=personas["stranger"], defaults={"is_leader": True}
    )
    Membership.objects.create(team=own_team, user=personas["stranger"], is_leader=True)
    return {"own": own_team, "second": second}


@pytest.mark.parametrize("persona", PERSONAS)
def test_team_cases_are_the_readable_cases_of_the_led_teams(cases, leaders, personas, persona):
    user = personas[persona]
    led = leader_memberships(user).values("team_id")
    expected = set(cases_for_user(user).filter(team_id__in=led).values_list("pk", flat=True))
    assert set(team_cases(user).values_list("pk", flat=True)) == expected
    for team in leaders.values():
        one = set(
            cases_for_user(user).filter(team_id__in=led, team=team).values_list("pk", flat=True)
        )
        assert set(team_cases(user, team).values_list("pk", flat=True)) == one
    if persona == "leader":
        assert expected == {cases[0].pk, cases[1].pk, cases[4].pk}
    if persona == "worker":
        assert expected == {cases[2].pk}
    if persona in ("auditor", "admin", "outsider"):
        assert not expected
