"""Restore a backup into an empty database (samspel/web/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from samspel.web.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore FILE (made by backup_database) into the configured, empty database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        tables = connection.introspection.table_names()
        connection.close()  # SQLite: the backup API writes the file itself
        try:
            restore(connection.settings_dict, file, has_tables=bool(tables))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {file} into {connection.settings_dict['NAME']}.")
