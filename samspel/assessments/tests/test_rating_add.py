"""Adding a rating on the safety scale: a participant, a value from 0 to 10 and a date."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.assessments.models import SafetyRating
from samspel.audit.models import Action, AuditEvent
from samspel.families.models import Person

TODAY = dt.date(2026, 4, 15)


def url(case):
    return reverse("assessments:rating_add", kwargs={"case_id": case.public_id})


def post(client, case, **data):
    fields = {"role": "worker", "name": "Anna Lind", "value": "5", "rated_on": "2026-04-01"}
    fields.update(data)
    return client.post(url(case), {f"rating-{k}": v for k, v in fields.items()}, follow=True)


def test_is_post_only(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(url(case)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "auditor", "admin", "stranger"])
def test_people_not_on_the_case_get_404(client, personas, case, persona):
    client.force_login(personas[persona])
    assert post(client, case).status_code == 404
    assert not SafetyRating.objects.exists()


def test_read_only_user_gets_403(client, case, reader):
    client.force_login(reader)
    assert post(client, case).status_code == 403
    assert not SafetyRating.objects.exists()


@time_machine.travel(TODAY)
def test_a_family_member_rates(client, personas, case, parent):
    client.force_login(personas["worker"])
    response = post(
        client, case, role="parent", person=parent.public_id, name="", value="7",
        rated_on="2026-04-15", comment="Bättre kvällar",
    )  # fmt: skip
    rating = SafetyRating.objects.get()
    assert (rating.case, rating.role, rating.person, rating.value) == (case, "parent", parent, 7)
    assert (rating.rated_on, rating.comment, rating.name) == (TODAY, "Bättre kvällar", "")
    assert rating.created_by == personas["worker"]
    assert response.redirect_chain[-1][0].endswith("#safety-scale")
    assert "The rating is added." in response.content.decode()


def test_a_named_participant_rates(client, personas, case):
    client.force_login(personas["buddy"])
    post(client, case, role="other_professional", name=" Skolsköterskan ", value="0")
    rating = SafetyRating.objects.get()
    assert (rating.person, rating.name, rating.value) == (None, "Skolsköterskan", 0)
    assert rating.participant_label == "Skolsköterskan (Other professional)"


def test_a_chosen_person_wins_over_a_typed_name(client, personas, case, child):
    client.force_login(personas["worker"])
    post(client, case, role="child", person=child.public_id, name="Someone", value="10")
    rating = SafetyRating.objects.get()
    assert (rating.person, rating.name, rating.value) == (child, "", 10)


def test_ratings_are_kept_over_time(client, personas, case, parent):
    client.force_login(personas["worker"])
    for on, value in [("2026-02-01", "3"), ("2026-03-01", "5"), ("2026-04-01", "6")]:
        post(client, case, role="parent", person=parent.public_id, value=value, rated_on=on)
    assert list(SafetyRating.objects.values_list("rated_on", "value")) == [
        (dt.date(2026, 2, 1), 3),
        (dt.date(2026, 3, 1), 5),
        (dt.date(2026, 4, 1), 6),
    ]


def test_every_rating_is_audited(client, personas, case):
    client.force_login(personas["worker"])
    post(client, case)
    rating = SafetyRating.objects.get()
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert (event.object_type, event.object_id) == (
        "assessments.safetyrating",
        str(rating.public_id),
    )
    assert event.detail["case"] == str(case.public_id)


SCALE = "Give the rating as a whole number from 0 to 10."


@time_machine.travel(TODAY)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "11"}, SCALE),
        ({"value": "-1"}, SCALE),
        ({"value": "abc"}, SCALE),
        ({"value": "5.5"}, SCALE),
        ({"value": ""}, SCALE),
        ({"rated_on": "2026-04-16"}, "The date cannot be after today."),
        ({"rated_on": "2030-01-01"}, "The date cannot be after today."),
        ({"rated_on": "9999-12-31"}, "The date cannot be after today."),
        ({"rated_on": "0001-01-01"}, "The date cannot be before 1900."),
        ({"rated_on": "15 april"}, "Enter a valid date."),
        ({"role": "judge"}, "Choose one of the roles in the list."),
        ({"role": ""}, "Choose the participant&#x27;s role."),
        ({"name": ""}, "Give the participant&#x27;s name, or choose a person of the family."),
        ({"person": "6f1c1d52-0000-4000-8000-000000000000"}, "Choose a person of this family."),
    ],
)
def test_bad_input_changes_nothing(client, personas, case, data, message):
    client.force_login(personas["worker"])
    response = post(client, case, **data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'id="error-summary"' in page
    assert not SafetyRating.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_a_person_of_another_family_changes_nothing(client, personas, case, other_case):
    stranger = Person.objects.create(
        family=other_case.family, role="parent", first_name="Per", last_name="Ek"
    )
    client.force_login(personas["worker"])
    response = post(client, case, role="parent", person=stranger.public_id, name="")
    assert "Choose a person of this family." in response.content.decode()
    assert not SafetyRating.objects.exists()
