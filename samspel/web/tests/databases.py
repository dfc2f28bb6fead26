"""Databases of their own for tests that run Samspel in another process (production serving,
backup and restore, the database fault test): created beside the test database on the same
PostgreSQL, or as an SQLite file, seeded with the demo through manage.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


class PrivateCluster:
    """A PostgreSQL server of the test's own (initdb in a temporary directory, on a free
    loopback port), which the test may stop and restart without touching the machine's."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = port
        self.url = f"postgres://postgres@127.0.0.1:{port}/samspel"

    @staticmethod
    def binaries() -> Path | None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        return found[-1].parent if found else None

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def pg_ctl(self, action: str) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._run(
            str(self.binaries() / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "server.log"),
            "-m",
            "fast",
            "-w",
            action,
        )

    def create(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            str(self.binaries() / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        self.pg_ctl("start")
        self._run(
            str(self.binaries() / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "samspel",
        )


@contextmanager
def private_cluster(port: int) -> Iterator[PrivateCluster]:
    directory = Path(tempfile.mkdtemp(prefix="samspel-pg-"))
    cluster = PrivateCluster(directory, port)
    try:
        cluster.create()
        yield cluster
    finally:
        with suppress(subprocess.CalledProcessError):  # it was not running
            cluster.pg_ctl("stop")
        shutil.rmtree(directory, ignore_errors=True)
