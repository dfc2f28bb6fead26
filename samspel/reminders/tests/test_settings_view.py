import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.reminders.models import ReminderSettings

URL = reverse("reminders:settings")
NOT_ADMINS = ["worker", "leader", "auditor", "outsider", "stranger"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, personas, login):
    login(personas["admin"])
    return client


def test_shows_the_defaults_before_anything_is_saved(admin):
    response = admin.get(URL)
    assert response.status_code == 200
    assert response.context["form"].initial["lead_times"] == "24"


def test_saves_lead_times_and_channels_with_an_audit_event(admin, organisation):
    response = admin.post(URL, {"lead_times": "2, 48, 2", "email_enabled": "on"})
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(organisation=organisation)
    assert saved.lead_times == [48, 2]
    assert (saved.email_enabled, saved.sms_enabled) == (True, False)
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="reminders.remindersettings")
    assert event.detail["lead_times"] == [48, 2]


@pytest.mark.parametrize("value", ["", "soon", "0", "1000", "1,2,3,4,5,6"])
def test_bad_lead_times_change_nothing(admin, organisation, value):
    response = admin.post(URL, {"lead_times": value, "sms_enabled": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["lead_times"]
    assert not ReminderSettings.objects.exists()


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"lead_times": "1"}).status_code == 404
    assert not ReminderSettings.objects.exists()


def test_rejects_other_methods(admin):
    assert admin.delete(URL).status_code == 405


def test_requires_login(client):
    assert client.get(URL).status_code == 302
