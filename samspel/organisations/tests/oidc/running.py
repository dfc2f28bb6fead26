"""Start the test OpenID provider (provider.mjs, a real oidc-provider on loopback) and log in
through its development pages the way a browser would, with `requests`."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import requests

from samspel.web.tests.serving import free_port

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
NODE = "node"
FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"')


@dataclass
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str


@contextmanager
def oidc_provider(redirect_uris: list[str], accounts: dict | None = None, client_id="samspel"):
    port = free_port()
    client = {
        "client_id": client_id,
        "client_secret": f"{client_id}-secret",
        "redirect_uris": redirect_uris,
        "response_types": ["code"],
        "grant_types": ["authorization_code"],
        "token_endpoint_auth_method": "client_secret_post",
    }
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENTS": json.dumps([client]),
        "OIDC_ACCOUNTS": json.dumps(accounts or {}),
        "NODE_PATH": str(ROOT / "node_modules"),
    }
    process = subprocess.Popen(
        [NODE, str(HERE / "provider.mjs")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # its warnings: development keys, in-memory storage
        text=True,
    )
    try:
        ready, _busy, _failed = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline() if ready else ""
        if "ready" not in line:
            raise RuntimeError(f"the OpenID provider did not start ({process.poll()}): {line}")
        yield RunningProvider(f"http://127.0.0.1:{port}", client_id, client["client_secret"])
    finally:
        process.terminate()
        process.wait(timeout=10)


def log_in_at_provider(authorize_url: str, login: str) -> str:
    """Follow the authorisation request through the provider's login and consent pages; the
    address the provider sends the browser back to (the relying party's callback)."""
    session = requests.Session()
    response = session.get(authorize_url, allow_redirects=True, timeout=10)
    for fields in ({"prompt": "login", "login": login, "password": "x"}, {"prompt": "consent"}):
        action = unescape(FORM_ACTION.search(response.text).group(1))
        response = session.post(
            urljoin(response.url, action), data=fields, allow_redirects=False, timeout=10
        )
        while response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if not location.startswith(authorize_url.split("/auth")[0]):
                return location  # back to the relying party
            response = session.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(f"the provider did not send the browser back: {response.status_code}")
