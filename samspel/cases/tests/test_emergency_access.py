import datetime as dt

import time_machine
from django.utils import timezone

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import EmergencyAccess


def test_outsider_opens_a_case_with_a_reason_and_the_leader_sees_the_flag(client, personas, case):
    client.force_login(personas["outsider"])
    assert client.get(f"/cases/{case.public_id}/").status_code == 404
    response = client.post(
        "/cases/emergency/", {"number": case.number, "reason": "Police called about the child"}
    )
    assert response.status_code == 302
    page = client.get(f"/cases/{case.public_id}/").content.decode()
    assert "emergency access" in page
    assert AuditEvent.objects.filter(
        action=Action.EMERGENCY_ACCESS, actor_id=personas["outsider"].pk
    ).exists()
    view = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["outsider"].pk).get()
    assert view.detail["emergency"] is True

    client.force_login(personas["leader"])
    home = client.get("/").content.decode()
    assert "Police called about the child" in home
    access = EmergencyAccess.objects.get()
    client.post(f"/cases/emergency/{access.public_id}/review/")
    access.refresh_from_db()
    assert access.reviewed_by == personas["leader"]
    assert "Police called about the child" not in client.get("/").content.decode()


def test_emergency_access_is_read_only_and_expires(client, personas, case):
    client.force_login(personas["outsider"])
    client.post("/cases/emergency/", {"number": case.number, "reason": "Urgent safety concern"})
    assert client.post(f"/cases/{case.public_id}/status/", {"status": "active"}).status_code == 403
    with time_machine.travel(timezone.now() + dt.timedelta(hours=5)):
        client.logout()  # a fresh session, so that only the access expiry counts
        client.force_login(personas["outsider"])
        assert client.get(f"/cases/{case.public_id}/").status_code == 404


def test_short_reason_or_unknown_number_changes_nothing(client, personas, case):
    client.force_login(personas["outsider"])
    response = client.post("/cases/emergency/", {"number": case.number, "reason": "x"}, follow=True)
    assert "at least 10 characters" in response.content.decode()
    response = client.post(
        "/cases/emergency/", {"number": "1999-9999", "reason": "Urgent safety concern"}, follow=True
    )
    assert "No case in your organisation has that number." in response.content.decode()
    assert not EmergencyAccess.objects.exists()


def test_other_organisations_and_auditors_get_nothing(client, personas, case):
    for persona in ("stranger", "auditor", "admin"):
        client.force_login(personas[persona])
        response = client.post(
            "/cases/emergency/", {"number": case.number, "reason": "Urgent safety concern"}
        )
        assert response.status_code in (302, 404)
        assert not EmergencyAccess.objects.exists()


def test_only_the_cases_team_leader_can_review(client, personas, case):
    client.force_login(personas["outsider"])
    client.post("/cases/emergency/", {"number": case.number, "reason": "Urgent safety concern"})
    access = EmergencyAccess.objects.get()
    client.force_login(personas["worker"])
    assert client.post(f"/cases/emergency/{access.public_id}/review/").status_code == 404
