import datetime as dt

import pytest
from django.urls import reverse

from conftest import translated
from samspel.activities.models import Activity
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import appointment, at, planned_activity
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.families.models import Family, Person
from samspel.network.models import CaseActor, ExternalOrganisation

DAY = TODAY + dt.timedelta(days=2)


def _url(case):
    return reverse("activities:plan", kwargs={"case_id": case.public_id})


def _data(**changes):
    data = {
        "kind": "home_visit",
        "context": "home",
        "planned_start": "2026-03-12T10:00",
        "planned_end": "2026-03-12T11:00",
        "place_detail": "",
    }
    data.update(changes)
    return data


def test_planning_saves_and_goes_to_the_activity(login, personas, active_case, parent):
    response = login(personas["worker"]).post(
        _url(active_case),
        _data(
            participants=[f"person:{parent.public_id}", f"user:{personas['buddy'].public_id}"],
            interventions=["marte_meo"],
        ),
    )
    activity = Activity.objects.get(case=active_case)
    assert response.status_code == 302
    assert response.url == reverse(
        "activities:detail", args=[active_case.public_id, activity.public_id]
    )
    assert activity.planned_start == at(DAY, 10) and activity.interventions == ["marte_meo"]
    assert {str(p) for p in activity.participants.all()} == {"Lena Berg", "Buddy Testsson"}
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(activity.public_id))


def test_the_programmes_expected_place_is_suggested_and_preselected(login, personas, foster_case):
    response = login(personas["worker"]).get(_url(foster_case), {"kind": "child_focus_talk"})
    html = response.content.decode()
    assert "Child-focus talk: in the home" in html
    assert '<option value="home" selected>' in html
    assert response.context["form"].initial["kind"] == "child_focus_talk"


def test_an_empty_place_takes_the_expected_one(login, personas, foster_case):
    login(personas["worker"]).post(_url(foster_case), _data(kind="parent_focus_talk", context=""))
    assert Activity.objects.get().context == "office"


