"""A closed case is frozen: editing it, moving its status and giving access by name are refused
through the view and in the service, with the shared message, and change nothing. Narrowing who
reads it (removing a colleague's access) stays possible."""

import datetime as dt

import pytest

from samspel.audit.models import Action, AuditEvent
from samspel.cases import services
from samspel.cases.models import Case, CaseGrant, CaseStatus
from samspel.cases.refusals import CASE_CLOSED, CaseClosed, Refused, refuse_if_closed

CHANGES = (Action.CREATE, Action.UPDATE, Action.DELETE)
CLOSED_ON = dt.date(2026, 11, 1)


@pytest.fixture
def closed(case):
    case.status = CaseStatus.CLOSED
    case.closed_on = CLOSED_ON
    case.save(update_fields=["status", "closed_on"])
    return case


def _state(case: Case) -> tuple:
    case.refresh_from_db()
    return (
        case.status,
        case.closed_on,
        case.programme,
        sorted(case.measures.values_list("paragraph", "starts_on", "ends_on")),
        case.team_id,
        case.responsible_id,
        case.buddy_id,
        case.referred_on,
        sorted(case.focus_children.values_list("pk", flat=True)),
        sorted(CaseGrant.objects.filter(case=case).values_list("user_id", "can_write")),
    )


def _edit(case, child, personas) -> dict:
    return {
        "focus_children": [child.pk],
        "programme": case.programme,
        "team": case.team_id,
        "responsible": personas["worker"].pk,
        "buddy": "",
        "referred_on": "2026-10-01",
    }


def _posts(case, child, personas) -> dict:
    base = f"/cases/{case.public_id}"
    return {
        "edit": (f"{base}/edit/", _edit(case, child, personas)),
        "status": (f"{base}/status/", {"status": "active", "on": case.referred_on.isoformat()}),
        "grant": (f"{base}/access/", {"user": personas["outsider"].username, "can_write": "on"}),
        "measure": (
            f"{base}/measures/",
            {
                "measure-paragraph": "SoL 6:1",
                "measure-decided_on": "2026-10-01",
                "measure-starts_on": "2026-10-01",
            },
        ),
        "end measure": (
            f"{base}/measures/{case.measures.get().public_id}/end/",
            {"end-measure-ends_on": "2026-10-01"},
        ),
    }


@pytest.mark.parametrize("name", ["edit", "status", "grant", "measure", "end measure"])
def test_the_open_case_takes_the_change(client, personas, case, child, name):
    """The data is what an open case (in referral) takes: the refusal below is the closure's."""
    address, data = _posts(case, child, personas)[name]
    before = _state(case)
    client.force_login(personas["worker"])
    assert client.post(address, data).status_code == 302
    assert _state(case) != before
    assert AuditEvent.objects.filter(action__in=CHANGES).count() == 1


@pytest.mark.parametrize("name", ["edit", "status", "grant", "measure", "end measure"])
def test_a_closed_case_refuses_and_changes_nothing(client, personas, closed, child, name):
    address, data = _posts(closed, child, personas)[name]
    before = _state(closed)
    client.force_login(personas["worker"])
    response = client.post(address, data, follow=True)
    assert response.redirect_chain[-1][0].split("#")[0] == f"/cases/{closed.public_id}/"
    assert str(CASE_CLOSED) in response.content.decode()
    assert _state(closed) == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()


def test_a_closed_case_offers_no_edit_or_grant_form(client, personas, closed):
    client.force_login(personas["worker"])
    page = client.get(f"/cases/{closed.public_id}/").content.decode()
    assert f"/cases/{closed.public_id}/edit/" not in page
    assert f'action="/cases/{closed.public_id}/access/"' not in page
    response = client.get(f"/cases/{closed.public_id}/edit/", follow=True)
    assert str(CASE_CLOSED) in response.content.decode()
    assert 'name="referred_on"' not in response.content.decode()


def test_access_by_name_can_still_be_removed(client, personas, closed):
    colleague = personas["outsider"]
    CaseGrant.objects.create(case=closed, user=colleague, granted_by=personas["worker"])
    client.force_login(personas["worker"])
    response = client.post(f"/cases/{closed.public_id}/access/{colleague.public_id}/revoke/")
    assert response.status_code == 302
    assert not CaseGrant.objects.filter(case=closed).exists()
    assert AuditEvent.objects.get(action=Action.UPDATE).detail["revoked"] == str(
        colleague.public_id
    )


def test_the_services_raise_case_closed(personas, closed, child):
    worker, before = personas["worker"], _state(closed)
    calls = [
        lambda: services.change_case(closed, by=worker, referred_on=dt.date(2026, 10, 1)),
        lambda: services.change_case(closed, by=worker, focus_children=[]),
        lambda: services.change_status(closed, by=worker, status="active", on=CLOSED_ON),
        lambda: services.grant_access(
            closed, by=worker, user=personas["outsider"], can_write=False
        ),
    ]
    for call in calls:
        with pytest.raises(CaseClosed, match="closed"):
            call()
    assert _state(closed) == before
    assert not AuditEvent.objects.filter(action__in=CHANGES).exists()


def test_one_rule_one_exception(case, closed):
    assert issubclass(CaseClosed, Refused)
    with pytest.raises(CaseClosed) as refused:
        refuse_if_closed(closed)
    assert refused.value.message == CASE_CLOSED


def test_the_services_refuse_what_the_flow_does_not_allow(personas, case):
    worker = personas["worker"]
    with pytest.raises(Refused, match="not possible"):
        services.change_status(case, by=worker, status="closing", on=case.referred_on)
    with pytest.raises(Refused, match="before the referral"):
        services.change_status(case, by=worker, status="active", on=dt.date(2000, 1, 1))
    with pytest.raises(Refused, match="active worker"):
        services.grant_access(case, by=worker, user=personas["stranger"], can_write=False)
    assert not AuditEvent.objects.exists()
