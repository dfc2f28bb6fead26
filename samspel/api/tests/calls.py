"""Calling the API in tests as a script would: a bearer token in the Authorization header."""

BASE = "/api/v1"


def get(client, path: str, secret: str | None = None, **params):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return client.get(f"{BASE}{path}", params, headers=headers)
