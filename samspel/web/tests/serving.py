"""Samspel served as in production, for the tests that need a real server: `bin/samspel-serve`
with docs/deploy/samspel.env (only the secret, the database and the port replaced), and a small
HTTP client that keeps the session's cookies and sends the CSRF token as a browser would."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "docs" / "deploy"
HOST = "samspel.example.org"
START_TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def env_file(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def production_env(database_url: str, port: int, static_root: Path) -> dict[str, str]:
    """The documented settings, with this test's secret, database and address."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SAMSPEL_", "DATABASE_"))
    }
    env |= env_file(DEPLOY / "samspel.env")
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": database_url,
        "SAMSPEL_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(static_root),
        "SAMSPEL_PYTHON": sys.executable,
    }
    return env


@contextmanager
def serve(database_url: str, directory: Path) -> Iterator[tuple[int, Path]]:
    """`bin/samspel-serve` on a free loopback port until the block ends: (port, log file)."""
    port = free_port()
    log = directory / "samspel.log"
    env = production_env(database_url, port, directory / "static")
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(ROOT / "bin" / "samspel-serve")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    try:
        _wait_until_ready(port, server, log)
        yield port, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


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


class Client:
    """HTTP(S) to a server on loopback, with the public host name and the session's cookies.
    Without TLS it says `X-Forwarded-Proto: https`, as the proxy in front of gunicorn does."""

    def __init__(self, port: int, *, tls: bool = True) -> None:
        self.port = port
        self.tls = tls
        self.cookies: dict[str, str] = {}
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
        self.context = context

    def _connection(self) -> http.client.HTTPConnection:
        if self.tls:
            return http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=self.context, timeout=30
            )
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def request(self, method: str, path: str, body: dict | None = None, **headers: str):
        conn = self._connection()
        sent = {"Host": HOST, **headers}
        if not self.tls:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
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

    def csrf_token(self, path: str) -> str:
        response, page = self.request("GET", path)
        assert response.status == 200, page[:500]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, username: str) -> None:
        token = self.csrf_token("/accounts/login/")
        response, page = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": "demo"},
        )
        assert response.status == 302, page[:500]
        assert response.headers["Location"] in ("/", f"https://{HOST}/")
