"""Create (or top up) the demo: two organisations, their teams, the demo logins and
a few dozen fictional families. Safe to run again: nothing is duplicated."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samspel.demo.builder import DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = "Load the demo organisations, users (password 'demo') and fictional families."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data is never loaded in production (SAMSPEL_ENV=production).")
        with transaction.atomic():
            summary = build_demo()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        for line in summary:
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Every demo login has the password '{DEMO_PASSWORD}'.")
