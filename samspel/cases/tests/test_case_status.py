from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus


def test_activate_then_closing_then_closed(client, personas, case):
    client.force_login(personas["worker"])
    url = f"/cases/{case.public_id}/status/"
    client.post(url, {"status": "active", "on": case.referred_on.isoformat()})
    client.post(url, {"status": "closing", "on": case.referred_on.isoformat()})
    client.post(url, {"status": "closed", "on": case.referred_on.isoformat()})  # no reason
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSING
    reason = {"closing_reason": "goals_reached"}
    client.post(url, {"status": "closed", "on": case.referred_on.isoformat(), **reason})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.activated_on == case.closing_on == case.closed_on == case.referred_on
    assert (
        AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(case.public_id)).count() == 3
    )


def test_impossible_move_and_early_date_change_nothing(client, personas, case):
    client.force_login(personas["worker"])
    url = f"/cases/{case.public_id}/status/"
    response = client.post(url, {"status": "closing", "on": "2026-11-20"}, follow=True)
    assert "That status change is not possible" in response.content.decode()
    response = client.post(url, {"status": "active", "on": "2000-01-01"}, follow=True)
    assert "before the referral" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRAL


def test_status_is_post_only(client, personas, case):
    client.force_login(personas["worker"])
    assert client.get(f"/cases/{case.public_id}/status/").status_code == 405
