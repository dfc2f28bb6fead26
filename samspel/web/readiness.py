"""What `/readyz` checks before a load balancer sends a server requests: the database answers,
every migration is applied, and (in production) the collected static files are there.

`/healthz` is the liveness check: it answers as long as the process does, so a database outage
makes servers unready, not restarted."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

# A page every other page needs; missing when collectstatic has not run.
STATIC_PROBE = "vendor/htmx/htmx.min.js"

_migrated = False  # once every migration is applied it stays so for the process's life


def database() -> bool:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means not ready
        return False
    return True


def migrations() -> bool:
    global _migrated
    if not _migrated:
        try:
            executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
            targets = executor.loader.graph.leaf_nodes()
            _migrated = not executor.migration_plan(targets)
        except Exception:  # an unreachable database: not ready, known from database()
            return False
    return _migrated


def static_files() -> bool:
    if settings.WHITENOISE_USE_FINDERS:  # development and tests find them in the source
        return True
    return staticfiles_storage.exists(STATIC_PROBE)


def checks() -> dict[str, bool]:
    reachable = database()
    return {
        "database": reachable,
        "migrations": reachable and migrations(),
        "static_files": static_files(),
    }
