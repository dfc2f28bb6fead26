"""The organisation administrator's retention page: the schedule, what it removes today (a
dry run, live), legal holds, running it now, and the record of every run."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samspel.audit.log import record, record_list
from samspel.audit.models import Action
from samspel.organisations.access import organisation_for_admin
from samspel.retention.forms import HoldForm, ScheduleForm
from samspel.retention.models import LegalHold, RetentionRun, RetentionSchedule
from samspel.retention.services import due
from samspel.retention.tasks import apply_retention, local_today


def _page(request, organisation, schedule_form=None, hold_form=None, status=200):
    schedule = RetentionSchedule.objects.filter(organisation=organisation).first()
    preview = due(schedule, local_today(schedule)) if schedule else None
    if preview is not None:
        record_list(request, "retention.preview", [*preview.cases, *(c for c, _h in preview.kept)])
    context = {
        "schedule": schedule,
        "schedule_form": schedule_form or ScheduleForm(instance=schedule),
        "hold_form": hold_form or HoldForm(organisation=organisation),
        "preview": preview,
        "holds": LegalHold.objects.filter(
            case__organisation=organisation, released_at__isnull=True
        ).select_related("case", "placed_by"),
        "runs": RetentionRun.objects.filter(organisation=organisation)[:20],
    }
    response = render(request, "retention/page.html", context)
    response.status_code = status
    return response


@require_GET
@login_required
def page(request: HttpRequest) -> HttpResponse:
    return _page(request, organisation_for_admin(request))


@require_POST
@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    current = RetentionSchedule.objects.filter(organisation=organisation).first()
    form = ScheduleForm(request.POST, instance=current)
    if not form.is_valid():
        return _page(request, organisation, schedule_form=form, status=400)
    with transaction.atomic():
        saved = form.save(commit=False)
        saved.organisation, saved.updated_by = organisation, request.user
        saved.save()
        record(
            request,
            Action.UPDATE if current else Action.CREATE,
            saved,
            closed_case_years=saved.closed_case_years,
            audit_years=saved.audit_years,
        )
    messages.success(request, _("The retention schedule is saved."))
    return redirect("retention:page")


@require_POST
@login_required
def run_now(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    schedule = get_object_or_404(RetentionSchedule, organisation=organisation)
    transaction.on_commit(lambda: apply_retention.enqueue(schedule.pk, request.user.pk))
    messages.success(request, _("Retention is running. Its record appears below when it is done."))
    return redirect("retention:page")


@require_POST
@login_required
def hold(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    form = HoldForm(request.POST, organisation=organisation)
    if not form.is_valid():
        return _page(request, organisation, hold_form=form, status=400)
    case = form.cleaned_data["number"]
    with transaction.atomic():
        placed = LegalHold.objects.create(
            case=case, reason=form.cleaned_data["reason"], placed_by=request.user
        )
        record(request, Action.CREATE, placed, cases=[case], reason=placed.reason)
    messages.success(request, _("Case %(number)s is on hold.") % {"number": case.number})
    return redirect("retention:page")


@require_POST
@login_required
def release(request: HttpRequest, public_id) -> HttpResponse:
    organisation = organisation_for_admin(request)
    found = get_object_or_404(
        LegalHold, case__organisation=organisation, public_id=public_id, released_at__isnull=True
    )
    with transaction.atomic():
        found.released_by, found.released_at = request.user, timezone.now()
        found.save(update_fields=["released_by", "released_at"])
        record(request, Action.UPDATE, found, cases=[found.case], released=True)
    messages.success(
        request, _("The hold on case %(number)s is released.") % {"number": found.case.number}
    )
    return redirect("retention:page")


@require_GET
@login_required
def run_detail(request: HttpRequest, public_id) -> HttpResponse:
    organisation = organisation_for_admin(request)
    found = get_object_or_404(RetentionRun, organisation=organisation, public_id=public_id)
    rows = []
    for label, count in found.rows.items():
        try:
            name = apps.get_model(label)._meta.verbose_name_plural
        except (LookupError, ValueError):
            name = label  # a model since removed, or a many-to-many link
        rows.append((name, count))
    return render(request, "retention/run.html", {"run": found, "rows": rows})
