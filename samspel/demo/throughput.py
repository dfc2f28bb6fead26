"""Throughput of a few pages through a running server on loopback (issue 16, item 1).

Threads of the standard library, each with its own HTTP connection, request one page as fast as
the server answers for a bounded time, carrying a logged-in session cookie; the result is
requests per second and the latency the client saw. The server must use the same database as
the command (the sessions are rows there). See docs/benchmark.md for how to run gunicorn.
"""

from __future__ import annotations

import http.client
import importlib.util
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from samspel.demo.page_benchmark import percentile

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_DURATION = 60


@dataclass
class Throughput:
    label: str
    concurrency: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    failures: Counter = field(default_factory=Counter)  # by status, or the error's name

    @property
    def per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Server:
    scheme: str
    host: str
    port: int

    def connection(self) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        return kind(self.host, self.port, timeout=30)


def server(url: str) -> Server:
    """The server at `url`; only loopback, so the benchmark never loads someone else's host."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.hostname not in LOOPBACK:
        raise ValueError(f"{url!r} is not an http(s) URL on loopback (127.0.0.1, localhost, ::1).")
    return Server(
        parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    )


def unreachable(target: Server) -> str:
    """Why the server cannot be measured, or "" when its health check answers 200."""
    try:
        status = _get(target.connection(), "/healthz", "")[0]
    except OSError as error:
        hint = (
            "gunicorn is not installed in this environment (pip install gunicorn); "
            if importlib.util.find_spec("gunicorn") is None
            else ""
        )
        return (
            f"no server answers at {target.scheme}://{target.host}:{target.port} ({error}); "
            f"{hint}start one as docs/benchmark.md shows, on the same DATABASE_URL."
        )
    return "" if status == 200 else f"/healthz answered {status}, not 200."


def _get(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, int]:
    # X-Forwarded-Proto: a production server behind BEHIND_TLS_PROXY takes loopback for TLS.
    headers = {"X-Forwarded-Proto": "https", **({"Cookie": cookie} if cookie else {})}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.will_close:
        conn.close()  # http.client opens a new connection for the next request
    return response.status, len(body)


def _get_again_if_dropped(conn, path: str, cookie: str) -> tuple[int, int]:
    """A server may close a kept-alive connection just as the next request goes out; a GET is
    safe to send once more on a new connection, as browsers do."""
    try:
        return _get(conn, path, cookie)
    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        conn.close()
        return _get(conn, path, cookie)


def run(target: Server, label: str, path: str, cookie: str, concurrency: int, duration: float):
    """`concurrency` threads requesting `path` for `duration` seconds."""
    result = Throughput(label, concurrency, duration)
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def worker() -> None:
        conn = target.connection()
        latencies: list[float] = []
        failures: Counter = Counter()
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                status, _size = _get_again_if_dropped(conn, path, cookie)
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                failures[type(error).__name__] += 1
                continue
            if status == 200:
                latencies.append((time.perf_counter() - start) * 1000)
            else:
                failures[status] += 1
        conn.close()
        with lock:
            result.latencies_ms.extend(latencies)
            result.failures.update(failures)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def markdown_table(results: list[Throughput]) -> str:
    lines = [
        "| page | concurrency | requests/s | p50 ms | p95 ms | failed |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        p50 = f"{statistics.median(r.latencies_ms):,.1f}" if r.latencies_ms else "–"
        p95 = f"{percentile(r.latencies_ms, 0.95):,.1f}" if r.latencies_ms else "–"
        lines.append(
            f"| {r.label} | {r.concurrency} | {r.per_second:,.1f} | {p50} | {p95} | {_failed(r)} |"
        )
    return "\n".join(lines)


def _failed(result: Throughput) -> str:
    total = sum(result.failures.values())
    if not total:
        return "0"
    reasons = ", ".join(f"{reason} ×{n}" for reason, n in result.failures.most_common())
    return f"**{total}** ({reasons})"
