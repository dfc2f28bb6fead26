"""From the case page: record an activity that took place (not planned beforehand), or log an
SMS or a phone call held today with one click. Every change goes through
samspel.activities.services, which audits it and recomputes the case's due items."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.activities import services
from samspel.activities.counts import closed_message, open_items
from samspel.activities.forms import CONTACT_KINDS, ContactForm, HeldActivityForm
from samspel.activities.models import Activity
from samspel.cases.access import get_case_for_write, refuse_closed
from samspel.cases.models import Case
from samspel.cases.refusals import Refused


def _back(case: Case) -> HttpResponse:
    return redirect("cases:detail", public_id=case.public_id)


def _refuse_closed(request: HttpRequest, case: Case) -> HttpResponse | None:
    return refuse_closed(request, case, reverse("cases:detail", args=[case.public_id]))


def _save_held(request: HttpRequest, case: Case, **fields) -> Activity | None:
    """The activity recorded, or None with the refusal said to the user (a case referred
    later than the day given, say)."""
    try:
        return services.record_held(case, by=request.user, request=request, **fields)
    except Refused as refused:
        messages.error(request, _("Nothing was recorded: %(reason)s") % {"reason": refused.message})
        return None


def _kind_and_date(activity: Activity) -> dict[str, str]:
    return {"kind": activity.get_kind_display(), "date": date_format(activity.held_on)}


@require_POST
@login_required
def record_held(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    if refused := _refuse_closed(request, case):
        return refused
    form = HeldActivityForm(request.POST, case=case, prefix="held")
    if not form.is_valid():
        return render(request, "activities/record_held.html", {"case": case, "form": form})
    before = open_items(case)
    activity = _save_held(request, case, **{name: form.cleaned_data[name] for name in form.fields})
    if activity is None:
        return _back(case)
    said = _("%(kind)s on %(date)s is recorded.") % _kind_and_date(activity)
    messages.success(request, f"{said} {closed_message(case, activity.kind, before)}".strip())
    return _back(case)


@require_POST
@login_required
def log_contact(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    if refused := _refuse_closed(request, case):
        return refused
    form = ContactForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an SMS or a phone call. Nothing was changed."))
        return _back(case)
    kind = form.cleaned_data["kind"]
    activity = _save_held(
        request, case, kind=kind, context=CONTACT_KINDS[kind], held_on=timezone.localdate()
    )
    if activity is None:
        return _back(case)
    messages.success(request, _("%(kind)s on %(date)s is logged.") % _kind_and_date(activity))
    return _back(case)
