"""Moving the test database to a migration of the cases app and back, for the data migration
tests: every other app stays at its latest migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_cases_to(name: str):
    """Migrate the cases app to `name` (every other app to its latest); the historical apps."""
    executor = MigrationExecutor(connection)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "cases"]
    targets = [*others, ("cases", name)]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
