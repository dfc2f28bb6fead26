"""An import's two steps: check uploaded files (a dry run, kept as a batch with its report) and,
once the report is clean, import the batch's files (queued by samspel.imports.tasks, so that a
large caseload does not hold a web request). Both steps are audited."""

from __future__ import annotations

from django.utils import timezone

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.imports import importer
from samspel.imports.models import BatchStatus, ImportBatch


def _counts(report: importer.Report) -> dict:
    return {"new": report.new, "existing": report.existing, "problems": len(report.problems)}


def check_uploads(organisation, by, uploads: dict[str, tuple[str, bytes]], request=None):
    """A new batch of the uploaded files (kind -> (file name, bytes)), checked."""
    report = importer.Report()
    texts = importer.decode_uploads({kind: data for kind, (_name, data) in uploads.items()}, report)
    batch = ImportBatch.objects.create(
        organisation=organisation,
        created_by=by,
        file_names={kind: name for kind, (name, _data) in uploads.items()},
        files=texts,
    )
    if report.clean:
        report = importer.run(batch, commit=False)
    batch.report = report.as_json()
    batch.save(update_fields=["report"])
    record(request, Action.IMPORT, batch, user=by, dry_run=True, **_counts(report))
    return batch


def import_checked(batch: ImportBatch) -> importer.Report:
    """Import the batch (the task's work): every row again, written only if all are clean. The
    files' text is dropped once imported; a batch whose rows no longer pass goes back to
    checked with the new report."""
    report = importer.run(batch, commit=True)
    batch.report = report.as_json()
    if report.imported:
        batch.status, batch.files, batch.imported_at = BatchStatus.IMPORTED, {}, timezone.now()
    else:
        batch.status = BatchStatus.CHECKED
    batch.save(update_fields=["report", "status", "files", "imported_at"])
    record(None, Action.IMPORT, batch, user=batch.created_by, dry_run=False, **_counts(report))
    return report
