"""The example configuration in docs/deploy/ names what the project has: the serve command, the
settings file, management commands that exist, a service for each timer."""

import configparser
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

DEPLOY = Path(settings.BASE_DIR) / "docs" / "deploy"
INSTALLED = Path("/srv/samspel")


def _unit(name: str) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd's keys are case-sensitive
    unit.read_string((DEPLOY / name).read_text())
    return unit


def test_the_web_service_runs_the_serve_command_with_the_documented_settings():
    service = _unit("samspel.service")["Service"]
    assert service["ExecStart"] == str(INSTALLED / "bin" / "samspel-serve")
    assert (Path(settings.BASE_DIR) / "bin" / "samspel-serve").stat().st_mode & 0o111
    assert service["EnvironmentFile"] == "/etc/samspel/samspel.env"
    assert "/etc/samspel/samspel.env" in (DEPLOY / "samspel.env").read_text().splitlines()[0]
    assert service["WorkingDirectory"] == str(INSTALLED)


def test_every_unit_runs_a_management_command_that_exists():
    commands = get_commands()
    for path in DEPLOY.glob("*.service"):
        exec_start = _unit(path.name)["Service"]["ExecStart"].split()
        if exec_start[0].endswith("samspel-serve"):
            continue
        assert exec_start[:2] == [str(INSTALLED / ".venv/bin/python"), "manage.py"], path.name
        assert exec_start[2] in commands, f"{path.name}: no command {exec_start[2]}"


def test_every_timer_has_its_service():
    for timer in DEPLOY.glob("*.timer"):
        assert (DEPLOY / f"{timer.stem}.service").exists(), timer.name
        assert _unit(timer.name)["Timer"]["OnCalendar"]
