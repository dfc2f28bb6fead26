"""The family calendar: every appointment of the family in one place (DOMAIN.md §3.5) — the
Samspel activities of the cases the user may read and the appointments with other agencies
that Samspel only records — and the forms that add, change and cancel those appointments."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samspel.activities.models import AppointmentStatus, ExternalAppointment
from samspel.audit.log import record, record_list
from samspel.audit.models import Action
from samspel.calendars import periods
from samspel.calendars.entries import family_entries
from samspel.calendars.forms import AppointmentForm
from samspel.calendars.local_time import local_today, render_local, requested_monday
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.family_access import family_relation, get_family_for_user, get_family_for_write
from samspel.cases.models import CaseStatus
from samspel.families.models import Family
from samspel.families.visibility import family_display

WEEKS_SHOWN = 4
APPOINTMENT_FIELDS = ["person", "agency_kind", "agency_name", "title", "start", "end"]


def may_write(request: HttpRequest, family) -> bool:
    try:
        get_family_for_write(request, family.public_id)
    except PermissionDenied:
        return False
    return True


def _calendar_url(family, week: str = "") -> str:
    url = reverse("family_calendar:calendar", kwargs={"family_id": family.public_id})
    return f"{url}?week={week}" if week else url


@require_http_methods(["GET"])
@login_required
def family_calendar(request: HttpRequest, family_id) -> HttpResponse:
    family = get_family_for_user(request, family_id)
    tz = organisation_timezone(family.organisation)
    monday, invalid = requested_monday(request, tz)
    period = periods.weeks_period(monday, WEEKS_SHOWN)
    entries = family_entries(request.user, family, *period.bounds(tz), tz)
    record_list(request, "calendars.family", {e.case for e in entries if e.case is not None})
    days = [(day, [e for e in entries if e.day == day]) for day in period.days]
    context = {
        "family": family,
        "period": period,
        "days": [(day, day_entries) for day, day_entries in days if day_entries],
        "previous": periods.week_code(monday - dt.timedelta(weeks=WEEKS_SHOWN)),
        "next": periods.week_code(monday + dt.timedelta(weeks=WEEKS_SHOWN)),
        "this_week": periods.week_code(periods.monday_of(local_today(tz))),
        "today": local_today(tz),
        "invalid": invalid,
        "can_write": may_write(request, family),
        "tz": tz,
    }
    return render_local(request, "calendars/family_calendar.html", context, tz)


def family_for_change(request: HttpRequest, family_id) -> tuple[Family, bool]:
    """The family for changing its calendar (404 outsiders, 403 readers), and whether it may
    change: False, with a message, when all its cases are closed."""
    family = get_family_for_write(request, family_id)
    return family, _open_for_change(request, family)


def _open_for_change(request: HttpRequest, family: Family) -> bool:
    statuses = [case.status for case in family.cases.all()]
    if statuses and all(status == CaseStatus.CLOSED for status in statuses):
        messages.error(
            request, _("The family's cases are closed: its calendar can no longer change.")
        )
        return False
    return True


def _appointment_for_change(
    request: HttpRequest, family_id, appointment_id
) -> tuple[Family, ExternalAppointment | None]:
    """The family and its appointment for changing: 404 for outsiders and for an appointment
    of another family, 403 for readers; no appointment (with a message) when the family's cases
    are closed."""
    family = get_family_for_write(request, family_id)
    appointment = _appointment(family, appointment_id)
    return family, appointment if _open_for_change(request, family) else None


def _appointment(family, appointment_id) -> ExternalAppointment:
    try:
        return family.external_appointments.select_related("person").get(public_id=appointment_id)
    except ExternalAppointment.DoesNotExist:
        raise Http404 from None


def _week_of(appointment: ExternalAppointment, tz: ZoneInfo) -> str:
    return periods.week_code(periods.monday_of(appointment.start.astimezone(tz).date()))


def _form_page(request, family, form, appointment=None) -> HttpResponse:
    context = {"family": family, "form": form, "appointment": appointment}
    return render_local(request, "calendars/appointment_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def appointment_add(request: HttpRequest, family_id) -> HttpResponse:
    family, open_ = family_for_change(request, family_id)
    if not open_:
        return redirect(_calendar_url(family))
    tz = organisation_timezone(family.organisation)
    shown = family_display(request.user, family, family_relation(request.user, family))
    with timezone.override(tz):
        form = AppointmentForm(request.POST or None, family=family, shown=shown)
        valid = request.method == "POST" and form.is_valid()
    if not valid:
        return _form_page(request, family, form)
    with transaction.atomic():
        appointment = ExternalAppointment(family=family, created_by=request.user)
        for name in APPOINTMENT_FIELDS:
            setattr(appointment, name, form.cleaned_data[name])
        appointment.place_detail = form.cleaned_data["place_detail"]
        appointment.save()
        record(request, Action.CREATE, appointment, family=str(family.public_id))
    messages.success(request, _("The appointment is added to the family's calendar."))
    return redirect(_calendar_url(family, _week_of(appointment, tz)))


@require_http_methods(["GET", "POST"])
@login_required
def appointment_edit(request: HttpRequest, family_id, appointment_id) -> HttpResponse:
    family, appointment = _appointment_for_change(request, family_id, appointment_id)
    if appointment is None:
        return redirect(_calendar_url(family))
    tz = organisation_timezone(family.organisation)
    seen = family_display(request.user, family, family_relation(request.user, family))
    initial = {name: getattr(appointment, name) for name in APPOINTMENT_FIELDS}
    initial["person"] = appointment.person.public_id if appointment.person else None
    initial["place_detail"] = appointment.place_detail
    with timezone.override(tz):
        form = AppointmentForm(
            request.POST or None,
            family=family,
            shown=seen,
            initial=initial,
            keep=appointment.agency_kind,
        )
        if not seen.places:
            del form.fields["place_detail"]  # neither shown nor changed: it stays as it is
        valid = request.method == "POST" and form.is_valid()
    if not valid:
        return _form_page(request, family, form, appointment)
    changed = sorted(form.changed_data)
    fields = [name for name in [*APPOINTMENT_FIELDS, "place_detail"] if name in form.fields]
    with transaction.atomic():
        for name in fields:
            setattr(appointment, name, form.cleaned_data[name])
        appointment.sequence += 1  # RFC 5545: subscribed calendars take the new version
        appointment.save(update_fields=[*fields, "sequence", "updated_at"])
        record(request, Action.UPDATE, appointment, family=str(family.public_id), fields=changed)
    messages.success(request, _("The appointment is changed."))
    return redirect(_calendar_url(family, _week_of(appointment, tz)))


@require_POST
@login_required
def appointment_cancel(request: HttpRequest, family_id, appointment_id) -> HttpResponse:
    family, appointment = _appointment_for_change(request, family_id, appointment_id)
    if appointment is None:
        return redirect(_calendar_url(family))
    week = _week_of(appointment, organisation_timezone(family.organisation))
    if appointment.status == AppointmentStatus.CANCELLED:
        messages.info(request, _("The appointment was already cancelled."))
        return redirect(_calendar_url(family, week))
    with transaction.atomic():
        appointment.status = AppointmentStatus.CANCELLED
        appointment.sequence += 1
        appointment.save(update_fields=["status", "sequence", "updated_at"])
        record(
            request, Action.UPDATE, appointment, family=str(family.public_id), status="cancelled"
        )
    messages.success(
        request, _("The appointment is cancelled. It stays in the calendar, marked cancelled.")
    )
    return redirect(_calendar_url(family, week))
