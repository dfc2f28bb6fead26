"""Back up the database to a file (samspel/web/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from samspel.web.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up Samspel's database to FILE (pg_dump custom format, or an SQLite copy)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            backup(connection.settings_dict, file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up {connection.settings_dict['NAME']} to {file}.")
