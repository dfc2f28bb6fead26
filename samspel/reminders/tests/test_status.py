import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from samspel.audit.models import Action, AuditEvent
from samspel.reminders.models import Reminder, ReminderStatus
from samspel.reminders.status import reminder_rows
from samspel.reminders.tests.conftest import in_hours, plan

pytestmark = pytest.mark.django_db


def test_rows_show_each_reminder_and_who_gets_none(case, mother, child, personas, frozen):
    activity = plan(case, [mother, child], in_hours(48), user=personas["worker"])
    Reminder.objects.filter(channel="sms").update(status=ReminderStatus.SENT)
    Reminder.objects.filter(channel="email").update(attempts=2)
    rows = [
        (r.person, r.channel, r.status, r.status_label)
        for r in reminder_rows(activity, personas["worker"])
    ]
    assert rows == [
        ("Anna Berg", "E-mail", "scheduled", "Retrying after 2 failed attempts"),
        ("Anna Berg", "SMS", "sent", "Sent"),
        ("Elsa Berg", "E-mail", "missing", "No reminder: no e-mail address"),
        ("Elsa Berg", "SMS", "missing", "No reminder: no valid mobile number"),
    ]


def as_request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_fragment_renders_a_table_with_statuses(case, mother, child, personas, frozen):
    activity = plan(case, [mother, child], in_hours(48), user=personas["worker"])
    context = {"activity": activity, "request": as_request(personas["worker"])}
    html = render_to_string("reminders/_activity_reminders.html", context)
    assert "<caption" in html
    assert html.count('class="reminder-scheduled"') == 2
    assert html.count('class="reminder-missing"') == 2
    assert "No reminder: no e-mail address" in html


def test_fragment_on_the_activity_page(client, case, mother, personas, frozen):
    from django.urls import reverse

    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    client.force_login(personas["worker"])
    url = reverse("activities:detail", args=[case.public_id, activity.public_id])
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="reminders"' in response.text
    assert response.text.count('class="reminder-scheduled"') == 2


def test_a_protected_family_member_named_on_the_case_by_initials_under_emergency_access(
    case, parent, personas, emergency_reader, frozen
):
    parent.phone = "070-123 45 67"
    parent.save()
    activity = plan(case, [parent], in_hours(48), user=personas["worker"])
    assert {row.person for row in reminder_rows(activity, personas["worker"])} == {"Lena Berg"}
    assert {row.person for row in reminder_rows(activity, personas["buddy"])} == {"Lena Berg"}
    assert {row.person for row in reminder_rows(activity, emergency_reader)} == {"LB"}


def test_reading_the_statuses_is_audited_by_the_activity_page(
    client, case, mother, personas, frozen
):
    from django.urls import reverse

    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    client.force_login(personas["buddy"])
    url = reverse("activities:detail", args=[case.public_id, activity.public_id])
    assert 'id="reminders"' in client.get(url).text
    # One event per read, as everywhere: the activity, with its case's number and the path.
    [event] = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    assert (event.object_type, event.object_id) == ("activities.activity", str(activity.public_id))
    assert event.case_number == case.number
    assert event.detail["path"] == url
