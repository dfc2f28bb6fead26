"""The demo world, seeded once per test module (in a transaction rolled back after the
module's last test; each test still runs in its own savepoint through the `db` fixture).

On SQLite (the embedded database the quick suite runs on) a world is built once per test
process and date: the rows the build added are kept, and the next module that asks for the same
world gets them copied back, as the database returned them, inside its own transaction. The
modules still each start from the complete demo world; `test_seeding_again_changes_nothing`
runs on a copied world as well as on a built one. Other databases build the world per module.
(The browser tests' web/tests/browser/snapshot.py replaces the whole database, which cannot
happen inside the transaction these modules share.)"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
import time_machine
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings

from samspel.demo.builder import build_demo

# (table, columns, rows added by the build) per world, in this test process.
_Added = list[tuple[str, list[str], list[tuple]]]
_built: dict[object, _Added] = {}

# The last of a month after February, where a calendar-month slip would show; the modules that
# seed as on a month end share this one, so that SQLite builds that world once.
MONTH_END = dt.datetime(2027, 3, 31, 10, tzinfo=dt.UTC)


@contextmanager
def seeded_demo(django_db_blocker, on: dt.datetime | None = None):
    """The demo built (and read) as on `on`, or today."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    world = on or dt.date.today()
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
        time_machine.travel(on, tick=False) if on else _nothing(),
    ):
        if world in _built:
            _copy_back(_built[world])
        elif connection.vendor == "sqlite":
            before = {table: set(rows) for table, _columns, rows in _rows()}
            build_demo()
            _built[world] = [
                (table, columns, [row for row in rows if row not in before.get(table, ())])
                for table, columns, rows in _rows()
            ]
        else:
            build_demo()
        yield
        transaction.set_rollback(True)


def _rows() -> _Added:
    tables = connection.introspection.django_table_names(only_existing=True)
    found = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = [column[0] for column in cursor.description]
            found.append((table, columns, cursor.fetchall()))
    return found


def _copy_back(added: _Added) -> None:
    """Insert the kept rows again; Django's foreign keys are deferred, so the order is free."""
    with connection.cursor() as cursor:
        for table, columns, rows in added:
            if not rows:
                continue
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {connection.ops.quote_name(table)} ({names}) VALUES ({marks})", rows
            )


@contextmanager
def _nothing():
    yield


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker):
        yield
