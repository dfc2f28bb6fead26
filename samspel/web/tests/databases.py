"""Databases of their own for tests that run Samspel in another process (production serving,
backup and restore, the database fault test): created beside the test database on the same
PostgreSQL, or as an SQLite file, seeded with the demo through manage.py."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def _admin_connection():
    import psycopg

    params = connection.settings_dict
    return psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def postgres_url(name: str) -> str:
    params = connection.settings_dict
    credentials = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    address = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    return f"postgres://{credentials}@{address}/{name}"


@contextmanager
def new_postgres_database() -> Iterator[str]:
    """The URL of a new, empty database on the test database's server; dropped afterwards."""
    name = f"samspel_t_{uuid.uuid4().hex[:12]}"
    with _admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url(name)
    finally:
        with _admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`manage.py *args` in development mode (the demo allowed) against `database_url`."""
    env = {**os.environ, "DATABASE_URL": database_url, "SAMSPEL_DEMO": "true"}
    env.pop("SAMSPEL_ENV", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
        timeout=300,
    )


def seed_demo(database_url: str) -> None:
    manage(database_url, "migrate", "--noinput", "-v0")
    manage(database_url, "seed_demo")
