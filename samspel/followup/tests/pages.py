"""Fill in and send the forms a page shows, as a browser would, with the test client.

`FormPages.submit(page, action, values)` reads the page, finds the form posting to `action`,
starts from what the form holds (its hidden fields, the checked boxes, the selected options, the
text already in it) and changes only the fields named in `values`. A field the form does not
have, or a choice it does not offer, fails the test with the page and the field named: a value
no page offers cannot be recorded. After sending, a form shown again with its errors or an error
message on the page it leads back to fails the test with the refusal's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.test import Client

CHOICE_TYPES = {"checkbox", "radio", "select"}
NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    type: str
    options: list[str] = field(default_factory=list)  # the values a choice field offers
    values: list[str] = field(default_factory=list)  # what the form sends as it stands
    multiple: bool = False


@dataclass
class Form:
    action: str
    fields: dict[str, Field] = field(default_factory=dict)

    def data(self) -> dict[str, list[str]]:
        """What the browser would send for the form as it stands."""
        sent = {}
        for name, found in self.fields.items():
            values = found.values
            if found.type == "select" and not values and not found.multiple and found.options:
                values = found.options[:1]  # a single select sends its first option
            if values:
                sent[name] = list(values)
        return sent


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = Form(given.get("action", ""))
            self.forms.append(self._form)
            return
        name = given.get("name")
        if self._form is None or (tag != "option" and not name):
            return
        if tag == "input":
            self._input(name or "", given)
        elif tag == "select":
            self._select = self._form.fields.setdefault(
                name or "", Field("select", multiple="multiple" in given)
            )
        elif tag == "option" and self._select is not None:
            self._select.options.append(given.get("value", ""))
            if "selected" in given:
                self._select.values.append(given.get("value", ""))
        elif tag == "textarea":
            self._textarea = self._form.fields.setdefault(name or "", Field("textarea"))

    def _input(self, name: str, given: dict[str, str]) -> None:
        assert self._form is not None
        kind = given.get("type", "text")
        if kind in NOT_SENT:
            return
        found = self._form.fields.setdefault(name, Field(kind))
        if kind in ("checkbox", "radio"):
            found.options.append(given.get("value", "on"))
            if "checked" in given:
                found.values.append(given.get("value", "on"))
        elif given.get("value"):
            found.values = [given["value"]]

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and data.strip():
            self._textarea.values = [data.strip()]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    reader = _FormReader()
    reader.feed(html)
    return reader.forms


def _errors_of(html: str) -> list[str]:
    found = re.findall(r'class="(?:field-error|errorlist[^"]*)"[^>]*>(.*?)</', html, re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", text)).strip() for text in found]


class FormPages:
    """A logged-in client that reads pages and sends the forms on them."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def get(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, f"GET {url} answered {response.status_code}"
        return response.content.decode()

    def form(self, page: str, action: str, pick: Mapping[str, str] | None = None) -> Form:
        """The one form on `page` that posts to `action` (and, with `pick`, holds those
        values: one adult's form among several)."""
        html = self.get(page)
        # A form without an action posts to its own page.
        found = [form for form in forms_of(html) if (form.action or page) == action]
        for name, value in (pick or {}).items():
            found = [form for form in found if form.data().get(name) == [value]]
        if len(found) != 1:
            pytest.fail(f"{page} shows {len(found)} forms posting to {action} (with {pick}), not 1")
        return found[0]

    def submit(
        self,
        page: str,
        action: str,
        values: Mapping[str, str | list[str]],
        *,
        pick: Mapping[str, str] | None = None,
        what: str = "",
    ) -> HttpResponse:
        """Send the form of `page` posting to `action` with `values` changed; fail the test,
        naming `what` was being recorded, when the page lacks the field or choice or the
        change is refused."""
        form = self.form(page, action, pick)
        data = form.data()
        for name, value in values.items():
            wanted = value if isinstance(value, list) else [value]
            found = form.fields.get(name)
            if found is None:
                pytest.fail(f"{what}: the form of {page} posting to {action} has no field {name}")
            missing = [v for v in wanted if found.type in CHOICE_TYPES and v not in found.options]
            if missing:
                pytest.fail(
                    f"{what}: the form of {page} offers no {missing} for {name} "
                    f"(it offers {found.options})"
                )
            data[name] = wanted
        response = self.client.post(action, data)
        self._check_saved(response, what)
        return response

    @staticmethod
    def _check_saved(response: HttpResponse, what: str) -> None:
        if response.status_code == 200:
            errors = _errors_of(response.content.decode())
            pytest.fail(f"{what}: the form was shown again with errors: {errors}")
        assert response.status_code == 302, f"{what}: answered {response.status_code}"
        refused = [
            str(message)
            for message in get_messages(response.wsgi_request)
            if message.level >= messages.ERROR
        ]
        if refused:
            pytest.fail(f"{what}: refused: {refused}")
