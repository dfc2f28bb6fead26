from unittest import mock

import pytest
from django.db.utils import OperationalError

from samspel.web import readiness


def test_healthz_answers_without_the_database(client, db):
    with mock.patch("samspel.web.readiness.database", side_effect=AssertionError):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_checks_reject_post_and_are_not_cached(client, db, path):
    assert client.post(path).status_code == 405
    assert client.get(path)["Cache-Control"] == "no-store"


def test_readyz_reports_each_check(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "migrations": "ok",
        "static_files": "ok",
    }


def test_readyz_is_unavailable_when_the_database_is_down(client, db):
    down = mock.Mock(cursor=mock.Mock(side_effect=OperationalError("down")))
    with mock.patch.object(readiness, "connections", {"default": down}):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "failed"
    assert response.json()["migrations"] == "failed"


def test_readyz_is_unavailable_with_a_migration_not_applied(client, db, monkeypatch):
    monkeypatch.setattr(readiness, "_migrated", False)
    plan = [("a migration", False)]
    with mock.patch.object(readiness.MigrationExecutor, "migration_plan", return_value=plan):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "failed"
    assert response.json()["database"] == "ok"


def test_readyz_is_unavailable_without_collected_static_files(client, db, settings, tmp_path):
    settings.WHITENOISE_USE_FINDERS = False
    with mock.patch.object(readiness.staticfiles_storage, "exists", return_value=False):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["static_files"] == "failed"
