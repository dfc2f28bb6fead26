import pytest
from django.urls import reverse

from samspel.activities.models import ActivityStatus
from samspel.activities.tests.factories import planned_activity
from samspel.audit.models import Action, AuditEvent


@pytest.fixture
def activity(active_case):
    return planned_activity(active_case)


def _url(activity):
    return reverse("activities:cancel", args=[activity.case.public_id, activity.public_id])


def test_cancelling_with_a_reason(login, personas, activity):
    client = login(personas["worker"])
    assert "Reason for cancelling" in client.get(_url(activity)).content.decode()
    response = client.post(_url(activity), {"reason": "Familjen är sjuk"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED and activity.sequence == 1
    assert activity.cancelled_reason == "Familjen är sjuk"
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(activity.public_id))


def test_no_reason_changes_nothing(login, personas, activity):
    response = login(personas["worker"]).post(_url(activity), {"reason": ""})
    assert "Give the reason for cancelling." in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_put_is_not_allowed(login, personas, activity):
    assert login(personas["worker"]).put(_url(activity)).status_code == 405


def test_outsider_gets_404(login, personas, activity):
    assert login(personas["outsider"]).post(_url(activity), {"reason": "x"}).status_code == 404


def test_read_only_user_gets_403(login, reader, activity):
    assert login(reader).post(_url(activity), {"reason": "x"}).status_code == 403
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED
