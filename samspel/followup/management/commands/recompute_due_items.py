"""Recompute the stored due items and follow-up periods of every open case, in batches, and
report what changed per programme: for migrations and programme or rule changes.

With ``--basis-changes-today`` only the cases whose legal basis changes today: a measure decided
to start today, or one whose last day in force was yesterday. A measure is recorded ahead of its
start, so its case is recomputed again on the day it takes effect: run this once a night (a
systemd timer or a cron line; README, "Where things are")."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samspel.cases.models import Case, CaseStatus, Measure
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_cases
from samspel.followup.tasks import change_counts, recompute_batch
from samspel.organisations.models import Organisation


class Command(BaseCommand):
    help = "Recompute the due items of every open case and report what changed."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="name or public id of one organisation")
        parser.add_argument("--dry-run", action="store_true", help="report, save nothing")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--tasks",
            action="store_true",
            help="enqueue one task per batch, for the task workers to run in parallel",
        )
        parser.add_argument(
            "--basis-changes-today",
            action="store_true",
            help="only cases with a measure starting today or ended yesterday (nightly)",
        )

    def handle(self, *args, organisation=None, dry_run=False, batch_size=500, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        cases = self._cases(organisation)
        if options.get("basis_changes_today"):
            today = timezone.localdate()
            changing = Measure.objects.filter(
                Q(starts_on=today) | Q(ends_on=today - dt.timedelta(days=1))
            )
            cases = cases.filter(pk__in=changing.values("case_id"))
        if options.get("tasks"):
            if dry_run:
                raise CommandError("--tasks saves what it computes: it has no --dry-run")
            self._enqueue(cases, batch_size)
            return
        totals: dict[str, Counter] = defaultdict(Counter)
        last_pk = 0
        while batch := list(cases.filter(pk__gt=last_pk).order_by("pk")[:batch_size]):
            last_pk = batch[-1].pk
            with transaction.atomic():
                changes = recompute_cases(batch)
                if dry_run:
                    transaction.set_rollback(True)
            for case in batch:
                totals[case.programme].update(change_counts({case.pk: changes[case.pk]}))
        self._report(totals, dry_run)

    def _enqueue(self, cases, batch_size: int) -> None:
        """One task per batch of case ids; the counts of the batches already finished (all of
        them with the immediate backend, none yet with the database worker)."""
        ids = list(cases.order_by("pk").values_list("pk", flat=True))
        results = [
            recompute_batch.enqueue(ids[start : start + batch_size])
            for start in range(0, len(ids), batch_size)
        ]
        self.stdout.write(f"{len(results)} batches of at most {batch_size} cases enqueued")
        totals: dict[str, Counter] = defaultdict(Counter)
        finished = [result for result in results if result.is_finished]
        for result in finished:
            for programme, counts in result.return_value.items():
                totals[programme].update(counts)
        if finished:
            self._report(totals, dry_run=False)
        if len(finished) < len(results):
            self.stdout.write(
                f"{len(results) - len(finished)} batches wait for a worker (manage.py db_worker)"
            )

    def _cases(self, organisation: str | None):
        # Open cases, and closed ones that still hold due items (to clear them).
        cases = Case.objects.filter(
            ~Q(status=CaseStatus.CLOSED) | Q(pk__in=DueItem.objects.values("case_id"))
        ).select_related("organisation")
        if organisation is None:
            return cases
        found = Organisation.objects.filter(name=organisation).first()
        if found is None and _is_uuid(organisation):
            found = Organisation.objects.filter(public_id=organisation).first()
        if found is None:
            raise CommandError(f"No organisation is called or has the id {organisation!r}.")
        return cases.filter(organisation=found)

    def _report(self, totals: dict[str, Counter], dry_run: bool) -> None:
        grand = Counter()
        for programme in sorted(totals):
            counts = totals[programme]
            grand.update(counts)
            self.stdout.write(f"{programme}: {_line(counts)}")
        self.stdout.write(f"total: {_line(grand)}")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _line(counts: Counter) -> str:
    return (
        f"{counts['cases']} cases, {counts['changed']} changed; "
        f"{counts['added']} items added, {counts['removed']} removed, "
        f"{counts['moved']} due dates moved"
    )
