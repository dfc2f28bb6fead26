"""Bringing a caseload in from CSV (issue 11, item 4): a check reports every row's problem and
writes nothing; an import writes only when every row is clean, through the pages' write paths
(due items computed, audited); the same files again change nothing."""

import datetime as dt

import pytest
import time_machine

from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import Case, CaseStatus, Measure
from samspel.families.models import Family, Person
from samspel.followup.models import DueItem
from samspel.imports.batches import check_uploads, import_checked
from samspel.imports.models import BatchStatus, ImportKey
from samspel.imports.tasks import start_import
from samspel.imports.tests.files import ALL, CASES, FAMILIES, MEASURES, PERSONS, uploads

NOW = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def run_import(django_capture_on_commit_callbacks):
    """Queue the import as the page does; the immediate backend runs it on commit."""

    def run(batch) -> bool:
        with django_capture_on_commit_callbacks(execute=True):
            started = start_import(batch)
        batch.refresh_from_db()
        return started

    return run


def rows(model) -> int:
    return model.objects.count()


def problems(batch) -> list[tuple]:
    return [(p["kind"], p["line"], p["column"]) for p in batch.report["problems"]]


def test_a_check_writes_nothing_and_counts_what_would_come(organisation, personas):
    before = (rows(Family), rows(Person), rows(Case), rows(Measure), rows(DueItem))
    batch = check_uploads(organisation, personas["admin"], uploads(ALL))
    assert batch.report["problems"] == []
    assert batch.report["new"] == {"families": 2, "persons": 3, "cases": 2, "measures": 1}
    assert (rows(Family), rows(Person), rows(Case), rows(Measure), rows(DueItem)) == before
    assert not ImportKey.objects.exists()
    event = AuditEvent.objects.get(action=Action.IMPORT)
    assert event.detail["dry_run"] is True and event.object_id == str(batch.public_id)
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_the_import_writes_through_the_write_paths(organisation, personas, run_import):
    batch = check_uploads(organisation, personas["admin"], uploads(ALL))
    assert run_import(batch)
    assert batch.status == BatchStatus.IMPORTED and batch.files == {}
    active = Case.objects.get(number="IFO-2026-101")
    assert (active.status, active.activated_on) == (CaseStatus.ACTIVE, dt.date(2026, 1, 20))
    assert active.responsible == personas["worker"] and active.buddy == personas["buddy"]
    assert [p.first_name for p in active.focus_children.all()] == ["Alva"]
    assert active.programme == "fifa"  # the team's, when the file leaves it out
    alva = Person.objects.get(first_name="Alva")
    assert alva.personal_number == "20150412-2381" and alva.birth_date == dt.date(2015, 4, 12)
    karin = Person.objects.get(first_name="Karin")
    assert karin.protected_identity and karin.address == "Hemliga gatan 1"
    [measure] = active.measures.all()
    assert (measure.paragraph, measure.starts_on) == ("SoL 4:1", dt.date(2026, 1, 20))
    assert DueItem.objects.filter(case=active).exists()  # the programme's rules ran
    created = AuditEvent.objects.filter(action=Action.CREATE)
    assert created.filter(object_type="cases.case").count() == 2
    assert created.filter(object_type="families.person").count() == 3
    assert AuditEvent.objects.filter(action=Action.IMPORT, detail__dry_run=False).count() == 1
    assert not run_import(batch)  # once


def test_the_same_files_again_change_nothing(organisation, personas, run_import):
    first = check_uploads(organisation, personas["admin"], uploads(ALL))
    assert run_import(first) and first.status == BatchStatus.IMPORTED
    counts = (rows(Family), rows(Person), rows(Case), rows(Measure), rows(DueItem))
    again = check_uploads(organisation, personas["admin"], uploads(ALL))
    assert again.report["new"] == {"families": 0, "persons": 0, "cases": 0, "measures": 0}
    assert again.report["existing"] == {"families": 2, "persons": 3, "cases": 2, "measures": 1}
    assert run_import(again) and again.status == BatchStatus.IMPORTED
    assert (rows(Family), rows(Person), rows(Case), rows(Measure), rows(DueItem)) == counts
    # A later export with one more family adds just that one.
    more = dict(ALL, families=FAMILIES + "F3;Familjen Berg\n")
    third = check_uploads(organisation, personas["admin"], uploads(more))
    assert third.report["new"]["families"] == 1 and third.report["existing"]["families"] == 2


