"""The demo world, built once per test session and copied back before each browser test.

Building it (organisations, users, families, cases, plans, …) takes seconds; copying it back
takes a fraction of that. Each test still starts from the same complete demo world, and
pytest-django still empties the database after it."""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from samspel.demo.builder import build_demo

PG_SCHEMA = "samspel_demo_snapshot"


class DemoSnapshot:
    def __init__(self) -> None:
        self.sqlite_copy: sqlite3.Connection | None = None
        self.pg_tables: list[str] = []

    def restore_or_build(self) -> None:
        """Put the demo world into the (empty) test database."""
        if self.sqlite_copy is not None:
            self.sqlite_copy.backup(connection.connection)
        elif self.pg_tables:
            self._restore_postgresql()
        else:
            with transaction.atomic():
                build_demo()
            self._take()
        ContentType.objects.clear_cache()

    def _take(self) -> None:
        connection.ensure_connection()
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            self.sqlite_copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.sqlite_copy)
        elif connection.vendor == "postgresql":
            tables = connection.introspection.django_table_names(only_existing=True)
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {PG_SCHEMA}")
                for table in tables:
                    name = connection.ops.quote_name(table)
                    cursor.execute(f"CREATE TABLE {PG_SCHEMA}.{name} AS TABLE {name}")
            self.pg_tables = tables
        # Any other database builds the demo for every test.

    def _restore_postgresql(self) -> None:
        names = [connection.ops.quote_name(table) for table in self.pg_tables]
        with transaction.atomic(), connection.cursor() as cursor:
            # Django's foreign keys are deferrable, so the copy order does not matter.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(names)}")  # rows the flush put back
            for name in names:
                cursor.execute(f"INSERT INTO {name} SELECT * FROM {PG_SCHEMA}.{name}")


# One per test process (and so per xdist worker): the browser tests of every app share it.
demo_world = DemoSnapshot()
