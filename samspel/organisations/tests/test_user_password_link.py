import re

import pytest
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.organisations.tests.conftest import NOT_ADMINS


def url(user):
    return reverse("organisations:user_password_link", args=[user.public_id])


def test_rejects_get(admin, personas):
    assert admin.get(url(personas["worker"])).status_code == 405


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_requires_the_org_admin_role(client, personas, login, persona):
    login(personas[persona])
    assert client.post(url(personas["buddy"])).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_user_of_another_organisation_is_not_found(admin, personas):
    assert admin.post(url(personas["stranger"])).status_code == 404


def test_link_is_shown_audited_and_works(admin, client, personas):
    buddy = personas["buddy"]
    response = admin.post(url(buddy))
    assert response.status_code == 200
    link = response.context["link"]
    assert link.startswith("http://testserver/accounts/password/set/")
    assert re.search(r'value="http://testserver/accounts/password/set/[^"]+"', response.text)
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(buddy.public_id))
    assert event.detail == {"password_link": True}
    assert link not in str(event.detail)  # the token itself is never logged

    admin.post(reverse("accounts:logout"))
    form_url = client.get(link).url
    new = "buddy's brand new passphrase"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    buddy.refresh_from_db()
    assert buddy.check_password(new)