BAD_PERSONS = PERSONS + (
    "F1;P4;child;Ove;Ek;20150412-2384;;;;;\n"  # check digit
    "F9;P5;child;Ida;Ek;;;;;;\n"  # no such family
    "F1;P1;child;Alva;Ek;;;;;;\n"  # P1 twice
    "F2;P6;cousin;Ida;Lind;;;;;;\n"  # no such role
    "F2;P7;child;Ida;Lind;;;kanske;;;\n"  # protected: neither yes nor no
)
BAD_CASES = CASES + (
    "IFO-2026-103;F1;Team Z;;worker;;2026-01-10;;;P1\n"  # no team
    "IFO-2026-104;F1;Team A;;nobody;;2026-01-10;;;P1\n"  # no worker
    "IFO-2026-105;F1;Team A;;worker;;2026-01-10;;;P3\n"  # P3 is of another family
    "IFO-2026-106;F1;Team A;;worker;;2026-01-10;closed;;P1\n"  # closed
    "IFO-2026-107;F1;Team A;;worker;;2026-01-10;active;;P1\n"  # active without a date
    "IFO-2026-108;F1;Team A;;outsider;;2026-01-10;;;P1\n"  # not in the team
    "IFO-2026-109;F1;Team A;;worker;;1800-01-10;;;P1\n"  # before 1900
)
BAD_MEASURES = MEASURES + (
    "IFO-2026-101;§ 52;2026-01-15;2026-01-20;\n"  # Danish law on a Swedish case
    "IFO-2026-999;SoL 4:1;2026-01-15;2026-01-20;\n"  # no such case
    "IFO-2026-102;SoL 4:1;2026-02-15;2026-02-10;\n"  # starts before the decision
)


def test_every_problem_is_reported_with_its_line_and_column_and_nothing_is_imported(
    organisation, personas, run_import
):
    files = dict(ALL, persons=BAD_PERSONS, cases=BAD_CASES, measures=BAD_MEASURES)
    batch = check_uploads(organisation, personas["admin"], uploads(files))
    assert problems(batch) == [
        ("persons", 5, "personal_number"),
        ("persons", 6, "family_ref"),
        ("persons", 7, "ref"),
        ("persons", 8, "role"),
        ("persons", 9, "protected_identity"),
        ("cases", 4, "team"),
        ("cases", 5, "responsible"),
        ("cases", 6, "focus_children"),
        ("cases", 7, "status"),
        ("cases", 8, "active_from"),
        ("cases", 9, "responsible"),
        ("cases", 10, "referred_on"),
        ("measures", 3, "paragraph"),
        ("measures", 4, "case_number"),
        ("measures", 5, ""),
    ]
    messages = {p["column"]: p["message"] for p in batch.report["problems"]}
    assert "check digit" in messages["personal_number"]
    assert "Team Z" in messages["team"]
    assert not run_import(batch)
    assert not Family.objects.exists() and not Case.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ref;name;colour\nF1;Ek;blue\n", "Unknown columns: colour."),
        ("name\nEk\n", "Missing columns: ref."),
        ("ref;name;name\nF1;Ek;Ek\n", "Columns named twice: name."),
        ("", "The file is empty: the first row must name the columns."),
        ("ref;name\nF1;Ek;extra\n", "Row 2 has 3 values for 2 columns."),
    ],
)
def test_a_file_that_cannot_be_read_is_reported_whole(organisation, personas, text, message):
    batch = check_uploads(organisation, personas["admin"], uploads({"families": text}))
    assert [(p["kind"], p["line"], p["message"]) for p in batch.report["problems"]] == [
        ("families", None, message)
    ]


def test_excel_files_are_read_in_their_encodings_and_separators(organisation, personas):
    comma = FAMILIES.replace(";", ",").replace("Ek", "Öst")
    for encoding, text in (("cp1252", FAMILIES.replace("Ek", "Åberg")), ("utf-8-sig", comma)):
        batch = check_uploads(
            organisation, personas["admin"], uploads({"families": text}, encoding)
        )
        assert batch.report["problems"] == [] and batch.report["new"]["families"] == 2
    assert (
        "Åberg"
        in check_uploads(
            organisation,
            personas["admin"],
            uploads({"families": FAMILIES.replace("Ek", "Åberg")}, "cp1252"),
        ).files["families"]
    )


def test_a_batch_whose_rows_no_longer_pass_imports_nothing(organisation, personas, team):
    batch = check_uploads(organisation, personas["admin"], uploads(ALL))
    team.is_active = False
    team.save()
    report = import_checked(batch)
    assert not report.imported and any(p.column == "team" for p in report.problems)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CHECKED and batch.files  # kept to check again
    assert not Family.objects.exists()
