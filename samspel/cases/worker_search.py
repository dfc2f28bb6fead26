"""Choosing a colleague by name: a text field where one types a name or username, with the
matching colleagues suggested while typing (htmx asks cases:workers, which renders them into the
field's datalist). Without JavaScript the typed text is posted and resolved here to exactly one
worker of the case's organisation, or refused with a message saying whether none or several
match. The page lists no colleague until asked, so its size does not grow with the organisation."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samspel.accounts.models import Role, User
from samspel.cases.models import Case

SUGGESTED = 20


def case_workers(case: Case) -> QuerySet[User]:
    """Who may be chosen for work on the case: the active workers and team leaders of its
    organisation (no org admin, auditor or user of another organisation)."""
    return User.objects.filter(
        organisation_id=case.organisation_id,
        is_active=True,
        role__in=[Role.WORKER, Role.TEAM_LEADER],
    )


def matching(workers: QuerySet[User], term: str) -> QuerySet[User]:
    """The workers whose username, first or last name contains every word of `term`."""
    for word in term.split():
        workers = workers.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    return workers.order_by("first_name", "last_name", "username")


def suggestions(workers: QuerySet[User], term: str) -> tuple[list[User], str]:
    """At most SUGGESTED workers matching `term`, and the sentence that says how many."""
    if not term.strip():
        return [], ""
    found = list(matching(workers, term)[: SUGGESTED + 1])
    if not found:
        return [], str(_("No active colleague of your organisation matches."))
    if len(found) > SUGGESTED:
        return found[:SUGGESTED], str(
            _("More than %(count)d colleagues match: type more of the name.") % {"count": SUGGESTED}
        )
    status = ngettext(
        "%(count)d colleague matches: choose from the suggestions.",
        "%(count)d colleagues match: choose from the suggestions.",
        len(found),
    ) % {"count": len(found)}
    return found, status


def resolve(workers: QuerySet[User], term: str) -> User:
    """The one worker `term` names: by public id (a suggestion's value on an older page), by
    username, by full name, else the only worker matching every word. ValidationError with a
    translated reason when none or several match."""
    term = " ".join(term.split())
    try:
        by_id = workers.filter(public_id=uuid.UUID(term)).first()
    except ValueError:
        by_id = None
    if by_id is not None:
        return by_id
    exact = workers.filter(username__iexact=term).first()
    if exact is not None:
        return exact
    found = list(matching(workers, term)[: SUGGESTED + 1])
    named = [worker for worker in found if _full(worker) == term.casefold()]
    if len(named) == 1:
        return named[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError(
            _("No active worker of your organisation matches “%(name)s”.") % {"name": term},
            code="no_match",
        )
    raise ValidationError(
        _("Several workers of your organisation match “%(name)s”: type the username.")
        % {"name": term},
        code="several",
    )


def _full(user: User) -> str:
    return " ".join(user.get_full_name().split()).casefold()


class WorkerSearchInput(forms.TextInput):
    """A text input that asks `search_url` for suggestions as one types (htmx), shown in its
    datalist, with a polite live region saying how many matched."""

    def __init__(self, search_url: str = "", attrs=None) -> None:
        super().__init__(attrs)
        self.search_url = search_url

    def render(self, name, value, attrs=None, renderer=None):
        listed, status = f"{name}-suggestions", f"{name}-status"
        attrs = dict(attrs or {})
        # The bound field names the help text (Django's own aria-describedby); add the count.
        described = [attrs.get("aria-describedby", "")]
        attrs.update(
            {
                "list": listed,
                "autocomplete": "off",
                "hx-get": f"{self.search_url}?{urlencode({'field': name})}",
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{listed}",
                "hx-sync": "this:replace",
                "aria-describedby": " ".join([*filter(None, described), status]),
            }
        )
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '{}<datalist id="{}"></datalist><p class="help" id="{}" aria-live="polite"></p>',
            field,
            listed,
            status,
        )


class WorkerField(forms.CharField):
    """A worker of `workers`, typed by name or username (see resolve)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "help_text",
            _("Type part of the name or the username; matching colleagues are suggested."),
        )
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", WorkerSearchInput)
        super().__init__(*args, **kwargs)
        self.workers: QuerySet[User] = User.objects.none()

    def offer(self, workers: QuerySet[User], search_url: str) -> None:
        """Choose among `workers`, suggested from `search_url` (a cases:workers address)."""
        self.workers = workers
        self.widget.search_url = search_url

    def clean(self, value) -> User:
        return resolve(self.workers, super().clean(value))
