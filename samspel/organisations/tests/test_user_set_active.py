import pytest
from django.urls import reverse

from conftest import PASSWORD
from samspel.audit.models import Action, AuditEvent
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(user):
    return reverse("organisations:user_set_active", args=[user.public_id])


def test_rejects_get(admin, personas):
    assert admin.get(url(personas["worker"])).status_code == 405
    personas["worker"].refresh_from_db()
    assert personas["worker"].is_active


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.post(url(personas["buddy"]), {"active": "no"}).status_code == 404
    personas["buddy"].refresh_from_db()
    assert personas["buddy"].is_active


def test_user_of_another_organisation_is_not_found(admin, personas):
    assert admin.post(url(personas["stranger"]), {"active": "no"}).status_code == 404
    personas["stranger"].refresh_from_db()
    assert personas["stranger"].is_active


def test_deactivate_ends_login_and_is_audited(admin, client, personas):
    worker = personas["worker"]
    response = admin.post(url(worker), {"active": "no"})
    assert response.status_code == 302
    assert response.url == reverse("organisations:users")
    worker.refresh_from_db()
    assert not worker.is_active
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(worker.public_id))
    assert event.detail == {"is_active": False}
    assert event.actor_id == personas["admin"].pk
    messages = admin.get(response.url).text
    assert "Worker Testsson can no longer log in." in messages


def test_deactivated_users_session_ends(client, personas, login):
    worker = personas["worker"]
    login(worker)
    assert client.get("/").status_code == 200
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    assert client.get("/").status_code == 302


def test_reactivate(admin, client, personas):
    worker = personas["worker"]
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    response = admin.post(url(worker), {"active": "yes"})
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.is_active
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(worker.public_id))
    assert event.detail == {"is_active": True}
    admin.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:login"), {"username": "worker", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(worker.pk)


def test_admin_cannot_deactivate_themselves(admin, personas):
    me = personas["admin"]
    response = admin.post(url(me), {"active": "no"}, follow=True)
    assert response.status_code == 200
    assert "You cannot deactivate yourself." in response.text
    me.refresh_from_db()
    assert me.is_active
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()
