"""Tasks (django-tasks) of the follow-up: recomputing a batch of cases. `recompute_due_items
--tasks` splits a full recompute into batches and enqueues one task per batch; with the database
backend every `db_worker` (on this machine or others) takes batches in parallel, with the
immediate backend they run at once in the command's process."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from samspel.cases.models import Case
from samspel.followup.recompute import Change, recompute_cases


def change_counts(changes: dict[int, Change]) -> dict[str, int]:
    """How many cases a recompute saw and changed, and how many items it added, removed and
    moved: what `recompute_due_items` reports per programme."""
    counts = {"cases": 0, "changed": 0, "added": 0, "removed": 0, "moved": 0}
    for change in changes.values():
        counts["cases"] += 1
        counts["changed"] += change.changed
        counts["added"] += len(change.added)
        counts["removed"] += len(change.removed)
        counts["moved"] += len(change.moved)
    return counts


@task()
def recompute_batch(case_ids: list[int]) -> dict[str, dict[str, int]]:
    """Recompute the cases `case_ids` in one transaction; the counts per programme."""
    cases = list(Case.objects.filter(pk__in=case_ids).select_related("organisation"))
    with transaction.atomic():
        changes = recompute_cases(cases)
    by_programme: dict[str, dict[int, Change]] = {}
    for case in cases:
        by_programme.setdefault(case.programme, {})[case.pk] = changes[case.pk]
    return {programme: change_counts(found) for programme, found in by_programme.items()}
