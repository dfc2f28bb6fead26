"""Starting a Signs of Safety mapping: date and who held it."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.assessments.models import Mapping
from samspel.audit.models import Action, AuditEvent

TODAY = dt.date(2026, 4, 15)


def url(case):
    return reverse("assessments:mapping_create", kwargs={"case_id": case.public_id})


def post(client, case, **data):
    return client.post(url(case), {f"mapping-{k}": v for k, v in data.items()}, follow=True)


def test_is_post_only(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_people_not_on_the_case_get_404(client, personas, case, persona):
    client.force_login(personas[persona])
    response = client.post(url(case), {"mapping-held_on": "2026-02-02"})
    assert response.status_code == 404
    assert not Mapping.objects.exists()


def test_read_only_user_gets_403(client, personas, case, reader):
    client.force_login(reader)
    held_by = personas["worker"].public_id
    response = client.post(url(case), {"mapping-held_on": "2026-02-02", "mapping-held_by": held_by})
    assert response.status_code == 403
    assert not Mapping.objects.exists()


@time_machine.travel(TODAY)
def test_starts_a_mapping_and_audits_it(client, personas, case):
    client.force_login(personas["buddy"])
    response = post(client, case, held_on="2026-04-15", held_by=personas["worker"].public_id)
    mapping = Mapping.objects.get()
    assert (mapping.case, mapping.held_on, mapping.held_by) == (
        case,
        TODAY,
        personas["worker"],
    )
    assert mapping.created_by == personas["buddy"]
    assert response.redirect_chain[-1][0].endswith(f"?mapping={mapping.public_id}#mapping")
    assert "The mapping is started" in response.content.decode()
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert event.object_id == str(mapping.public_id)
    assert event.object_type == "assessments.mapping"
    assert event.actor_id == personas["buddy"].pk


@time_machine.travel(TODAY)
def test_a_date_after_today_changes_nothing(client, personas, case):
    client.force_login(personas["worker"])
    response = post(client, case, held_on="2026-04-16", held_by=personas["worker"].public_id)
    assert response.status_code == 200
    assert "The date cannot be after today." in response.content.decode()
    assert not Mapping.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


@pytest.mark.parametrize(
    ("held_on", "who", "message"),
    [
        ("", "worker", "This field is required."),
        ("yesterday", "worker", "Enter a valid date."),
        ("9999-12-31", "worker", "The date cannot be after today."),
        ("0001-01-01", "worker", "The date cannot be before 1900."),
        ("2026-02-02", "stranger", "No active worker of your organisation matches “stranger”."),
        ("2026-02-02", "auditor", "No active worker of your organisation matches “auditor”."),
    ],
)
def test_bad_input_changes_nothing(client, personas, case, held_on, who, message):
    client.force_login(personas["worker"])
    response = post(client, case, held_on=held_on, held_by=personas[who].username)
    assert message in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()
    assert not Mapping.objects.exists()
