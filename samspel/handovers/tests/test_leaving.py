"""A worker leaving: the team leader hands all their open cases over in one step, one
handover per case and role, each waiting for its own new worker."""

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.cases.models import Case
from samspel.handovers.models import Handover, State

LEAVING = reverse("team_handovers:leaving")


@pytest.fixture
def colleague(organisation, team):
    return make_user(organisation, "colleague", team=team)


def test_all_of_a_leavers_cases_in_one_step(client, login, personas, case, colleague):
    buddy_case = Case.objects.create(
        organisation=case.organisation, number="2026-0050", family=case.family,
        programme=case.programme, team=case.team, responsible=personas["buddy"],
        buddy=personas["worker"],
    )  # fmt: skip
    login(personas["leader"])
    query = {"worker": personas["worker"].public_id}
    page = client.get(LEAVING, query)
    assert [row.case for row in page.context["rows"]] == [case, buddy_case]
    data = {
        f"to-{case.public_id}": colleague.public_id,
        f"to-{buddy_case.public_id}": colleague.public_id,
    }
    response = client.post(f"{LEAVING}?worker={personas['worker'].public_id}", data)
    assert response.status_code == 302
    handovers = Handover.objects.order_by("case__number")
    assert [(h.case, h.kind, h.to_user, h.state) for h in handovers] == [
        (case, "responsible", colleague, State.WAITING),
        (buddy_case, "buddy", colleague, State.WAITING),
    ]
    assert all(h.goals is not None for h in handovers)
    case.refresh_from_db()
    assert case.responsible == personas["worker"]  # until the new worker accepts


@pytest.mark.parametrize("persona", ["worker", "outsider", "auditor", "admin", "stranger"])
def test_only_a_team_leader(client, login, personas, persona, case):
    login(personas[persona])
    assert client.get(LEAVING, {"worker": personas["worker"].public_id}).status_code == 404


def test_a_worker_outside_the_leaders_teams_or_a_missing_choice(client, login, personas, case):
    login(personas["leader"])
    assert client.get(LEAVING, {"worker": personas["stranger"].public_id}).status_code == 404
    assert client.get(LEAVING, {"worker": "not-an-id"}).status_code == 404
    response = client.post(f"{LEAVING}?worker={personas['worker'].public_id}", {})
    assert response.status_code == 400 and not Handover.objects.exists()
