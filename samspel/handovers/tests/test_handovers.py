"""A safe change of worker (issue 12, item 2): the old worker sends a note prefilled from the
case; until the new worker accepts, the old worker keeps the case and the new worker may read
it; on acceptance the case changes hands and the old worker loses it; the family's told and met
dates are kept. Bad handovers are refused with a message and change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_user
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseGrant
from samspel.followup.models import DueItem
from samspel.handovers.models import Handover, State
from samspel.plans.demo import add_demo_plan


@pytest.fixture
def colleague(organisation, team):
    """A second worker of team A, who knows nothing of the case yet."""
    return make_user(organisation, "colleague", team=team)


def start_url(case):
    return reverse("handovers:start", args=[case.public_id])


def url(name, handover):
    return reverse(f"handovers:{name}", args=[handover.case.public_id, handover.public_id])


def send(client, case, to_user, **note):
    data = {"kind": "responsible", "to_user": to_user.pk, "goals": "Goals", **note}
    return client.post(start_url(case), data)


def test_the_note_is_prefilled_from_the_case(client, login, personas, active_case):
    add_demo_plan(active_case, personas["worker"])
    login(personas["worker"])
    form = client.get(start_url(active_case)).context["form"]
    goals, coordination = form.initial["goals"], form.initial["coordination"]
    assert goals.startswith("- ") and "·" in goals  # goals with their sub-goals and ratings
    assert "↔" in coordination and form.initial["agreements"]


def test_the_case_changes_hands_only_when_the_new_worker_accepts(
    client, login, personas, active_case, colleague
):
    case = active_case
    login(personas["worker"])
    response = send(client, case, colleague)
    handover = Handover.objects.get()
    assert response.status_code == 302 and handover.state == State.WAITING
    case.refresh_from_db()
    assert case.responsible == personas["worker"]
    assert (
        "Handover in progress"
        in client.get(reverse("cases:detail", args=[case.public_id])).content.decode()
    )
    # The new worker reads the case and the note, and accepts.
    login(colleague)
    assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 200
    assert "Goals" in client.get(url("detail", handover)).content.decode()
    response = client.post(url("accept", handover))
    assert response.status_code == 302
    case.refresh_from_db()
    handover.refresh_from_db()
    assert case.responsible == colleague and handover.state == State.ACCEPTED
    assert not CaseGrant.objects.filter(case=case, user=colleague).exists()  # reads as responsible
    # The old worker no longer reaches the case.
    login(personas["worker"])
    assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 404
    events = AuditEvent.objects.filter(object_type="handovers.handover")
    assert events.filter(action=Action.CREATE).count() == 1
    assert events.filter(action=Action.UPDATE, detail__accepted=True).count() == 1


def test_a_cancelled_handover_leaves_the_case_as_it_was(
    client, login, personas, active_case, colleague
):
    login(personas["worker"])
    send(client, active_case, colleague)
    handover = Handover.objects.get()
    client.post(url("cancel", handover))
    handover.refresh_from_db()
    assert handover.state == State.CANCELLED
    login(colleague)
    assert client.get(reverse("cases:detail", args=[active_case.public_id])).status_code == 404
    assert client.post(url("accept", handover)).status_code == 404


@pytest.mark.parametrize("to", ["worker", "stranger", "outsider"])
def test_a_handover_to_oneself_or_outside_the_team_is_refused(
    client, login, personas, active_case, to
):
    login(personas["worker"])
    response = send(client, active_case, personas[to])
    assert response.status_code in (302, 400)
    assert not Handover.objects.exists()
    active_case.refresh_from_db()
    assert active_case.responsible == personas["worker"]


def test_only_the_new_worker_accepts_and_only_once(client, login, personas, active_case, colleague):
    login(personas["worker"])
    send(client, active_case, colleague)
    handover = Handover.objects.get()
    for persona in ("worker", "buddy", "leader"):
        login(personas[persona])
        assert client.post(url("accept", handover)).status_code == 403
    login(colleague)
    client.post(url("accept", handover))
    again = client.post(url("accept", handover), follow=True)
    assert "no longer waiting" in again.content.decode()


def test_the_buddy_does_not_hand_over_the_responsible_role(
    client, login, personas, active_case, colleague
):
    login(personas["buddy"])
    response = send(client, active_case, colleague)
    assert response.status_code == 400  # only "buddy" is offered to the buddy
    assert not Handover.objects.exists()


def test_a_second_waiting_handover_of_the_same_role_is_refused(
    client, login, personas, active_case, colleague
):
    login(personas["worker"])
    send(client, active_case, colleague)
    send(client, active_case, personas["leader"], goals="Other")
    assert Handover.objects.count() == 1


def test_the_family_dates(client, login, personas, active_case, colleague):
    login(personas["worker"])
    send(client, active_case, colleague)
    handover = Handover.objects.get()
    today = dt.date.today()
    client.post(url("family", handover), {"told_on": today.isoformat()})
    # Meeting the new worker before they accepted: refused, nothing changed.
    client.post(url("family", handover), {"met_on": today.isoformat()})
    handover.refresh_from_db()
    assert (handover.family_told_on, handover.family_met_on) == (today, None)
    login(colleague)
    client.post(url("accept", handover))
    future = (today + dt.timedelta(days=3)).isoformat()
    client.post(url("family", handover), {"told_on": today.isoformat(), "met_on": future})
    handover.refresh_from_db()
    assert handover.family_met_on is None
    page = client.get(reverse("cases:detail", args=[active_case.public_id])).content.decode()
    assert "has not yet met" in page
    client.post(
        url("family", handover), {"told_on": today.isoformat(), "met_on": today.isoformat()}
    )
    handover.refresh_from_db()
    assert handover.family_met_on == today


def test_the_new_workers_home_lists_the_handover(client, login, personas, active_case, colleague):
    login(personas["worker"])
    send(client, active_case, colleague)
    handover = Handover.objects.get()
    login(colleague)
    home = client.get(reverse("web:home")).content.decode()
    assert url("detail", handover) in home and active_case.number in home


def test_the_leaders_home_shows_the_teams_figures_and_handovers(
    client, login, personas, active_case, colleague
):
    from samspel.followup.tests.due import due_item

    login(personas["worker"])
    send(client, active_case, colleague)
    DueItem.objects.filter(case=active_case).delete()
    due_item(active_case, dt.date.today() - dt.timedelta(days=3))
    overdue = 1
    login(personas["leader"])
    page = client.get(reverse("web:home"))
    text = page.content.decode()
    handover = Handover.objects.get()
    assert url("detail", handover) in text  # the team's handovers
    [team] = page.context["led_teams"]
    worker_row = next(m for m in team["members"] if m["load"].worker == personas["worker"])
    buddy_row = next(m for m in team["members"] if m["load"].worker == personas["buddy"])
    assert (worker_row["load"].cases, worker_row["overdue"]) == (1, overdue)
    assert (buddy_row["load"].buddy_cases, buddy_row["overdue"]) == (1, 0)
    assert f"?worker={personas['worker'].pk}" in text


def test_the_note_as_a_pdf(client, login, personas, active_case, colleague):
    login(personas["worker"])
    send(client, active_case, colleague, risks="Meetings after 16")
    handover = Handover.objects.get()
    response = client.get(url("pdf", handover))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(
        action=Action.EXPORT, object_id=str(handover.public_id)
    ).exists()


def test_a_case_goes_to_another_team_of_the_same_working_model(
    client, login, personas, active_case, organisation
):
    from samspel.organisations.models import Team

    other = Team.objects.create(organisation=organisation, name="Team C", programme="fifa")
    newcomer = make_user(organisation, "newcomer", team=other)
    login(personas["worker"])
    data = {"kind": "team", "to_team": other.pk, "to_user": newcomer.pk, "goals": "G"}
    # The new worker must be of the new team; a team of another working model is refused.
    client.post(start_url(active_case), {**data, "to_user": personas["buddy"].pk})
    mismatched = Team.objects.create(organisation=organisation, name="Team D", programme="bfamily")
    client.post(start_url(active_case), {**data, "to_team": mismatched.pk})
    assert not Handover.objects.exists()
    client.post(start_url(active_case), data)
    handover = Handover.objects.get()
    login(newcomer)
    client.post(url("accept", handover))
    active_case.refresh_from_db()
    assert (active_case.team, active_case.responsible, active_case.buddy) == (other, newcomer, None)
    login(personas["leader"])  # the old team's leader no longer reaches it
    assert client.get(reverse("cases:detail", args=[active_case.public_id])).status_code == 404


def test_a_team_handover_needs_its_team(client, login, personas, active_case, colleague):
    login(personas["worker"])
    response = client.post(
        start_url(active_case), {"kind": "team", "to_user": colleague.pk, "goals": "G"}
    )
    assert response.status_code == 400 and "to_team" in response.context["form"].errors
    assert not Handover.objects.exists()
