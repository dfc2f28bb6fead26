from django.urls import reverse

from conftest import PASSWORD
from samspel.audit.models import Action, AuditEvent

URL = reverse("accounts:password_change")
NEW_PASSWORD = "a much longer new passphrase"


def change(client, old=PASSWORD, new=NEW_PASSWORD, repeat=None):
    return client.post(
        URL, {"old_password": old, "new_password1": new, "new_password2": repeat or new}
    )


def test_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_form_renders(client, personas, login):
    login(personas["worker"])
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="old_password"' in response.text


def test_change_keeps_the_session_and_is_audited(client, personas, login):
    worker = personas["worker"]
    login(worker)
    response = change(client)
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    worker.refresh_from_db()
    assert worker.check_password(NEW_PASSWORD)
    assert not worker.check_password(PASSWORD)
    assert client.get(reverse("web:home")).status_code == 200
    event = AuditEvent.objects.get(action=Action.PASSWORD_CHANGED)
    assert event.actor_id == worker.pk
    assert event.object_id == str(worker.public_id)
    home = client.get(reverse("web:home"))
    assert "Your password has been changed." not in home.text  # shown once, then gone


def test_wrong_old_password_changes_nothing(client, personas, login):
    worker = personas["worker"]
    login(worker)
    response = change(client, old="not my password")
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action=Action.PASSWORD_CHANGED).exists()


def test_short_new_password_is_refused(client, personas, login):
    worker = personas["worker"]
    login(worker)
    response = change(client, new="short1")
    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)


def test_mismatched_repeat_is_refused(client, personas, login):
    worker = personas["worker"]
    login(worker)
    response = change(client, repeat="something else entirely")
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)
