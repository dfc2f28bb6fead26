"""Production mode refuses unsafe configuration; a proper one passes `check --deploy`.

Each configuration starts Django in its own process, as a deployment would; the processes
run side by side so that the module stays fast."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samspel import settings as samspel_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SAMSPEL_ENV": "production",
    "SECRET_KEY": "k3J9xQ2mV7pL4tR8wZ1yB6nC5hF0dG3sA9eU2iO7qW4rT1yP8uI6oL5kJ3hG",  # 60 chars
    "ALLOWED_HOSTS": "samspel.example.org",
}
# Reminders that are really delivered: an SMS gateway and a task backend that can schedule.
DELIVERY = {
    "SMS_BACKEND": "samspel.reminders.sms.HttpBackend",
    "SMS_HTTP_URL": "https://sms.example.org/send",
    "SMS_HTTP_TOKEN": "token",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}
WITHOUT_SECRET_KEY = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
# Left out of the inherited environment: ours, and what the browser tests set for themselves.
NOT_INHERITED = (
    "SAMSPEL_ENV",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SAMSPEL_DEMO",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    *DELIVERY,
)

SETUP = ["-c", "import django; django.setup()"]
SHOW = [
    "-c",
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'session': s.SESSION_COOKIE_SECURE, "
    "'csrf': s.CSRF_COOKIE_SECURE, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'ssl': s.SECURE_SSL_REDIRECT, 'demo': s.DEMO_MODE}))",
]
CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]

REFUSED = {
    "missing secret key": (WITHOUT_SECRET_KEY, "needs SECRET_KEY"),
    "short secret key": ({**PRODUCTION, "SECRET_KEY": "x" * 49}, "needs SECRET_KEY"),
    "development secret key": (
        {**PRODUCTION, "SECRET_KEY": samspel_settings.DEV_SECRET_KEY},
        "needs SECRET_KEY",
    ),
    "debug on": ({**PRODUCTION, "DEBUG": "true"}, "refuses to run with DEBUG on"),
    "blank allowed hosts": ({**PRODUCTION, "ALLOWED_HOSTS": " , "}, "needs ALLOWED_HOSTS"),
}
RUNS = {
    **{name: (SETUP, env) for name, (env, _complaint) in REFUSED.items()},
    "production settings": (SHOW, {**PRODUCTION, "SAMSPEL_DEMO": "true"}),
    "check --deploy": (CHECK_DEPLOY, {**PRODUCTION, **DELIVERY}),
    "check --deploy, reminders undelivered": (CHECK_DEPLOY, PRODUCTION),
    "development": (SHOW, {}),
}


@pytest.fixture(scope="module")
def results():
    """Start every configuration at once, then collect (returncode, stdout, stderr)."""
    base = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    base["DJANGO_SETTINGS_MODULE"] = "samspel.settings"
    processes = {
        name: subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env={**base, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, (args, env) in RUNS.items()
    }
    results = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=60)
        results[name] = (process.returncode, stdout, stderr)
    return results


@pytest.mark.parametrize("name", REFUSED)
def test_production_refuses_unsafe_configuration(results, name):
    returncode, _stdout, stderr = results[name]
    assert returncode != 0
    assert "ImproperlyConfigured" in stderr
    assert REFUSED[name][1] in stderr


def test_proper_production_configuration_starts_secure_and_without_demo(results):
    returncode, stdout, stderr = results["production settings"]
    assert returncode == 0, stderr
    assert json.loads(stdout) == {
        "debug": False,
        "session": True,
        "csrf": True,
        "hsts": 31536000,
        "ssl": True,
        "demo": False,
    }


def test_check_deploy_passes_in_production(results):
    returncode, stdout, stderr = results["check --deploy"]
    assert returncode == 0, stdout + stderr
    assert "System check identified no issues" in stdout


def test_check_deploy_flags_reminders_that_would_never_be_delivered(results):
    returncode, stdout, stderr = results["check --deploy, reminders undelivered"]
    assert returncode != 0
    assert "samspel.W001" in stdout + stderr  # SMS to the console
    assert "samspel.W003" in stdout + stderr  # a task backend that cannot schedule


def test_development_needs_no_configuration(results):
    returncode, stdout, stderr = results["development"]
    assert returncode == 0, stderr
    assert json.loads(stdout)["debug"] is True


def test_passwords_are_hashed_with_argon2():
    assert samspel_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_responses_carry_a_strict_content_security_policy(client, db):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_embedded_database_folder_is_made_on_a_fresh_clone(tmp_path):
    """A fresh clone has no var/ folder; the default SQLite database must still open."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    clone = tmp_path / "clone"
    shutil.copytree(root / "samspel", clone / "samspel", ignore=shutil.ignore_patterns("tests"))
    shutil.copy(root / "manage.py", clone / "manage.py")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SAMSPEL_ENV")}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection; connection.ensure_connection()",
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (clone / "var" / "samspel.sqlite3").exists()
