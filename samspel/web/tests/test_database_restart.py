"""The database restarts while workers write (issue 11, item 8): Samspel in production mode on a
PostgreSQL server of the test's own, two clients logging calls on a case as fast as it answers,
and the server restarted in the middle. No write that was acknowledged is lost (each
acknowledged request's id is on its activity's audit event), every write that was refused got
Samspel's error page saying nothing was saved and left nothing behind, and writes succeed again
once the database is back. Bounded: at most MAX_REQUESTS requests, DEADLINE seconds."""

import threading
import time

import psycopg
import pytest
from django.db import connection

from samspel.web.tests.databases import PrivateCluster, private_cluster, seed_demo
from samspel.web.tests.serving import Client, free_port, serve

THREADS = 2
MAX_REQUESTS = 1500
PAUSE = 0.02  # seconds between one client's requests: at most 50 a second each
DEADLINE = 60
REFUSED_PAGE = "Intet blev gemt."  # the worker reads Danish: "Nothing was saved."


@pytest.fixture
def cluster(db):
    if connection.vendor != "postgresql" or PrivateCluster.binaries() is None:
        pytest.skip("needs PostgreSQL's server binaries (the PostgreSQL pass of CI)")
    with private_cluster(free_port()) as cluster:
        yield cluster


def _open_case(url: str) -> str:
    with psycopg.connect(url) as db:
        (public_id,) = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.id = c.responsible_id "
            "WHERE u.username = 'worker' AND c.status = 'active' ORDER BY c.number LIMIT 1"
        ).fetchone()
    return str(public_id)


def _created(url: str) -> set[str]:
    """The request ids of the activities that were written."""
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT request_id FROM audit_auditevent "
            "WHERE action = 'create' AND object_type = 'activities.activity'"
        )
        return {request_id for (request_id,) in rows}


def test_no_acknowledged_write_is_lost_when_the_database_restarts(cluster, tmp_path):
    seed_demo(cluster.url)
    case = _open_case(cluster.url)
    before = _created(cluster.url)
    with serve(cluster.url, tmp_path) as (port, _log):
        client = Client(port, tls=False)
        client.log_in("worker")
        token = client.csrf_token(f"/cases/{case}/")
        outcomes: list[tuple[str, int, str]] = []  # (request id, status, page)
        lock = threading.Lock()
        stop = threading.Event()
        deadline = time.monotonic() + DEADLINE

        def write() -> None:
            own = Client(port, tls=False)
            own.cookies = dict(client.cookies)
            while not stop.is_set() and time.monotonic() < deadline:
                response, page = own.request(
                    "POST",
                    f"/cases/{case}/activities/contact/",
                    {"csrfmiddlewaretoken": token, "kind": "phone_call"},
                )
                with lock:
                    outcomes.append((response.headers["X-Request-ID"], response.status, page))
                    if len(outcomes) >= MAX_REQUESTS:
                        stop.set()
                time.sleep(PAUSE)

        threads = [threading.Thread(target=write) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        cluster.pg_ctl("restart")
        restarted_at = len(outcomes)
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    created = _created(cluster.url) - before
    acknowledged = {rid for rid, status, _page in outcomes if status == 302}
    refused = [(rid, status, page) for rid, status, page in outcomes if status != 302]
    assert acknowledged <= created, "an acknowledged write was lost"
    assert refused, "no request met the restart: the test did not test it"
    for rid, status, page in refused:
        assert status == 500, status
        assert REFUSED_PAGE in page, page[:300]
        assert rid in page  # the reference for the support
        assert rid not in created, "a write reported as refused was saved"
    after_restart = [status for _rid, status, _page in outcomes[restarted_at:]]
    assert 302 in after_restart[-5:], "writes did not succeed again after the restart"
