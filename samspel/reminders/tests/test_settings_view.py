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
    response = admin.post(URL, {"lead_times": "2, 48", "email_enabled": "on"})
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(organisation=organisation)
    assert saved.lead_times == [48, 2]
    assert (saved.email_enabled, saved.sms_enabled) == (True, False)
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="reminders.remindersettings")
    assert event.detail["lead_times"] == [48, 2]


BAD_LEAD_TIMES = {
    "": "This field is required.",
    " , ": "Give at least one lead time.",
    "soon": "Lead times are whole hours, such as 24 or 2.",
    "24.5": "Lead times are whole hours, such as 24 or 2.",
    "1_0": "Lead times are whole hours, such as 24 or 2.",
    "٢٤": "Lead times are whole hours, such as 24 or 2.",  # Arabic-Indic digits: int() takes them
    "-abc": "Lead times are whole hours, such as 24 or 2.",
    "0": "Lead times are between 1 and 336 hours.",
    "-5": "Lead times are between 1 and 336 hours.",
    "24, -1": "Lead times are between 1 and 336 hours.",
    "337": "Lead times are between 1 and 336 hours.",
    "721": "Lead times are between 1 and 336 hours.",  # more than 30 days
    "24, 24": "Give each lead time only once.",
    "1,2,3,4,5,6": "At most five lead times.",
}


@pytest.mark.parametrize(("value", "message"), BAD_LEAD_TIMES.items())
def test_bad_lead_times_change_nothing(admin, organisation, value, message):
    response = admin.post(URL, {"lead_times": value, "sms_enabled": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["lead_times"] == [message]
    assert not ReminderSettings.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [("sv", "Ange varje förvarning bara en gång."), ("da", "Angiv hvert varsel kun én gang.")],
)
def test_bad_lead_times_are_translated(client, personas, language, message):
    from conftest import translated

    personas["admin"].language = language
    personas["admin"].save()
    client.force_login(personas["admin"])
    client.cookies["samspel_language"] = language
    response = client.post(URL, {"lead_times": "24, 24"})
    assert translated("Give each lead time only once.", language) == message
    assert message in response.content.decode()


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


def test_development_mode_says_the_sweep_must_run(admin, settings):
    # The test settings use the immediate backend, as `make run` does.
    response = admin.get(URL)
    assert 'id="reminders-dev-mode"' in response.text
    assert "send_due_reminders --loop" in response.text


def test_no_development_note_with_the_database_worker(admin, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = admin.get(URL)
    assert response.status_code == 200
    assert 'id="reminders-dev-mode"' not in response.text
