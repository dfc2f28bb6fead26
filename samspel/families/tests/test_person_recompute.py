"""The person forms recompute the family's cases: a person's role and birth date are facts the
deadlines read (FIFA asks every adult; the transition rule reads a focus child's age)."""

import datetime as dt

import time_machine

from conftest import make_danish_case
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case

NOW = "2026-06-15 10:00 +02:00"


def _person(**values):
    return {"first_name": "Kim", "last_name": "Berg", "personal_number": "", **values}


@time_machine.travel(NOW, tick=False)
def test_adding_a_parent_counts_them_among_the_adults_fifa_asks(login, personas, active_case):
    recompute_case(active_case)
    item = DueItem.objects.get(case=active_case, rule="fifa:asked-about-children")
    assert item.explanation_params["adults"] == "1"
    url = f"/families/{active_case.family.public_id}/persons/new/"
    response = login(personas["worker"]).post(url, _person(role="parent"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.explanation_params["adults"] == "2"


@time_machine.travel(NOW, tick=False)
def test_a_focus_childs_birth_date_puts_the_transition_on_the_worklist(
    login, personas, other_organisation
):
    worker = personas["stranger"]
    case = make_danish_case(other_organisation, worker, legal_basis=["BL §86"])
    child = case.focus_children.get()
    assert not DueItem.objects.filter(case=case, rule="sammen-om-familien:transition").exists()
    url = f"/families/{case.family.public_id}/persons/{child.public_id}/"
    values = _person(role="child", first_name="Ida", last_name="Holm", birth_date="2009-06-01")
    assert login(worker).post(url, values).status_code == 302
    item = DueItem.objects.get(case=case, rule="sammen-om-familien:transition")
    assert item.counts_from == dt.date(2026, 6, 1)
