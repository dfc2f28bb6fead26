"""The database connection settings (samspel/settings.py): production keeps a connection for a
minute, checked before reuse; development opens one per request; DATABASE_CONN_MAX_AGE wins."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "SAMSPEL_ENV": "production",
    "SECRET_KEY": "s" * 60,
    "ALLOWED_HOSTS": "samspel.example.org",
    "DEBUG": "false",
}
READ = (
    "from django.conf import settings; d = settings.DATABASES['default']; "
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)


def _connection_settings(**variables: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SAMSPEL_", "DATABASE_"))}
    env.update(variables, DJANGO_SETTINGS_MODULE="samspel.settings")
    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        (PRODUCTION, "60 True"),
        ({**PRODUCTION, "DATABASE_CONN_MAX_AGE": "0"}, "0 True"),
        ({"SAMSPEL_ENV": "development"}, "0 True"),
        ({"SAMSPEL_ENV": "development", "DATABASE_CONN_MAX_AGE": "30"}, "30 True"),
    ],
)
def test_connection_age_and_health_checks(variables, expected):
    assert _connection_settings(**variables) == expected
