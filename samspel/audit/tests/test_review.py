"""The auditor's monthly log review (issue 11, item 6): reads under emergency access, reads of
cases with a protected person and reads by people not on the case are listed per month; an
auditor marks them reviewed once, with a note; nothing in the log itself changes."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from samspel.audit.models import Action, AuditEvent, AuditFlag, AuditReview, Flag
from samspel.cases.models import CaseGrant

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=dt.UTC)
URL = reverse("audit:review")


@pytest.fixture
def reads(client, personas, case, reader, emergency_reader):
    """In March: the worker reads the case (its family has a protected parent), a colleague
    with a read grant reads it, an emergency reader reads it."""
    with time_machine.travel(NOW, tick=False):
        for user in (personas["worker"], reader, emergency_reader):
            client.force_login(user)
            assert client.get(reverse("cases:detail", args=[case.public_id])).status_code == 200
        client.force_login(personas["auditor"])
        yield client


def _flags(username: str) -> set[str]:
    event = AuditEvent.objects.get(action=Action.VIEW, actor_username=username, case_number__gt="")
    return set(event.flags.values_list("flag", flat=True))


def test_reads_are_flagged_by_why_they_need_a_review(reads, personas, case, reader):
    assert case.family.persons.filter(protected_identity=True).exists()
    assert _flags("worker") == {Flag.PROTECTED}
    assert _flags(reader.username) == {Flag.PROTECTED, Flag.NOT_ON_CASE}
    assert _flags("emergency") == {Flag.PROTECTED, Flag.NOT_ON_CASE, Flag.EMERGENCY}


def test_a_read_of_a_case_without_protected_persons_on_the_case_is_not_flagged(
    client, personas, case
):
    case.family.persons.update(protected_identity=False)
    client.force_login(personas["worker"])
    client.get(reverse("cases:detail", args=[case.public_id]))
    assert not AuditFlag.objects.exists()


def test_the_month_lists_its_flagged_reads(reads, case):
    with time_machine.travel(NOW, tick=False):
        response = reads.get(URL, {"month": "2026-03"})
    assert response.status_code == 200
    assert len(response.context["entries"]) == 3
    assert response.context["unreviewed"] == 3
    page = response.content.decode()
    assert "Read under emergency access" in page and case.number in page
    with time_machine.travel(NOW, tick=False):
        assert reads.get(URL, {"month": "2026-02"}).context["entries"] == []


def test_marking_reads_reviewed_keeps_who_when_and_the_note(reads, personas):
    events = list(AuditFlag.objects.values_list("event_id", flat=True).distinct())
    with time_machine.travel(NOW, tick=False):
        response = reads.post(
            URL, {"month": "2026-03", "event": events[:2], "note": "Checked with the leader"}
        )
        assert response.status_code == 302
        again = reads.post(URL, {"month": "2026-03", "event": events[:2]})
        assert again.status_code == 302
        page = reads.get(URL, {"month": "2026-03"})
    assert AuditReview.objects.count() == 2  # reviewed once
    review = AuditReview.objects.first()
    assert review.reviewer_username == "auditor" and review.note == "Checked with the leader"
    assert page.context["unreviewed"] == 1
    assert AuditEvent.objects.filter(object_type="audit.auditreview", action=Action.UPDATE)


def test_events_outside_the_list_cannot_be_marked(reads, personas, other_organisation):
    unflagged = AuditEvent.objects.filter(action=Action.LOGIN).first()
    with time_machine.travel(NOW, tick=False):
        reads.post(URL, {"month": "2026-03", "event": [unflagged.pk, "x"]})
        reads.post(URL, {"month": "2026-03", "event": [unflagged.pk]})
    assert not AuditReview.objects.exists()


def test_nothing_chosen_gives_a_message(reads):
    with time_machine.travel(NOW, tick=False):
        response = reads.post(URL, {"month": "2026-03"})
    assert response.status_code == 200
    assert "Choose the reads you reviewed." in response.content.decode()


@pytest.mark.parametrize("persona", ["worker", "leader", "admin", "stranger"])
def test_only_auditors_review(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"event": [1]}).status_code == 404


def test_another_organisations_auditor_sees_none_of_them(reads, personas, other_organisation):
    from conftest import make_user
    from samspel.accounts.models import Role

    other = make_user(other_organisation, "auditor2", role=Role.AUDITOR)
    reads.force_login(other)
    with time_machine.travel(NOW, tick=False):
        assert reads.get(URL, {"month": "2026-03"}).context["entries"] == []


def test_a_grant_reader_is_not_on_the_case(reads, reader, case):
    assert CaseGrant.objects.filter(case=case, user=reader).exists()
    event = AuditEvent.objects.get(actor_username=reader.username, case_number=case.number)
    assert event.detail["relation"] == "read_grant"
    worker_read = AuditEvent.objects.get(actor_username="worker", case_number=case.number)
    assert "relation" not in worker_read.detail
