"""Closing asks for a reason; a closed case stays read-only until the team leader reopens it
with a reason, which starts a new period and keeps the old one (issue 12, item 4)."""

import datetime as dt

import pytest
from django.urls import reverse

from samspel.audit.models import AuditEvent
from samspel.cases.models import Case, CasePeriod, CaseStatus, ClosingReason
from samspel.followup.models import DueItem

CLOSED_ON = dt.date(2026, 6, 1)


@pytest.fixture
def closed(active_case):
    Case.objects.filter(pk=active_case.pk).update(
        status=CaseStatus.CLOSED,
        closing_on=CLOSED_ON,
        closed_on=CLOSED_ON,
        closing_reason=ClosingReason.MOVED,
    )
    active_case.refresh_from_db()
    return active_case


def reopen(client, case, **data):
    return client.post(reverse("cases:reopen", args=[case.public_id]), data, follow=True)


def test_other_needs_a_note(client, login, personas, active_case):
    login(personas["worker"])
    url = reverse("cases:status", args=[active_case.public_id])
    client.post(url, {"status": "closing", "on": "2026-02-01"})
    page = client.post(
        url, {"status": "closed", "on": "2026-02-02", "closing_reason": "other"}, follow=True
    )
    assert "Say in the note why" in page.content.decode()
    client.post(
        url,
        {"status": "closed", "on": "2026-02-02", "closing_reason": "other", "closing_note": "X"},
    )
    active_case.refresh_from_db()
    assert (active_case.status, active_case.closing_note) == (CaseStatus.CLOSED, "X")


def test_the_leader_reopens_and_the_old_period_is_kept(client, login, personas, closed):
    login(personas["leader"])
    page = client.get(reverse("cases:detail", args=[closed.public_id])).content.decode()
    assert reverse("cases:reopen", args=[closed.public_id]) in page
    reopen(client, closed, on="2026-09-01", reason="The family came back")
    closed.refresh_from_db()
    assert (closed.status, closed.activated_on, closed.closed_on) == (
        CaseStatus.ACTIVE,
        dt.date(2026, 9, 1),
        None,
    )
    [period] = CasePeriod.objects.filter(case=closed)
    assert (period.started_on, period.closed_on, period.closing_reason) == (
        dt.date(2026, 1, 5),
        CLOSED_ON,
        ClosingReason.MOVED,
    )
    assert period.reopening_reason == "The family came back"
    assert AuditEvent.objects.filter(object_id=str(closed.public_id), detail__reopened="2026-09-01")
    assert DueItem.objects.filter(case=closed).exists()  # follow-up counts again


@pytest.mark.parametrize(
    ("persona", "data", "message"),
    [
        ("worker", {"on": "2026-09-01", "reason": "x"}, "Only the leader"),
        ("leader", {"on": "2026-09-01", "reason": ""}, "Say why the case is reopened"),
        ("leader", {"on": "2026-05-01", "reason": "x"}, "after it was closed"),
    ],
)
def test_a_reopening_that_cannot_be_changes_nothing(
    client, login, personas, closed, persona, data, message
):
    login(personas[persona])
    page = reopen(client, closed, **data).content.decode()
    assert message in page
    closed.refresh_from_db()
    assert closed.status == CaseStatus.CLOSED and not CasePeriod.objects.exists()


def test_an_open_case_is_not_reopened(client, login, personas, active_case):
    login(personas["leader"])
    page = reopen(client, active_case, on="2026-09-01", reason="x").content.decode()
    assert "Only a closed case can be reopened" in page
