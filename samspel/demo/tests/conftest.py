"""The demo world, seeded once per test module (in a transaction rolled back after the
module's last test; each test still runs in its own savepoint through the `db` fixture)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
import time_machine
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from samspel.demo.builder import build_demo


@contextmanager
def seeded_demo(django_db_blocker, on: dt.datetime | None = None):
    """The demo built (and read) as on `on`, or today."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
        time_machine.travel(on, tick=False) if on else _nothing(),
    ):
        build_demo()
        yield
        transaction.set_rollback(True)


@contextmanager
def _nothing():
    yield


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker):
        yield
