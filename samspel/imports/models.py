"""Bringing a caseload in (issue 11, item 4): the batches an organisation administrator checked
and imported, and which row of which import made which record, so that importing the same files
again changes nothing."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The four files of an import, in the order they are read."""

    FAMILIES = "families", _("Families")
    PERSONS = "persons", _("Persons")
    CASES = "cases", _("Cases")
    MEASURES = "measures", _("Measures")


class BatchStatus(models.TextChoices):
    CHECKED = "checked", _("Checked")
    RUNNING = "running", _("Importing")
    IMPORTED = "imported", _("Imported")


class ImportBatch(models.Model):
    """One set of uploaded files: checked (a dry run, nothing written) and, once clean,
    imported. The files' text is kept only until the import runs."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="import_batches"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.CHECKED
    )
    file_names = models.JSONField(default=dict)  # kind -> the uploaded file's name
    files = models.JSONField(default=dict)  # kind -> the file's text, until imported
    report = models.JSONField(default=dict)  # samspel.imports.importer.Report.as_json()
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.organisation} {self.created_at:%Y-%m-%d %H:%M}"


class ImportKey(models.Model):
    """The record one row made: the row's own key in the system of record (`ref`) for
    families and persons, the case number for cases, case number, paragraph and start for
    measures."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    ref = models.CharField(max_length=200)
    object_id = models.BigIntegerField()
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="keys")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "ref"], name="import_key_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.ref}"
