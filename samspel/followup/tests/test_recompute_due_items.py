import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case, CaseStatus
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.followup.tests import fake_engine
from samspel.followup.tests.due import due_item

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    fake_engine.install(monkeypatch)
    with time_machine.travel(NOW, tick=False):
        yield


def run(*args) -> str:
    out = StringIO()
    call_command("recompute_due_items", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def second_case(case, other_team, personas):
    other = Case.objects.create(
        organisation=case.organisation,
        number="2026-0002",
        family=case.family,
        programme="bfamily",
        team=other_team,
        responsible=personas["outsider"],
        referred_on=dt.date(2026, 2, 1),
    )
    return other


def test_reports_added_items_per_programme(case, second_case):
    case.referred_on = dt.date(2026, 1, 2)
    case.save()
    out = run()
    assert "bfamily: 1 cases, 1 changed; 1 items added, 0 removed, 0 due dates moved" in out
    assert "fifa: 1 cases, 1 changed; 1 items added" in out
    assert "total: 2 cases, 2 changed; 2 items added" in out
    assert DueItem.objects.get(case=case).due_on == dt.date(2026, 2, 1)
    assert "total: 2 cases, 0 changed; 0 items added, 0 removed, 0 due dates moved" in run()


def test_reports_moved_and_removed_items(case):
    case.referred_on = dt.date(2026, 1, 2)
    case.save()
    due_item(case, dt.date(2026, 1, 20), rule="fake:follow-up")
    due_item(case, dt.date(2026, 1, 25), rule="old:rule")
    out = run()
    assert "fifa: 1 cases, 1 changed; 0 items added, 1 removed, 1 due dates moved" in out
    assert set(DueItem.objects.values_list("rule", "due_on")) == {
        ("fake:follow-up", dt.date(2026, 2, 1))
    }


def test_dry_run_saves_nothing(case):
    due_item(case, dt.date(2026, 1, 20), rule="fake:follow-up")
    Activity.objects.create(
        case=case,
        kind="home_visit",
        status=ActivityStatus.HELD,
        held_on=dt.date(2026, 3, 1),
        created_by=case.responsible,
    )
    out = run("--dry-run")
    assert "1 due dates moved" in out and "Dry run: nothing was saved." in out
    assert DueItem.objects.get(case=case).due_on == dt.date(2026, 1, 20)
    assert not FollowUpPeriod.objects.exists()


def test_closed_cases_lose_their_items_and_are_otherwise_skipped(case, second_case):
    due_item(case, dt.date(2026, 1, 20), rule="fake:follow-up")
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=dt.date(2026, 3, 1))
    Case.objects.filter(pk=second_case.pk).update(status=CaseStatus.CLOSED)
    out = run()
    assert "fifa: 1 cases, 1 changed; 0 items added, 1 removed" in out
    assert "bfamily" not in out
    assert not DueItem.objects.exists()


def test_small_batches_cover_every_case(case, second_case):
    assert "total: 2 cases, 2 changed" in run("--batch-size", "1")


def test_one_organisation_by_name_or_id(case, other_organisation, personas):
    assert "total: 1 cases" in run("--organisation", "Testkommun")
    assert "total: 1 cases" in run("--organisation", str(case.organisation.public_id))
    assert "total: 0 cases" in run("--organisation", other_organisation.name)


@pytest.mark.parametrize(
    "args", [("--organisation", "Nowhere"), ("--organisation", "x" * 36), ("--batch-size", "0")]
)
def test_bad_options_are_refused(db, args):
    with pytest.raises(CommandError):
        run(*args)


def test_tasks_split_the_work_into_batches_and_report_the_same(case, second_case):
    """With the immediate backend the batches run in the command's process; with the database
    backend each is a task row for a worker."""
    case.referred_on = dt.date(2026, 1, 2)
    case.save()
    out = run("--tasks", "--batch-size", "1")
    assert "2 batches of at most 1 cases enqueued" in out
    assert "total: 2 cases, 2 changed; 2 items added" in out
    assert DueItem.objects.get(case=case).due_on == dt.date(2026, 2, 1)
    assert "total: 2 cases, 0 changed" in run("--tasks")


@pytest.mark.django_db(transaction=True)
def test_tasks_wait_for_a_worker_with_the_database_backend(case, second_case, settings):
    from django_tasks import task_backends
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task_backends._settings = None  # read the setting again
    out = run("--tasks", "--batch-size", "1")
    assert "2 batches wait for a worker (manage.py db_worker)" in out
    assert not DueItem.objects.exists()
    assert DBTaskResult.objects.count() == 2
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", stdout=StringIO())
    assert DueItem.objects.filter(case=case).exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    task_backends._settings = None


def test_tasks_have_no_dry_run(case):
    with pytest.raises(CommandError, match="no --dry-run"):
        run("--tasks", "--dry-run")