def test_an_overlap_is_shown_and_nothing_is_saved_until_confirmed(login, personas, active_case):
    appointment(active_case.family, at(DAY, 10, 30), title="BUP, läkarbesök")
    client = login(personas["worker"])
    response = client.post(_url(active_case), _data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "The time overlaps other appointments" in html
    assert "Psychiatry: BUP, läkarbesök" in html
    assert 'name="save_anyway"' in html
    assert not Activity.objects.exists()

    response = client.post(_url(active_case), _data(save_anyway="on"))
    assert response.status_code == 302 and Activity.objects.count() == 1


def test_the_workers_other_case_is_an_overlap_too(login, personas, active_case, organisation):
    from samspel.activities.tests.factories import planned_activity
    from samspel.cases.models import Case

    other_family = Family.objects.create(organisation=organisation, name="Familjen Ek")
    other = Case.objects.create(
        organisation=organisation,
        number="2026-0099",
        family=other_family,
        programme="fifa",
        team=active_case.team,
        responsible=personas["worker"],
    )
    planned_activity(other, start=at(DAY, 10, 30), kind="network_meeting")
    response = login(personas["worker"]).post(_url(active_case), _data())
    html = response.content.decode()
    assert "Worker Testsson, another case:" in html and "Network meeting" in html
    assert "Familjen Ek" not in html
    assert Activity.objects.filter(case=active_case).count() == 0


def test_an_actor_without_consent_shows_the_consent_warning(login, personas, active_case):
    actor = CaseActor.objects.create(
        case=active_case,
        external_organisation=ExternalOrganisation.objects.create(
            organisation=active_case.organisation, kind="school", name="Ekskolan"
        ),
        role="Skola",
        added_by=personas["worker"],
    )
    appointment(active_case.family, at(DAY, 10))
    response = login(personas["worker"]).post(
        _url(active_case), _data(participants=[f"actor:{actor.public_id}"])
    )
    assert "The family has not given consent to share information with Ekskolan" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"planned_end": "2026-03-12T09:00"}, "The end must be after the start."),
        ({"planned_start": ""}, "This field is required."),
        ({"participants": ["person:00000000-0000-0000-0000-000000000000"]}, "Choose participants"),
        ({"participants": ["nonsense"]}, "Choose participants"),
        ({"kind": "teleportation"}, "Choose one from the list."),
        ({"planned_start": "0001-01-01T00:30", "planned_end": "0001-01-01T01:30"}, "5 years"),
        ({"planned_end": "9999-12-31T23:59"}, "5 years"),  # each time is bounded on its own
        ({"planned_end": "2026-03-20T09:00"}, "cannot last more than 7 days"),
        ({"planned_start": "2036-03-12T10:00", "planned_end": "2036-03-12T11:00"}, "5 years"),
        ({"planned_start": "2026-13-01T10:00"}, "Enter a valid date/time."),
        ({"planned_start": "2026-03-29T02:30"}, "couldn’t be interpreted"),  # a DST gap
        ({"planned_start": "tomorrow"}, "Enter a valid date/time."),
    ],
)
def test_bad_input_changes_nothing(login, personas, active_case, changes, message):
    response = login(personas["worker"]).post(_url(active_case), _data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_participants_of_another_family_or_organisation_are_refused(
    login, personas, active_case, organisation
):
    other = Family.objects.create(organisation=organisation, name="Familjen Ek")
    child = Person.objects.create(family=other, role="child", first_name="Alva", last_name="Ek")
    client = login(personas["worker"])
    for value in (f"person:{child.public_id}", f"user:{personas['stranger'].public_id}"):
        response = client.post(_url(active_case), _data(participants=[value]))
        assert "Choose participants among the family" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_participant_given_twice_is_refused(login, personas, active_case, parent):
    twice = [f"person:{parent.public_id}"] * 2
    response = login(personas["worker"]).post(_url(active_case), _data(participants=twice))
    assert "Choose each participant once." in response.content.decode()
    assert not Activity.objects.exists()


def test_a_closed_case_takes_no_activity(login, personas, active_case):
    active_case.status = CaseStatus.CLOSED
    active_case.closed_on = TODAY
    active_case.save()
    response = login(personas["worker"]).post(_url(active_case), _data(), follow=True)
    assert "The case is closed. Nothing was changed." in response.content.decode()
    assert not Activity.objects.exists()


def test_put_is_not_allowed(login, personas, active_case):
    assert login(personas["worker"]).put(_url(active_case)).status_code == 405


def test_outsider_gets_404(login, personas, active_case):
    for persona in ("outsider", "stranger", "auditor"):
        assert login(personas[persona]).post(_url(active_case), _data()).status_code == 404
    assert not Activity.objects.exists()


def test_read_only_user_gets_403(login, reader, active_case):
    assert login(reader).post(_url(active_case), _data()).status_code == 403
    assert login(reader).get(_url(active_case)).status_code == 403
    assert not Activity.objects.exists()


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_warning_is_translated(login, personas, active_case, language):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    appointment(active_case.family, at(DAY, 10))
    client = login(worker)
    client.cookies["samspel_language"] = language
    html = client.post(_url(active_case), _data()).content.decode()
    assert translated("The time overlaps other appointments", language) in html
    assert not Activity.objects.exists()


def test_the_workers_offered_are_those_on_the_case_not_the_organisation(
    login, personas, active_case, other_team
):
    """The case's team, responsible and buddy, write grants by name, and earlier participants:
    the page does not grow with the organisation's thousands of workers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import make_user
    from samspel.activities.models import ActivityParticipant
    from samspel.cases.models import CaseGrant

    client = login(personas["worker"])
    others = [make_user(active_case.organisation, f"far-{n}", team=other_team) for n in range(3)]
    granted, earlier = others[0], others[1]
    CaseGrant.objects.create(
        case=active_case, user=granted, can_write=True, granted_by=personas["worker"]
    )
    activity = planned_activity(active_case, at(DAY, 9))
    ActivityParticipant.objects.create(activity=activity, user=earlier)
    page = client.get(_url(active_case)).text
    for offered in [personas["worker"], personas["buddy"], granted, earlier]:
        assert f"user:{offered.public_id}" in page
    assert f"user:{others[2].public_id}" not in page  # another team, not on the case
    response = client.post(_url(active_case), _data(participants=[f"user:{others[2].public_id}"]))
    assert "Choose participants among the family, the workers on this case" in response.text
    with CaptureQueriesContext(connection) as few:
        size = len(client.get(_url(active_case)).content)
    for n in range(20):
        make_user(active_case.organisation, f"more-{n}", team=other_team)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(_url(active_case)).content) == size
    assert len(many) == len(few)
