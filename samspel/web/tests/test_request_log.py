"""The request log and the JSON log format (samspel/web/logs.py): one line per request with
its id, never the query string; and every response Samspel makes is private."""

import json
import logging
import sys

import pytest
from django.urls import reverse

from samspel.web.logs import JsonFormatter


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="samspel.request")
    return caplog


def _lines(caplog) -> list[dict]:
    formatter = JsonFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name == "samspel.request"
    ]


def test_a_request_is_one_json_line_with_its_id_and_without_its_query(
    client, personas, request_log
):
    client.force_login(personas["worker"])
    response = client.get(reverse("cases:list"), {"q": "Andersson 19121212-1212"})
    assert response.status_code == 200
    [line] = _lines(request_log)
    assert line["request_id"] == response["X-Request-ID"]
    assert line["method"] == "GET"
    assert line["path"] == reverse("cases:list")
    assert line["status"] == 200
    assert line["user_id"] == personas["worker"].pk
    assert line["client"] == "127.0.0.1"
    assert line["duration_ms"] >= 0
    assert line["level"] == "INFO" and line["logger"] == "samspel.request"
    assert "Andersson" not in json.dumps(line) and "1212" not in json.dumps(line)


def test_refusals_and_static_files_are_logged_too(client, db, request_log):
    client.get("/no-such-page/")
    client.get("/static/vendor/htmx/htmx.min.js")
    assert [(line["path"], line["status"]) for line in _lines(request_log)] == [
        ("/no-such-page/", 404),
        ("/static/vendor/htmx/htmx.min.js", 200),
    ]
    assert all(line["user_id"] is None for line in _lines(request_log))


def test_nothing_is_logged_unless_the_request_log_is_on(client, db, caplog):
    caplog.set_level(logging.WARNING, logger="samspel.request")
    client.get(reverse("web:healthz"))
    assert [r for r in caplog.records if r.name == "samspel.request"] == []


def test_the_formatter_keeps_extras_and_tracebacks_and_drops_the_request():
    try:
        raise ValueError("broken")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request", logging.ERROR, "x.py", 1, "Internal %s", ("error",), exc_info
    )
    record.status_code = 500
    record.request = "<WSGIRequest: GET '/cases/?q=Andersson'>"
    record.odd = object()
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Internal error"
    assert line["status_code"] == 500
    assert "request" not in line and "Andersson" not in json.dumps(line)
    assert line["odd"].startswith("<object object")
    assert "ValueError: broken" in line["exception"]
    assert line["time"].endswith("+00:00")


def test_pages_are_not_stored_and_static_files_are_cached(client, personas):
    client.force_login(personas["worker"])
    for url in (reverse("web:home"), reverse("accounts:login"), "/no-such-page/"):
        response = client.get(url)
        assert response["Cache-Control"] == "no-store", url
        assert "camera=()" in response["Permissions-Policy"]
        assert "Expires" not in response
    static = client.get("/static/vendor/htmx/htmx.min.js")
    assert "no-store" not in static.get("Cache-Control", "")
    assert "Permissions-Policy" not in static
