"""Backup and restore of Samspel's database: the tools each database ships with, nothing of our
own. PostgreSQL: `pg_dump --format=custom` (a consistent snapshot taken while Samspel runs) and
`pg_restore --single-transaction` (all or nothing). SQLite: its online backup API.

`manage.py backup_database FILE` and `manage.py restore_database FILE` call these; the README's
"Backup and restore" says how to run them and how to check a restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason for the operator."""


def _pg_environment(settings: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings.get(key):
            env[name] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    env["PGDATABASE"] = str(settings["NAME"])
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def backup(settings: dict[str, Any], target: Path) -> None:
    """Write a backup of the database `settings` (a DATABASES entry) to `target`; a failed
    backup leaves no file behind (it is written beside it, then renamed)."""
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new file name.")
    partial = target.with_name(target.name + ".partial")
    try:
        if "postgresql" in settings["ENGINE"]:
            result = subprocess.run(  # noqa: S603 - our own arguments, no shell
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={partial}",
                ],
                env=_pg_environment(settings),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        elif "sqlite3" in settings["ENGINE"]:
            source = sqlite3.connect(f"file:{settings['NAME']}?mode=ro", uri=True)
            with source, sqlite3.connect(partial) as copy:
                source.backup(copy)
            source.close()
        else:
            raise BackupError(f"No backup for the database engine {settings['ENGINE']}.")
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)


def restore(settings: dict[str, Any], source: Path, *, has_tables: bool) -> None:
    """Restore the backup `source` into the database `settings`, which must be empty; on
    PostgreSQL in one transaction, so that a failed restore leaves it empty."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    if has_tables:
        raise BackupError(
            f"The database {settings['NAME']} is not empty: restore into a new database "
            "(createdb), then point DATABASE_URL at it."
        )
    if "postgresql" in settings["ENGINE"]:
        result = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [
                _tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings['NAME']}",
                str(source),
            ],
            env=_pg_environment(settings),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    elif "sqlite3" in settings["ENGINE"]:
        try:
            backup_file = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            with backup_file, sqlite3.connect(settings["NAME"]) as target:
                backup_file.backup(target)
            backup_file.close()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is not an SQLite backup: {error}") from error
    else:
        raise BackupError(f"No restore for the database engine {settings['ENGINE']}.")
