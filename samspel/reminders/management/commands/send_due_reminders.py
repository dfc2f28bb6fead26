"""The reminder sweep: sends every due reminder and takes over those whose sender died.

Production: run every few minutes next to `manage.py db_worker` (cron or a systemd timer).
Development with the immediate task backend: `--loop` keeps it running as the worker."""

import time

from django.core.management.base import BaseCommand

from samspel.reminders.delivery import deliver_due


class Command(BaseCommand):
    help = "Send the reminders that are due (safe to run on several machines at once)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument("--interval", type=float, default=30, help="Seconds between sweeps.")

    def handle(self, *, loop: bool, interval: float, **options) -> None:
        while True:
            handled = deliver_due()
            if options["verbosity"] > 0 and handled:
                self.stdout.write(f"{handled} reminder(s) handled")
            if not loop:
                return
            time.sleep(interval)
