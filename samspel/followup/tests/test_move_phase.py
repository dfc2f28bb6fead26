import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.followup.tests import fake_engine
from samspel.plans.models import Plan, PlanKind

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
MISSING_CARE_PLAN = "a care plan (vårdplan)"


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    fake_engine.install(monkeypatch)
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def bfamily_case(case, team):
    team.programme = "bfamily"
    team.save()
    case.programme = "bfamily"
    case.status = CaseStatus.ACTIVE
    case.referred_on = dt.date(2026, 1, 2)
    case.activated_on = dt.date(2026, 1, 5)
    case.save()
    return case


def _url(case):
    return reverse("followup:move_phase", kwargs={"case_id": case.public_id})


def _care_plan(case):
    Plan.objects.create(
        case=case,
        kind=PlanKind.CARE_PLAN,
        title="Vårdplan",
        starts_on=dt.date(2026, 1, 20),
        created_by=case.responsible,
        updated_by=case.responsible,
    )


def _phase_events():
    return AuditEvent.objects.filter(action=Action.UPDATE, detail__has_key="phase")


def test_moves_on_when_the_exit_criteria_are_met(login, personas, bfamily_case):
    _care_plan(bfamily_case)  # and the team is worker + buddy
    client = login(personas["worker"])
    response = client.post(_url(bfamily_case), {"from_phase": "uppstart"}, follow=True)
    bfamily_case.refresh_from_db()
    assert (bfamily_case.phase, bfamily_case.phase_started_on) == ("allians", dt.date(2026, 3, 10))
    assert "The case is now in the phase Allians." in response.content.decode()
    event = _phase_events().get()
    assert event.detail["phase"] == ["uppstart", "allians"] and "override" not in event.detail


def test_refused_with_the_missing_criteria_listed(login, personas, bfamily_case):
    response = login(personas["worker"]).post(
        _url(bfamily_case), {"from_phase": "uppstart"}, follow=True
    )
    html = response.content.decode()
    assert "cannot leave Uppstart yet" in html and MISSING_CARE_PLAN in html
    bfamily_case.refresh_from_db()
    assert bfamily_case.phase == "" and not _phase_events().exists()


def test_the_refusal_is_translated(login, personas, bfamily_case):
    from conftest import translated

    personas["worker"].language = "sv"
    personas["worker"].save()
    response = login(personas["worker"]).post(
        _url(bfamily_case), {"from_phase": "uppstart"}, follow=True
    )
    assert translated(MISSING_CARE_PLAN, "sv") in response.content.decode()


def test_a_worker_cannot_override(login, personas, bfamily_case):
    response = login(personas["worker"]).post(
        _url(bfamily_case), {"from_phase": "uppstart", "reason": "Familjen vill börja"}, follow=True
    )
    assert "Only the team leader can move on without them." in response.content.decode()
    bfamily_case.refresh_from_db()
    assert bfamily_case.phase == ""


def test_the_leader_overrides_with_a_reason_and_it_is_audited(login, personas, bfamily_case):
    client = login(personas["leader"])
    client.post(_url(bfamily_case), {"from_phase": "uppstart", "reason": "  "})
    bfamily_case.refresh_from_db()
    assert bfamily_case.phase == "", "an override needs a written reason"
    reason = "Vårdplanen skrivs av socialtjänsten nästa vecka."
    client.post(_url(bfamily_case), {"from_phase": "uppstart", "reason": reason})
    bfamily_case.refresh_from_db()
    assert bfamily_case.phase == "allians"
    event = _phase_events().get()
    assert event.actor_id == personas["leader"].pk
    assert event.detail["override"] is True and event.detail["reason"] == reason
    assert MISSING_CARE_PLAN in event.detail["missing"]


def test_a_stale_form_moves_nothing(login, personas, bfamily_case):
    bfamily_case.phase = "allians"
    bfamily_case.save()
    _care_plan(bfamily_case)
    response = login(personas["worker"]).post(
        _url(bfamily_case), {"from_phase": "uppstart"}, follow=True
    )
    assert "The phase changed since the page was loaded." in response.content.decode()
    bfamily_case.refresh_from_db()
    assert bfamily_case.phase == "allians"


@pytest.mark.parametrize("programme_phase", [("fifa", ""), ("bfamily", "forandring")])
def test_no_next_phase(login, personas, bfamily_case, programme_phase):
    bfamily_case.programme, bfamily_case.phase = programme_phase
    bfamily_case.save()
    response = login(personas["leader"]).post(
        _url(bfamily_case), {"from_phase": programme_phase[1], "reason": "x"}, follow=True
    )
    assert "The case has no next phase." in response.content.decode()
    assert not _phase_events().exists()


def test_the_case_page_shows_the_phase_panel(login, personas, bfamily_case):
    html = login(personas["leader"]).get(reverse("cases:detail", args=[bfamily_case.public_id]))
    html = html.content.decode()
    assert "Uppstart" in html and "Allians" in html and MISSING_CARE_PLAN in html
    assert _url(bfamily_case) in html and 'name="reason"' in html
    worker_html = login(personas["worker"]).get(
        reverse("cases:detail", args=[bfamily_case.public_id])
    )
    assert _url(bfamily_case) not in worker_html.content.decode()


def test_get_is_not_allowed(login, personas, bfamily_case):
    assert login(personas["worker"]).get(_url(bfamily_case)).status_code == 405


def test_outsider_gets_404(login, personas, bfamily_case):
    data = {"from_phase": "uppstart", "reason": "x"}
    assert login(personas["outsider"]).post(_url(bfamily_case), data).status_code == 404
    assert login(personas["stranger"]).post(_url(bfamily_case), data).status_code == 404


def test_read_only_user_gets_403(login, reader, bfamily_case):
    assert login(reader).post(_url(bfamily_case), {"from_phase": "uppstart"}).status_code == 403
