import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(user):
    return reverse("organisations:user_reset_second_factor", args=[user.public_id])


@pytest.fixture
def devices(personas):
    return {
        name: TOTPDevice.objects.create(user=personas[name], name="Phone", confirmed=True)
        for name in ("worker", "buddy")
    }


def test_rejects_get(admin, personas, devices):
    assert admin.get(url(personas["worker"])).status_code == 405
    assert TOTPDevice.objects.filter(user=personas["worker"]).exists()


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    TOTPDevice.objects.create(user=personas["buddy"], name="Phone", confirmed=True)
    login(personas[persona])
    assert client.post(url(personas["buddy"])).status_code == 404
    assert TOTPDevice.objects.filter(user=personas["buddy"]).exists()


def test_user_of_another_organisation_is_not_found(admin, personas):
    TOTPDevice.objects.create(user=personas["stranger"], name="Phone", confirmed=True)
    assert admin.post(url(personas["stranger"])).status_code == 404
    assert TOTPDevice.objects.filter(user=personas["stranger"]).exists()


def test_reset_removes_only_that_users_devices_and_is_audited(admin, personas, devices):
    worker = personas["worker"]
    response = admin.post(url(worker))
    assert response.status_code == 302
    assert response.url == reverse("organisations:user_edit", args=[worker.public_id])
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert TOTPDevice.objects.filter(user=personas["buddy"]).exists()
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(worker.public_id))
    assert event.detail == {"second_factor_reset": True}


def test_user_enrols_again_at_next_login(admin, client, personas, organisation, devices):
    admin.post(url(personas["worker"]))
    admin.post(reverse("accounts:logout"))
    organisation.require_second_factor = True
    organisation.save(update_fields=["require_second_factor"])
    response = client.post(
        reverse("accounts:login"),
        {"username": "worker", "password": "correct horse battery staple"},
    )
    assert response.url.startswith(reverse("accounts:enrol"))
