"""`own_cases` reads the cases a user is responsible or buddy for without the union of
`cases_for_user`; it must give exactly that union's cases with the same filter, for every kind
of user, including rows that break the rules (a case of another organisation naming the user,
an auditor named responsible)."""

import pytest
from django.db.models import Q

from samspel.cases.access import cases_for_user, own_cases
from samspel.cases.models import Case, CaseStatus
from samspel.families.models import Family
from samspel.organisations.models import Team


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
