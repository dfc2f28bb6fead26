"""The import pages: for the organisation's administrator only; a check shows its report, a
clean batch imports with one button, a file that is no CSV gets a message and changes nothing;
the command does the same from a shell."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from conftest import translated
from samspel.cases.models import Case
from samspel.imports.models import BatchStatus, ImportBatch
from samspel.imports.tests.files import ALL, FAMILIES, PERSONS

START = reverse("imports:start")


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        yield


def files(texts):
    return {kind: SimpleUploadedFile(f"{kind}.csv", text.encode()) for kind, text in texts.items()}


@pytest.mark.parametrize("persona", ["worker", "leader", "auditor", "stranger"])
def test_only_the_administrator_imports(client, login, personas, persona):
    login(personas[persona])
    assert client.get(START).status_code == 404
    assert client.post(START, files(ALL)).status_code == 404
    assert client.get(reverse("imports:template", args=["cases"])).status_code == 404
    assert not ImportBatch.objects.exists()


def test_check_then_import_from_the_pages(
    client, login, personas, django_capture_on_commit_callbacks
):
    login(personas["admin"])
    response = client.post(START, files(ALL))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "imports:batch", args=[batch.public_id]
    )
    page = client.get(response["Location"]).content.decode()
    assert (
        "Every row is clean" in page
        and 'action="' + reverse("imports:run", args=[batch.public_id]) in page
    )
    # The test's transaction never commits: the queued import runs as the block ends, after
    # the page answered "running" (outside a test it commits, and the immediate backend has
    # imported before the page answers).
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("imports:run", args=[batch.public_id]), follow=True)
    assert "The import is running." in done.content.decode()
    batch.refresh_from_db()
    assert (
        "Imported on"
        in client.get(reverse("imports:batch", args=[batch.public_id])).content.decode()
    )
    assert batch.status == BatchStatus.IMPORTED and Case.objects.count() == 2
    again = client.post(reverse("imports:run", args=[batch.public_id]), follow=True)
    assert "cannot be imported" in again.content.decode()


def test_a_report_with_problems_offers_no_import(client, login, personas):
    login(personas["admin"])
    bad = dict(ALL, persons=PERSONS + "F9;P9;child;Ida;Ek;;;;;;\n")
    response = client.post(START, files(bad), follow=True)
    page = response.content.decode()
    assert "1 problem: nothing can be imported" in page and "F9" in page
    assert reverse("imports:run", args=[ImportBatch.objects.get().public_id]) not in page
    assert not Case.objects.exists()


def test_no_file_or_a_file_that_is_not_text(client, login, personas):
    login(personas["admin"])
    assert client.post(START, {}).status_code == 400
    binary = {"families": SimpleUploadedFile("families.xlsx", b"PK\x03\x04\x00\x00binary")}
    page = client.post(START, binary, follow=True).content.decode()
    assert "This is not a text file. Save it as CSV." in page


def test_another_organisations_batch_is_404(client, login, personas, other_organisation):
    login(personas["admin"])
    client.post(START, files({"families": FAMILIES}))
    batch = ImportBatch.objects.get()
    batch.organisation = other_organisation
    batch.save()
    assert client.get(reverse("imports:batch", args=[batch.public_id])).status_code == 404
    assert client.post(reverse("imports:run", args=[batch.public_id])).status_code == 404


def test_a_template_names_the_columns(client, login, personas):
    login(personas["admin"])
    response = client.get(reverse("imports:template", args=["measures"]))
    assert response.content.decode("utf-8-sig").strip() == (
        "case_number;paragraph;decided_on;starts_on;ends_on"
    )
    assert client.get(reverse("imports:template", args=["nonsense"])).status_code == 404


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_import_page_is_translated(client, login, personas, language):
    admin = personas["admin"]
    admin.language = language
    admin.save(update_fields=["language"])
    login(admin)
    page = client.get(START).content.decode()
    assert f"<h1>{translated('Import a caseload', language)}</h1>" in page


def test_the_command_checks_and_imports(tmp_path, personas):
    paths = {}
    for kind, text in ALL.items():
        paths[kind] = tmp_path / f"{kind}.csv"
        paths[kind].write_text(text, encoding="utf-8")
    options = {kind: str(path) for kind, path in paths.items()}
    call_command("import_caseload", by="admin", **options)
    assert not Case.objects.exists()
    call_command("import_caseload", by="admin", commit=True, **options)
    assert Case.objects.count() == 2
    with pytest.raises(CommandError, match="not an active organisation administrator"):
        call_command("import_caseload", by="worker", **options)
    paths["persons"].write_text(PERSONS + "F9;P9;child;Ida;Ek;;;;;;\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 problems: nothing was imported"):
        call_command("import_caseload", by="admin", commit=True, **options)
