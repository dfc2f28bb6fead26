"""Run every organisation's retention schedule (nightly, samspel-nightly.timer), or with
--dry-run report what it would remove."""

from django.core.management.base import BaseCommand

from samspel.retention.models import RetentionSchedule
from samspel.retention.services import run
from samspel.retention.tasks import local_today


class Command(BaseCommand):
    help = "Delete closed cases and audit events past each organisation's retention schedule."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report, delete nothing")

    def handle(self, *args, **options) -> None:
        for schedule in RetentionSchedule.objects.select_related("organisation"):
            result = run(schedule, local_today(schedule), dry_run=options["dry_run"])
            verb = "would delete" if result.dry_run else "deleted"
            self.stdout.write(
                f"{schedule.organisation}: {verb} {len(result.cases)} cases "
                f"({sum(result.rows.values())} rows) and {result.audit_events} audit events; "
                f"{len(result.kept)} kept under a legal hold"
            )
