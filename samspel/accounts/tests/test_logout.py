from django.urls import reverse

from samspel.audit.models import Action, AuditEvent

URL = reverse("accounts:logout")


def test_get_is_refused_and_keeps_the_session(client, personas, login):
    login(personas["worker"])
    response = client.get(URL)
    assert response.status_code == 405
    assert client.session["_auth_user_id"] == str(personas["worker"].pk)


def test_post_logs_out_and_is_audited(client, personas, login):
    login(personas["worker"])
    response = client.post(URL)
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action=Action.LOGOUT)
    assert event.actor_id == personas["worker"].pk
    assert client.get(reverse("web:home")).status_code == 302


def test_post_without_session_does_nothing_harmful(client, db):
    response = client.post(URL)
    assert response.status_code == 302
    assert not AuditEvent.objects.exists()
