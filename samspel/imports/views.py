"""The organisation administrator's import pages: upload and check files, read the report,
import a clean batch, download the files' headers as templates."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspel.imports.batches import check_uploads
from samspel.imports.forms import ImportForm
from samspel.imports.importer import COLUMNS, Report
from samspel.imports.models import BatchStatus, ImportBatch, Kind
from samspel.imports.tasks import start_import
from samspel.organisations.access import organisation_for_admin
from samspel.organisations.models import Team
from samspel.programmes.choices import programme_choices


def _batch(request: HttpRequest, public_id) -> ImportBatch:
    organisation = organisation_for_admin(request)
    return get_object_or_404(ImportBatch, organisation=organisation, public_id=public_id)


@require_http_methods(["GET", "POST"])
@login_required
def start(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for_admin(request)
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    if posted and form.is_valid():
        batch = check_uploads(organisation, request.user, form.uploads(), request=request)
        return redirect("imports:batch", public_id=batch.public_id)
    context = {
        "form": form,
        "batches": ImportBatch.objects.filter(organisation=organisation)[:20],
        "kinds": Kind.choices,
        "teams": Team.objects.filter(organisation=organisation, is_active=True),
        "programmes": programme_choices(organisation),
    }
    response = render(request, "imports/start.html", context)
    response.status_code = 400 if form.errors else 200
    return response


@require_GET
@login_required
def batch(request: HttpRequest, public_id) -> HttpResponse:
    found = _batch(request, public_id)
    report = Report.from_json(found.report)
    kinds = [
        (label, report.new.get(kind, 0), report.existing.get(kind, 0), found.file_names.get(kind))
        for kind, label in Kind.choices
    ]
    labels = dict(Kind.choices)
    rows = [(labels.get(p.kind, p.kind), p) for p in report.problems]
    context = {"batch": found, "report": report, "kinds": kinds, "problems": rows}
    return render(request, "imports/batch.html", context)


@require_POST
@login_required
def run(request: HttpRequest, public_id) -> HttpResponse:
    found = _batch(request, public_id)
    if start_import(found):
        found.refresh_from_db()
        if found.status == BatchStatus.IMPORTED:
            messages.success(request, _("The files are imported."))
        elif found.status == BatchStatus.RUNNING:
            messages.success(request, _("The import is running. This page shows when it is done."))
        else:
            messages.error(request, _("Some rows no longer pass. Nothing was imported."))
    else:
        messages.error(request, _("This batch cannot be imported. Nothing was changed."))
    return redirect("imports:batch", public_id=found.public_id)


@require_GET
@login_required
def template(request: HttpRequest, kind: str) -> HttpResponse:
    organisation_for_admin(request)
    if kind not in COLUMNS:
        raise Http404
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow(COLUMNS[kind][0])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}.csv"'
    return response
