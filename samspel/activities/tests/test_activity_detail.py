import pytest
from django.urls import reverse

from samspel.activities.models import ActivityParticipant
from samspel.activities.tests.factories import planned_activity
from samspel.audit.models import Action, AuditEvent
from samspel.network.models import CaseActor, ExternalOrganisation


def _url(activity):
    return reverse("activities:detail", args=[activity.case.public_id, activity.public_id])


def test_the_page_shows_the_activity_and_its_actions(login, personas, active_case, parent):
    parent.authorised_users.add(personas["worker"])  # the protected parent, granted by name
    activity = planned_activity(active_case, place_detail="Vardagsrummet")
    ActivityParticipant.objects.create(activity=activity, person=parent)
    html = login(personas["worker"]).get(_url(activity)).content.decode()
    assert "Home visit" in html and "Vardagsrummet" in html and "Lena Berg" in html
    assert reverse("activities:held", args=[active_case.public_id, activity.public_id]) in html
    assert 'id="reminders"' in html  # the reminders app's status fragment


def test_a_reader_sees_no_actions(login, reader, active_case):
    activity = planned_activity(active_case)
    html = login(reader).get(_url(activity)).content.decode()
    assert "Home visit" in html and 'id="mark-held"' not in html


def test_an_actor_without_consent_is_flagged(login, personas, active_case):
    activity = planned_activity(active_case)
    actor = CaseActor.objects.create(
        case=active_case,
        external_organisation=ExternalOrganisation.objects.create(
            organisation=active_case.organisation, kind="ppr", name="PPR Norr"
        ),
        role="Utredning",
        added_by=personas["worker"],
    )
    ActivityParticipant.objects.create(activity=activity, case_actor=actor)
    html = login(personas["worker"]).get(_url(activity)).content.decode()
    assert "No valid consent." in html and "PPR Norr" in html


def test_post_is_not_allowed(login, personas, active_case):
    assert login(personas["worker"]).post(_url(planned_activity(active_case))).status_code == 405


def test_outsider_gets_404(login, personas, active_case):
    activity = planned_activity(active_case)
    for persona in ("outsider", "stranger", "auditor"):
        assert login(personas[persona]).get(_url(activity)).status_code == 404


@pytest.fixture
def protected_visit(active_case, parent):
    assert parent.protected_identity
    activity = planned_activity(active_case, place_detail="Storgatan 5, 2 tr")
    ActivityParticipant.objects.create(activity=activity, person=parent)
    return activity


def test_the_buddy_names_a_protected_member_but_sees_no_place(login, personas, protected_visit):
    html = login(personas["buddy"]).get(_url(protected_visit)).content.decode()
    assert "Lena Berg" in html
    assert "Storgatan" not in html


def test_emergency_access_sees_a_protected_member_by_initials(
    login, emergency_reader, protected_visit
):
    html = login(emergency_reader).get(_url(protected_visit)).content.decode()
    assert "Lena Berg" not in html and "LB" in html
    assert "Storgatan" not in html


def test_a_reader_granted_by_name_sees_the_member_and_the_place(
    login, personas, protected_visit, parent
):
    parent.authorised_users.add(personas["buddy"])
    html = login(personas["buddy"]).get(_url(protected_visit)).content.decode()
    assert "Lena Berg" in html and "Storgatan 5, 2 tr" in html


def test_the_read_is_audited(login, personas, active_case):
    activity = planned_activity(active_case)
    login(personas["buddy"]).get(_url(activity))
    paths = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    assert _url(activity) in [event.detail.get("path") for event in paths]
