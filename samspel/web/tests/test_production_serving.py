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
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from samspel.web.tests.databases import new_postgres_database, seed_demo

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "docs" / "deploy"
HOST = "samspel.example.org"
# The load: bounded in requests and time, on loopback only.
THREADS = 4
REQUESTS_PER_THREAD = 15
PAGES = ["/", "/worklist/", "/cases/", "/calendar/", "/calendar/month/"]
START_TIMEOUT = 90

pytestmark = [
    pytest.mark.skipif(
        shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
        reason="needs nginx (make test installs Debian's nginx-light)",
    ),
    pytest.mark.xdist_group("production_serving"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env_file(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


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


class Client:
    """HTTPS to nginx on loopback, with the public host name and the session's cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
        self.context = context

    def request(self, method: str, path: str, body: dict | None = None, **headers: str):
        conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=30)
        sent = {"Host": HOST, **headers}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{HOST}"
            sent["Referer"] = f"https://{HOST}{path}"
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response, content.decode("utf-8", "replace")

    def log_in(self, username: str) -> None:
        response, page = self.request("GET", "/accounts/login/")
        assert response.status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response, page = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": "demo"},
        )
        assert response.status == 302, page[:500]
        assert response.headers["Location"] in ("/", "https://samspel.example.org/")


def _wait_until_ready(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"samspel-serve stopped ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/readyz", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"samspel-serve not ready in {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


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

    app_port, tls_port, plain_port = _free_port(), _free_port(), _free_port()
    production = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SAMSPEL_", "DATABASE_"))
    }
    production |= _env_file(DEPLOY / "samspel.env")
    production |= {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": database_url,
        "SAMSPEL_BIND": f"127.0.0.1:{app_port}",
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "SAMSPEL_PYTHON": sys.executable,
    }
    log = tmp_path / "samspel.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(ROOT / "bin" / "samspel-serve")],
            cwd=ROOT,
            env=production,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    nginx = None
    try:
        _wait_until_ready(app_port, server, log)
        nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
        config = _nginx_config(tmp_path, tls_port, plain_port, app_port)
        nginx = subprocess.Popen(
            [nginx_binary, "-c", str(config), "-p", str(tmp_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _check_through_the_proxy(tls_port, plain_port, nginx, tmp_path)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=20)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
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
