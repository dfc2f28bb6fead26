"""The one shape of a change posted from a panel of the case page (STYLE.md: "one shape for views
that change data"): a closed case is refused, an invalid form is refused with its reason, the
write path is called, and the page says what was saved — back to the panel, or to the message
that says why nothing was."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from samspel.cases.access import refuse_closed
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refusal_response


def case_page_url(case: Case, panel: str = "") -> str:
    """The case page, opened at `panel` (its heading's id) when given: where a panel's change
    goes back to."""
    url = reverse("cases:detail", args=[case.public_id])
    return f"{url}#{panel}" if panel else url


def form_reason(form: Form, field_reasons: Mapping[str, str | Promise]) -> str:
    """Why the form was refused: the reason given for the first field in `field_reasons` that
    has an error (a clearer word than the field's own), else the form's own errors."""
    for name, reason in field_reasons.items():
        if name in form.errors:
            return str(reason)
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def at_the_message(back: str) -> str:
    """`back` opened at the page's messages (base.html, `#messages`) rather than at the panel's
    anchor far below them: the error that says why nothing was recorded is seen and read first."""
    return back.split("#", 1)[0] + "#messages"


def post_case_change(
    request: HttpRequest,
    case: Case,
    form: Form,
    save: Callable[[dict[str, Any]], object],
    *,
    saved: str,
    back: str,
    field_reasons: Mapping[str, str | Promise] | None = None,
) -> HttpResponse:
    """Refuse a closed case; refuse an invalid `form` with its reason; else `save(cleaned_data)`
    (the call of the write path, which may raise Refused) and say `saved`. Back to `back`, and
    after a refusal to its message."""
    if closed := refuse_closed(request, case, at_the_message(back)):
        return closed
    if not form.is_valid():
        reason = form_reason(form, field_reasons or {})
        messages.error(request, _("Nothing was recorded: %(reason)s") % {"reason": reason})
        return redirect(at_the_message(back))
    try:
        save(form.cleaned_data)
    except Refused as refused:
        return refusal_response(request, refused, at_the_message(back))
    messages.success(request, saved)
    return redirect(back)
