"""SMS gateways, chosen by the SMS_BACKEND setting (a dotted path), like Django's mail backends.

Every backend has `send(to, text, reference)`; `reference` is the reminder's stable reference,
which the HTTP provider treats as an idempotency key (a second request with the same reference
does not deliver a second message)."""

import json
import logging
import sys
import urllib.error
import urllib.request
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The message was not accepted; the caller may retry."""


class ConsoleBackend:
    """Development: writes the message to standard output."""

    def send(self, to: str, text: str, reference: str) -> None:
        sys.stdout.write(f"SMS to {to} [{reference}]\n{text}\n{'-' * 40}\n")
        sys.stdout.flush()


class HttpBackend:
    """An SMS provider over HTTP: POST JSON {to, text, reference} to SMS_HTTP_URL with
    `Authorization: Bearer SMS_HTTP_TOKEN`. Any non-2xx answer, a timeout or a broken
    connection is a failure."""

    def __init__(self) -> None:
        self.url = settings.SMS_HTTP_URL
        self.token = settings.SMS_HTTP_TOKEN
        self.timeout = settings.SMS_HTTP_TIMEOUT
        if not self.url or not self.token:
            raise ImproperlyConfigured(
                "The HTTP SMS backend needs SMS_HTTP_URL and SMS_HTTP_TOKEN."
            )

    def send(self, to: str, text: str, reference: str) -> None:
        body = json.dumps({"to": to, "text": text, "reference": reference}).encode()
        request = urllib.request.Request(  # noqa: S310 - the URL is the operator's setting
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
                "Idempotency-Key": reference,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as exc:
            raise SmsError(f"provider answered {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SmsError(f"provider unreachable: {exc}") from exc
        if not 200 <= status < 300:
            raise SmsError(f"provider answered {status}")


@cache
def _backend_class(path: str):
    return import_string(path)


def get_backend():
    return _backend_class(settings.SMS_BACKEND)()
