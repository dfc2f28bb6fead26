"""Structured logs: one JSON object per line, with the id of the request it belongs to.

Production writes every log record this way (`LOG_FORMAT=json`, the default there), gunicorn's
own records included (samspel/gunicorn_conf.py), so a log collector can join the request log,
an error's traceback and the audit events of one request by `request_id`.

The request log (`RequestLogMiddleware`, logger ``samspel.request``) names the path but never
the query string: searches carry family names and personal numbers there.

This module is imported by gunicorn's master process before Django is set up, so it imports
nothing from Django.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from samspel.audit.middleware import current_request_id

# The attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}
# Django passes the request object to its own loggers: its repr carries the query string.
_NEVER = frozenset({"request", "server_time"})


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "") or current_request_id.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _NEVER and key not in entry:
                entry[key] = value if _plain(value) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)
