"""No lost work (issue 11, item 7): a form sent after the idle timeout is kept for the same
user and filled in again after logging in; nothing is saved on the user's behalf. Asking how
long the session has left is not activity and ends nothing."""

import datetime as dt
import json
import re
from urllib.parse import urlencode

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.urls import reverse

from samspel.accounts import kept_forms
from samspel.accounts.middleware import LAST_SEEN_KEY

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
IDLE = dt.timedelta(minutes=django_settings.SESSION_IDLE_TIMEOUT_MINUTES)


@pytest.fixture
def clock(client, personas, case):
    with time_machine.travel(NOW, tick=False) as traveller:
        client.force_login(personas["worker"])
        assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 200
        yield traveller


def _edit(case):
    return reverse("cases:edit", args=[case.public_id])


def _send_late(client, case, clock, **extra):
    clock.shift(IDLE + dt.timedelta(minutes=1))
    data = {
        "referred_on": "2026-02-01",
        "programme": case.programme or "",
        "team": case.team_id,
        "responsible": case.responsible_id,
        "csrfmiddlewaretoken": "x",
        "new_password": "secret",
        **extra,
    }
    return client.post(
        _edit(case), data, headers={"Referer": f"http://testserver{_edit(case)}?from=case"}
    )


def _kept(page: str) -> dict:
    found = re.search(r'<script id="kept-form" type="application/json">(.*?)</script>', page)
    return json.loads(found.group(1)) if found else {}


def test_a_form_sent_after_the_timeout_is_kept_and_nothing_is_saved(client, case, clock):
    before = case.referred_on
    response = _send_late(client, case, clock)
    assert response.status_code == 302
    query = urlencode({"next": f"{_edit(case)}?from=case"})
    assert response.url == f"{reverse('accounts:login')}?{query}"
    case.refresh_from_db()
    assert case.referred_on == before
    assert "_auth_user_id" not in client.session
    kept = client.session[kept_forms.SESSION_KEY]
    names = {name for name, _ in kept["fields"]}
    assert ["referred_on", "2026-02-01"] in kept["fields"]
    assert "csrfmiddlewaretoken" not in names and "new_password" not in names
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "It is kept: log in again" in message


def test_the_same_user_gets_it_back_once_on_the_page_it_was_on(client, personas, case, clock):
    _send_late(client, case, clock)
    client.force_login(personas["worker"])
    page = client.get(_edit(case), {"from": "case"}).content.decode()
    kept = _kept(page)
    assert kept["action"] == _edit(case)
    assert ["referred_on", "2026-02-01"] in kept["fields"]
    assert "is filled in again. Check it and save." in page
    assert _kept(client.get(_edit(case)).content.decode()) == {}
    assert kept_forms.SESSION_KEY not in client.session


def test_another_user_on_the_same_browser_never_sees_it(client, personas, case, clock):
    _send_late(client, case, clock)
    client.force_login(personas["buddy"])
    assert _kept(client.get(_edit(case)).content.decode()) == {}
    assert kept_forms.SESSION_KEY not in client.session


def test_a_kept_form_expires(client, personas, case, clock):
    _send_late(client, case, clock)
    clock.shift(dt.timedelta(seconds=kept_forms.KEEP_SECONDS + 60))
    client.force_login(personas["worker"])
    assert _kept(client.get(_edit(case)).content.decode()) == {}


def test_uploaded_files_are_named_as_not_kept(client, case, clock):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = _send_late(client, case, clock, document=SimpleUploadedFile("a.pdf", b"%PDF"))
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Attached files could not be kept: add them again." in messages
    assert client.session[kept_forms.SESSION_KEY]["files"] is True


def test_logging_out_and_switching_language_after_the_timeout_keep_nothing(client, case, clock):
    clock.shift(IDLE + dt.timedelta(minutes=1))
    client.post(reverse("web:set_language"), {"language": "da", "next": "/"})
    assert kept_forms.SESSION_KEY not in client.session


def test_asking_the_time_left_is_not_activity(client, clock):
    clock.shift(dt.timedelta(minutes=10))
    seen = client.session[LAST_SEEN_KEY]
    response = client.get(reverse("accounts:idle"))
    assert response.json() == {"remaining_seconds": int(IDLE.total_seconds()) - 600}
    assert client.session[LAST_SEEN_KEY] == seen
    assert response["Cache-Control"] == "no-store"


def test_asking_after_the_timeout_ends_nothing_so_the_form_is_still_kept(client, case, clock):
    clock.shift(IDLE + dt.timedelta(seconds=30))
    assert client.get(reverse("accounts:idle")).json() == {"remaining_seconds": 0}
    assert "_auth_user_id" in client.session
    _send_late(client, case, clock)
    assert kept_forms.SESSION_KEY in client.session


def test_staying_logged_in_restarts_the_time(client, clock):
    clock.shift(IDLE - dt.timedelta(minutes=1))
    response = client.post(reverse("accounts:idle"))
    assert response.json() == {"remaining_seconds": int(IDLE.total_seconds())}
    clock.shift(dt.timedelta(minutes=5))
    assert client.get(reverse("web:home")).status_code == 200


def test_asking_without_a_session_is_unauthorised(client, db):
    assert client.get(reverse("accounts:idle")).status_code == 401


def test_pages_carry_the_warning_with_the_timeout(client, clock):
    page = client.get(reverse("web:home")).content.decode()
    assert f'data-idle-seconds="{int(IDLE.total_seconds())}"' in page
    assert 'role="alertdialog"' in page and "Stay logged in" in page
