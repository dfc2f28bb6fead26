"""Backup and restore (issue 11, item 8): the demo's database is backed up with the documented
command, restored into a new database, and every row of every table is found identical, with the
sequences and the audit log's append-only triggers; a restore into a database that is not empty
or from a broken file is refused with a message and changes nothing."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from samspel.web.tests.databases import manage, new_postgres_database, seed_demo


def _sqlite_rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {table: sorted(db.execute(f'SELECT * FROM "{table}"'), key=repr) for table in tables}


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("backup") / "demo.sqlite3"
    seed_demo(f"sqlite:///{path}")
    return path


def test_an_sqlite_backup_restores_every_row(sqlite_demo, tmp_path):
    backup = tmp_path / "samspel.backup"
    restored = tmp_path / "restored.sqlite3"
    manage(f"sqlite:///{sqlite_demo}", "backup_database", str(backup))
    result = manage(f"sqlite:///{restored}", "restore_database", str(backup))
    assert "Restored" in result.stdout
    original, copy = _sqlite_rows(sqlite_demo), _sqlite_rows(restored)
    assert sum(len(rows) for rows in original.values()) > 1000  # the demo, not an empty file
    assert original == copy


def test_a_restore_into_a_database_with_tables_is_refused(sqlite_demo, tmp_path):
    backup = tmp_path / "samspel.backup"
    manage(f"sqlite:///{sqlite_demo}", "backup_database", str(backup))
    before = _sqlite_rows(sqlite_demo)
    result = manage(f"sqlite:///{sqlite_demo}", "restore_database", str(backup), check=False)
    assert result.returncode != 0
    assert "is not empty: restore into a new database" in result.stderr
    assert _sqlite_rows(sqlite_demo) == before


def test_a_broken_backup_is_refused(tmp_path):
    broken = tmp_path / "broken.backup"
    broken.write_bytes(b"not a database at all" * 100)
    result = manage(
        f"sqlite:///{tmp_path / 'new.sqlite3'}", "restore_database", str(broken), check=False
    )
    assert result.returncode != 0
    assert "is not an SQLite backup" in result.stderr


def test_a_backup_never_overwrites_a_file(sqlite_demo, tmp_path):
    existing = tmp_path / "kept.backup"
    existing.write_text("yesterday's backup")
    result = manage(f"sqlite:///{sqlite_demo}", "backup_database", str(existing), check=False)
    assert result.returncode != 0 and "exists already" in result.stderr
    assert existing.read_text() == "yesterday's backup"


# PostgreSQL: every table's rows as one digest, the sequences, and the triggers.
PG_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
PG_SEQUENCES = (
    "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
)
PG_TRIGGERS = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"


def _pg_state(url: str) -> dict:
    import psycopg

    with psycopg.connect(url) as db:
        tables = [name for (name,) in db.execute(PG_TABLES)]
        digest = {}
        for table in tables:
            count, md5 = db.execute(
                "SELECT count(*), "
                "md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            ).fetchone()
            digest[table] = (count, md5)
        return {
            "tables": digest,
            "sequences": list(db.execute(PG_SEQUENCES)),
            "triggers": [name for (name,) in db.execute(PG_TRIGGERS)],
        }


@pytest.fixture
def postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL backup runs in the PostgreSQL pass of CI")


def test_a_postgres_backup_restores_every_row(postgres, tmp_path):
    backup = tmp_path / "samspel.dump"
    with new_postgres_database() as original, new_postgres_database() as restored:
        seed_demo(original)
        manage(original, "backup_database", str(backup))
        manage(restored, "restore_database", str(backup))
        before, after = _pg_state(original), _pg_state(restored)
        # Samspel starts on the restored database (its checks pass).
        manage(restored, "check")
    assert sum(count for count, _md5 in before["tables"].values()) > 1000
    assert before == after
    assert "audit_auditevent_append_only" in after["triggers"]


def test_a_failed_postgres_restore_leaves_the_database_empty(postgres, tmp_path):
    with new_postgres_database() as original, new_postgres_database() as restored:
        seed_demo(original)
        backup = tmp_path / "samspel.dump"
        manage(original, "backup_database", str(backup))
        truncated = tmp_path / "truncated.dump"
        truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
        result = manage(restored, "restore_database", str(truncated), check=False)
        assert result.returncode != 0 and "pg_restore failed" in result.stderr
        assert _pg_state(restored)["tables"] == {}
