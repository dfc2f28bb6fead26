"""Why a change was refused: one exception type for every write path, and the closed-case rule.

Services (`samspel/<app>/services.py`) raise a `Refused` before they write anything; its
`message` says why, in the user's language; nothing was written when it is raised.
`CaseClosed` is the one refusal every service raises first: a closed case is frozen, it takes no
more changes of any kind (reopening is not a feature yet).

The one contract for views: catch `Refused` around the service call and return
`refusal_response(request, refused, back)` — the message shown as an error on the page at
`back`, which is where the user came from. Nothing is re-rendered, so the refused input is never
mistaken for a pending change."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from samspel.cases.models import Case, CaseStatus

CASE_CLOSED = _("The case is closed. Nothing was changed.")


class Refused(Exception):
    """A change that is not possible; `message` says why, in the user's language."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class CaseClosed(Refused):
    """The case is closed: it takes no more changes."""

    def __init__(self) -> None:
        super().__init__(CASE_CLOSED)


def is_closed(case: Case) -> bool:
    """Whether the case is closed, and so frozen."""
    return case.status == CaseStatus.CLOSED


def refuse_if_closed(case: Case) -> None:
    """Raise CaseClosed when the case is closed; every write path calls this first."""
    if is_closed(case):
        raise CaseClosed


def refusal_response(request: HttpRequest, refused: Refused, back: str) -> HttpResponse:
    """The view's answer to a refusal: its message as an error, and the redirect to `back`."""
    messages.error(request, refused.message)
    return redirect(back)
