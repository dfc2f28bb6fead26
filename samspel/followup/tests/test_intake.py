"""Intake and assignment (issue 12, item 1): a referral registered without a responsible worker
waits in its team's intake queue; the team leader assigns a worker of the team and a buddy,
each shown with their caseload (responsible and buddy cases against the reference figure)."""

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case
from samspel.followup.models import DueItem

INTAKE = reverse("worklists:intake")


@pytest.fixture
def referral(case):
    Case.objects.filter(pk=case.pk).update(responsible=None, buddy=None)
    case.refresh_from_db()
    return case


def assign(client, case, **data):
    prefix = f"case-{case.public_id}"
    fields = {f"{prefix}-{name}": value for name, value in data.items()}
    return client.post(reverse("worklists:assign", args=[case.public_id]), fields)


def test_a_worker_registers_a_referral_for_the_team_leader(client, login, personas, family, child):
    login(personas["worker"])
    response = client.post(
        reverse("cases:create", args=[family.public_id]),
        {
            "focus_children": [child.pk],
            "programme": "fifa",
            "team": personas["worker"].teams.first().pk,
            "responsible": "",
            "buddy": "",
            "referred_on": "2026-11-30",
        },
    )
    case = Case.objects.get()
    assert case.responsible is None
    assert response.status_code == 302 and response["Location"] == reverse("cases:list")
    login(personas["leader"])
    page = client.get(INTAKE)
    assert [row["case"] for row in page.context["rows"]] == [case]


def test_the_leader_sees_caseloads_and_assigns(client, login, personas, referral):
    login(personas["leader"])
    page = client.get(INTAKE).content.decode()
    assert "Worker Testsson — 0 responsible, 0 buddy (reference 24)" in page
    response = assign(
        client, referral, responsible=personas["worker"].pk, buddy=personas["buddy"].pk
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.responsible, referral.buddy) == (personas["worker"], personas["buddy"])
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(referral.public_id))
    assert event.detail["assigned"] is True
    assert set(DueItem.objects.filter(case=referral).values_list("responsible_id", flat=True)) <= {
        personas["worker"].pk
    }
    assert client.get(INTAKE).context["rows"] == []
    # The assigned worker now sees the case; the caseload counts it.
    login(personas["worker"])
    assert client.get(reverse("cases:detail", args=[referral.public_id])).status_code == 200
    login(personas["leader"])
    Case.objects.create(
        organisation=referral.organisation, number="2026-0002", family=referral.family,
        programme=referral.programme, team=referral.team, responsible=None,
    )  # fmt: skip
    assert "Worker Testsson — 1 responsible, 0 buddy" in client.get(INTAKE).content.decode()


@pytest.mark.parametrize(
    ("who", "buddy"),
    [("outsider", None), ("stranger", None), ("worker", "worker"), (None, "buddy")],
)
def test_a_choice_outside_the_team_or_twice_the_same_changes_nothing(
    client, login, personas, referral, who, buddy
):
    login(personas["leader"])
    data = {"responsible": personas[who].pk if who else ""}
    if buddy:
        data["buddy"] = personas[buddy].pk
    response = assign(client, referral, **data)
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    referral.refresh_from_db()
    assert referral.responsible is None


@pytest.mark.parametrize("persona", ["worker", "outsider", "auditor", "admin", "stranger"])
def test_only_the_team_leader_has_the_queue(client, login, personas, referral, persona):
    login(personas[persona])
    assert client.get(INTAKE).status_code == 404
    assert assign(client, referral, responsible=personas["worker"].pk).status_code in (403, 404)
    referral.refresh_from_db()
    assert referral.responsible is None


def test_an_assigned_case_is_not_in_the_queue_and_cannot_be_assigned_again(
    client, login, personas, case
):
    login(personas["leader"])
    assert client.get(INTAKE).context["rows"] == []
    assert assign(client, case, responsible=personas["buddy"].pk).status_code == 403
    case.refresh_from_db()
    assert case.responsible == personas["worker"]


@pytest.mark.parametrize("posted", ["", "buddy"])
def test_the_edit_form_does_not_change_who_holds_the_case(client, login, personas, case, posted):
    """Emptied or changed in the edit form, the responsible worker and the buddy stay: the case
    changes hands by a handover only."""
    login(personas["worker"])
    response = client.post(
        reverse("cases:edit", args=[case.public_id]),
        {
            "focus_children": [c.pk for c in case.focus_children.all()],
            "programme": case.programme,
            "team": case.team_id,
            "responsible": personas[posted].pk if posted else "",
            "buddy": personas["leader"].pk,
            "referred_on": case.referred_on.isoformat(),
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.responsible, case.buddy) == (personas["worker"], personas["buddy"])


def test_the_leaders_home_links_the_waiting_referrals(client, login, personas, referral):
    login(personas["leader"])
    page = client.get(reverse("web:home")).content.decode()
    assert "1 referral waits for a responsible worker." in page and INTAKE in page
    login(personas["worker"])
    assert INTAKE not in client.get(reverse("web:home")).content.decode()
