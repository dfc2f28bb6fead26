import datetime as dt

from django.urls import reverse

from samspel.activities.models import ActivityParticipant, ActivityStatus
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import at, planned_activity
from samspel.audit.models import Action, AuditEvent


def _url(case):
    return reverse("activities:list", args=[case.public_id])


def _activities(case, parent, count):
    for day in range(count):
        activity = planned_activity(case, start=at(TODAY + dt.timedelta(days=day + 1), 10))
        ActivityParticipant.objects.create(activity=activity, person=parent)
        held = planned_activity(case, start=at(TODAY - dt.timedelta(days=day + 1), 10))
        held.status, held.held_on, held.minutes = ActivityStatus.HELD, held.planned_start.date(), 30
        held.save()
        ActivityParticipant.objects.create(activity=held, person=parent)


def test_planned_and_held_are_listed(login, personas, active_case, parent):
    parent.authorised_users.add(personas["buddy"])  # the protected parent, granted by name
    _activities(active_case, parent, 2)
    html = login(personas["buddy"]).get(_url(active_case)).content.decode()
    assert html.count("Lena Berg") == 4 and "Plan an activity" in html
    assert reverse("activities:plan", args=[active_case.public_id]) + "?kind=contact_visit" in html


def test_the_query_count_does_not_grow_with_the_activities(
    login, personas, active_case, parent, django_assert_max_num_queries
):
    client = login(personas["worker"])
    _activities(active_case, parent, 1)
    client.get(_url(active_case))  # warm the session and the content types
    _activities(active_case, parent, 12)
    with django_assert_max_num_queries(15):
        response = client.get(_url(active_case))
    assert response.status_code == 200


def test_a_reader_gets_no_plan_button(login, reader, active_case):
    html = login(reader).get(_url(active_case)).content.decode()
    assert 'id="plan-activity"' not in html


def test_post_is_not_allowed(login, personas, active_case):
    assert login(personas["worker"]).post(_url(active_case)).status_code == 405


def test_outsider_gets_404(login, personas, active_case):
    for persona in ("outsider", "stranger", "auditor", "admin"):
        assert login(personas[persona]).get(_url(active_case)).status_code == 404


def test_a_protected_member_is_named_to_the_buddy(login, personas, active_case, parent):
    assert parent.protected_identity
    _activities(active_case, parent, 1)
    html = login(personas["buddy"]).get(_url(active_case)).content.decode()
    assert html.count("Lena Berg") == 2


def test_a_protected_member_is_named_by_initials_under_emergency_access(
    login, emergency_reader, active_case, parent
):
    _activities(active_case, parent, 1)
    html = login(emergency_reader).get(_url(active_case)).content.decode()
    assert "Lena Berg" not in html and html.count("LB") == 2


def test_the_read_is_audited(login, personas, active_case):
    login(personas["buddy"]).get(_url(active_case))
    paths = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    assert [event.detail["path"] for event in paths] == [_url(active_case)]
