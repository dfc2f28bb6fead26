"""The import through the Tasks API: the immediate backend runs it before the page that asked
for it answers; the database worker runs it beside the web servers in production."""

from django.db import transaction
from django_tasks import task

from samspel.imports.batches import import_checked
from samspel.imports.importer import Report
from samspel.imports.models import BatchStatus, ImportBatch


@task()
def import_batch(batch_id: int) -> None:
    """Import one checked batch (start_import queues it)."""
    import_checked(
        ImportBatch.objects.select_related("organisation", "created_by").get(pk=batch_id)
    )


def start_import(batch: ImportBatch) -> bool:
    """Queue the import of a checked, clean batch; False when it is not one (already imported,
    running, or with problems)."""
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != BatchStatus.CHECKED or not Report.from_json(locked.report).clean:
            return False
        locked.status = BatchStatus.RUNNING
        locked.save(update_fields=["status"])
        transaction.on_commit(lambda: import_batch.enqueue(locked.pk))
    return True
