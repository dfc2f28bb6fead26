import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.activities.models import Activity
from samspel.audit.models import Action, AuditEvent
from samspel.followup.models import DueItem
from samspel.followup.tests import fake_engine

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    fake_engine.install(monkeypatch)
    with time_machine.travel(NOW, tick=False):
        yield


def _url(case):
    return reverse("activities:log_contact", kwargs={"case_id": case.public_id})


@pytest.mark.parametrize("kind", ["sms", "phone_call"])
def test_one_click_logs_a_contact_held_today(login, personas, case, kind):
    response = login(personas["worker"]).post(_url(case), {"kind": kind})
    assert response.status_code == 302
    activity = Activity.objects.get(case=case)
    assert (activity.kind, activity.context, activity.held_on) == (
        kind,
        "phone",
        dt.date(2026, 3, 10),
    )
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(activity.public_id))
    # An SMS or a call is not a follow-up: the due item counts from the case's start still.
    assert DueItem.objects.get(case=case).counts_from == case.referred_on


def test_the_buttons_are_on_the_case_page(login, personas, case):
    html = login(personas["worker"]).get(reverse("cases:detail", args=[case.public_id]))
    assert _url(case) in html.content.decode()


def test_only_sms_or_phone_call(login, personas, case):
    response = login(personas["worker"]).post(_url(case), {"kind": "home_visit"}, follow=True)
    assert "Choose an SMS or a phone call." in response.content.decode()
    assert not Activity.objects.exists()


def test_get_is_not_allowed(login, personas, case):
    assert login(personas["worker"]).get(_url(case)).status_code == 405


def test_outsider_gets_404(login, personas, case):
    assert login(personas["outsider"]).post(_url(case), {"kind": "sms"}).status_code == 404
    assert not Activity.objects.exists()


def test_read_only_user_gets_403(login, reader, case):
    assert login(reader).post(_url(case), {"kind": "sms"}).status_code == 403
    assert not Activity.objects.exists()


def test_a_case_referred_later_than_today_is_refused_not_an_error(login, personas, case):
    case.referred_on = dt.date(2026, 4, 1)
    case.save(update_fields=["referred_on"])
    response = login(personas["worker"]).post(_url(case), {"kind": "sms"}, follow=True)
    assert response.status_code == 200
    assert "Nothing was recorded: The date is before the case was referred." in (
        response.content.decode()
    )
    assert not Activity.objects.exists()
