"""gunicorn's settings for Samspel (`bin/samspel-serve` starts gunicorn with this file).

Each value can be changed from the environment; the defaults suit one machine behind a reverse
proxy on the same machine (docs/deploy/nginx.conf). More load: more processes here
(`WEB_CONCURRENCY`), then more machines behind the proxy, all on one PostgreSQL.
"""

import multiprocessing
import os

bind = os.environ.get("SAMSPEL_BIND", "127.0.0.1:8000")
# Sync workers: each handles one request at a time and holds one database connection.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))  # a plan PDF of a large case takes seconds
graceful_timeout = 30
keepalive = 5
# Recycle a process now and then, so that a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The proxy on this machine; the client's address comes from X-Forwarded-For (PROXY_COUNT).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Samspel logs each request itself (samspel.request, without query strings), so gunicorn's access
# log stays off; its own messages are JSON lines like the application's.
accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "samspel.web.logs.JsonFormatter"}},
    "handlers": {
        "json_stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["json_stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": []},
}
