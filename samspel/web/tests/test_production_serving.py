"""Samspel as it runs in production (issue 11, item 1): `bin/samspel-serve` with the settings of
docs/deploy/samspel.env (only the secret, the database and the port replaced), behind nginx with
docs/deploy/nginx.conf (only the addresses and the certificate replaced), serving the demo on
PostgreSQL to a bounded client on loopback.

It checks what an operator relies on: the deployment checks pass (the serve command refuses to
start otherwise), readiness, logging in through TLS, every page of a bounded load answered, the
private-data headers, Samspel's own translated 404, and JSON log lines that carry each
response's request id and no query string."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from samspel.web.tests.databases import new_postgres_database, seed_demo
from samspel.web.tests.serving import DEPLOY, HOST, Client, free_port, serve

# The load: bounded in requests and time, on loopback only.
THREADS = 4
REQUESTS_PER_THREAD = 15
PAGES = ["/", "/worklist/", "/cases/", "/calendar/", "/calendar/month/"]

pytestmark = [
    pytest.mark.skipif(
        shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
        reason="needs nginx (make test installs Debian's nginx-light)",
    ),
    pytest.mark.xdist_group("production_serving"),
]


def _replaced(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"docs/deploy no longer has {old!r}: update this test with it"
        text = text.replace(old, new)
    return text


@pytest.fixture
def database_url(db):
    """A database of its own, created beside the test database on the same PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("production serves PostgreSQL; this runs in the PostgreSQL pass of CI")
    with new_postgres_database() as url:
        yield url


def _certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _nginx_config(directory: Path, tls_port: int, plain_port: int, app_port: int) -> Path:
    cert, key = _certificate(directory)
    site = _replaced(
        (DEPLOY / "nginx.conf").read_text(),
        {
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
            "listen 80;": f"listen 127.0.0.1:{plain_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{tls_port} ssl http2;",
            "/etc/ssl/samspel/fullchain.pem": str(cert),
            "/etc/ssl/samspel/privkey.pem": str(key),
        },
    )
    (directory / "samspel.conf").write_text(site)
    for temp in ("body", "proxy"):
        (directory / temp).mkdir()
    main = directory / "nginx.conf"
    user = "user root;\n" if os.geteuid() == 0 else ""
    main.write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {directory}/nginx.pid;\n"
        f"error_log {directory}/error.log warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n  client_body_temp_path {directory}/body;\n"
        f"  proxy_temp_path {directory}/proxy;\n  include {directory}/samspel.conf;\n}}\n"
    )
    return main


def test_the_documented_production_setup_serves_the_demo(database_url, tmp_path):
    seed_demo(database_url)
    tls_port, plain_port = free_port(), free_port()
    with serve(database_url, tmp_path) as (app_port, log):
        nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
        config = _nginx_config(tmp_path, tls_port, plain_port, app_port)
        nginx = subprocess.Popen(
            [nginx_binary, "-c", str(config), "-p", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _check_through_the_proxy(tls_port, plain_port, nginx, tmp_path)
        finally:
            nginx.terminate()
            nginx.wait(timeout=20)
    _check_the_log(log)


SEEN_IDS: list[str] = []


def _check_through_the_proxy(
    tls_port: int, plain_port: int, nginx: subprocess.Popen, directory: Path
) -> None:
    client = Client(tls_port)
    for _ in range(40):
        try:
            response, body = client.request("GET", "/readyz")
            break
        except OSError:
            if nginx.poll() is not None:
                pytest.fail(f"nginx stopped: {nginx.stderr.read().decode()}")
            time.sleep(0.25)
    assert response.status == 200, body
    assert json.loads(body)["status"] == "ok"

    plain = http.client.HTTPConnection("127.0.0.1", plain_port, timeout=10)
    plain.request("GET", "/cases/", headers={"Host": HOST})
    assert plain.getresponse().headers["Location"] == f"https://{HOST}/cases/"

    client.log_in("worker")
    response, page = client.request("GET", "/")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Content-Security-Policy" in response.headers
    assert "Secure" in "".join(response.headers.get_all("Set-Cookie") or ["Secure"])

    response, page = client.request("GET", "/cases/no-such-case/")
    assert response.status == 404
    assert "<h1>Ikke fundet</h1>" in page, page[:800]  # Samspel's own page; the worker is Danish
    assert "Gå til forsiden" in page and "Traceback" not in page

    response, page = client.request("GET", "/cases/?q=Andersen")  # the query must not be logged
    assert response.status == 200

    statuses: list[int] = []
    lock = threading.Lock()

    def load(offset: int) -> None:
        own = Client(tls_port)
        own.cookies = dict(client.cookies)
        for i in range(REQUESTS_PER_THREAD):
            response, _page = own.request("GET", PAGES[(offset + i) % len(PAGES)])
            with lock:
                statuses.append(response.status)
                SEEN_IDS.append(response.headers["X-Request-ID"])

    threads = [threading.Thread(target=load, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * (THREADS * REQUESTS_PER_THREAD)


def _check_the_log(log: Path) -> None:
    lines = [line for line in log.read_text().splitlines() if line.strip()]
    # The checks, migrations and collectstatic before gunicorn print text; from then on JSON.
    served = lines[next(i for i, line in enumerate(lines) if line.startswith("{")) :]
    not_json = [line for line in served if not line.startswith("{")]
    assert not not_json, f"log lines that are not JSON: {not_json[:5]}"
    parsed = [json.loads(line) for line in served]
    requests = {
        entry["request_id"]: entry for entry in parsed if entry["logger"] == "samspel.request"
    }
    assert set(SEEN_IDS) <= set(requests), "every answered request has its log line"
    assert all(len(rid) == 32 for rid in SEEN_IDS), "nginx's $request_id is the request's id"
    assert not [e for e in parsed if e["logger"] == "samspel.request" and e["status"] >= 500]
    assert "Andersen" not in log.read_text()
    assert any(e["logger"] == "gunicorn.error" and "Booting worker" in e["message"] for e in parsed)
