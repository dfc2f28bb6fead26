"""The retention page (org admin only): a schedule of at least a year, the live preview, legal
holds placed and released by case number, running it now, and the record of each run."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import translated
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case, CaseStatus
from samspel.retention.models import LegalHold, RetentionRun, RetentionSchedule

PAGE = reverse("retention:page")


@pytest.fixture
def closed_long_ago(case):
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.CLOSED, closed_on=dt.date.today() - dt.timedelta(days=3 * 366)
    )
    case.refresh_from_db()
    return case


@pytest.mark.parametrize("persona", ["worker", "leader", "auditor", "stranger"])
def test_only_the_administrator(client, login, personas, persona):
    login(personas[persona])
    assert client.get(PAGE).status_code == 404
    data = {"closed_case_years": 5, "audit_years": 10}
    assert client.post(reverse("retention:schedule"), data).status_code == 404
    assert not RetentionSchedule.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"closed_case_years": 0, "audit_years": 10}, "closed_case_years"),
        ({"closed_case_years": 5, "audit_years": 0}, "audit_years"),
        ({"closed_case_years": "five", "audit_years": 10}, "closed_case_years"),
        ({"closed_case_years": 101, "audit_years": 10}, "closed_case_years"),
    ],
)
def test_a_schedule_of_less_than_a_year_is_refused(client, login, personas, data, field):
    login(personas["admin"])
    response = client.post(reverse("retention:schedule"), data)
    assert response.status_code == 400
    assert response.context["schedule_form"].errors[field]
    assert not RetentionSchedule.objects.exists()


def test_schedule_preview_hold_and_run(
    client, login, personas, closed_long_ago, django_capture_on_commit_callbacks
):
    login(personas["admin"])
    client.post(reverse("retention:schedule"), {"closed_case_years": 2, "audit_years": 10})
    assert RetentionSchedule.objects.get().closed_case_years == 2
    page = client.get(PAGE)
    assert [c.number for c in page.context["preview"].cases] == [closed_long_ago.number]
    # A hold keeps it.
    response = client.post(reverse("retention:hold"), {"number": "2026-0001", "reason": "IVO"})
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    page = client.get(PAGE)
    assert page.context["preview"].cases == [] and len(page.context["preview"].kept) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("retention:run"))
    assert Case.objects.filter(pk=closed_long_ago.pk).exists()
    # Released, it goes on the next run.
    client.post(reverse("retention:release", args=[hold.public_id]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("retention:run"))
    assert not Case.objects.filter(pk=closed_long_ago.pk).exists()
    latest = RetentionRun.objects.first()
    detail = client.get(reverse("retention:run_detail", args=[latest.public_id])).content.decode()
    assert closed_long_ago.number in detail and "Rows deleted, by kind of record" in detail
    assert AuditEvent.objects.filter(
        action=Action.DELETE, object_type="retention.retentionrun"
    ).exists()


def test_a_hold_needs_a_case_of_the_organisation_and_a_reason(client, login, personas, case):
    login(personas["admin"])
    for data in ({"number": "1999-0001", "reason": "x"}, {"number": case.number, "reason": ""}):
        assert client.post(reverse("retention:hold"), data).status_code == 400
    assert not LegalHold.objects.exists()


def test_the_nightly_command(personas, closed_long_ago, capsys):
    RetentionSchedule.objects.create(
        organisation=closed_long_ago.organisation,
        closed_case_years=2,
        audit_years=10,
        updated_by=personas["admin"],
    )
    call_command("apply_retention", dry_run=True)
    assert "would delete 1 cases" in capsys.readouterr().out
    assert Case.objects.filter(pk=closed_long_ago.pk).exists()
    call_command("apply_retention")
    assert not Case.objects.filter(pk=closed_long_ago.pk).exists()


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_page_is_translated(client, login, personas, language):
    admin = personas["admin"]
    admin.language = language
    admin.save(update_fields=["language"])
    login(admin)
    assert f"<h1>{translated('Retention', language)}</h1>" in client.get(PAGE).content.decode()
