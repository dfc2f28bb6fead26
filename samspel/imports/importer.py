"""Import families, persons, cases and measures from CSV files (issue 11, item 4).

Every row goes through the same forms and write paths as the pages (families.forms,
cases.forms, cases.measure_forms, cases.services), so an imported record obeys the rules a typed
one does, its due items are computed and each record leaves its audit event. A check is the same
run rolled back: it reports every row's problem, and an import writes nothing unless every row of
every file is clean. A row already imported (by its key, samspel.imports.models.ImportKey) is
left as it is, so running the same files again changes nothing.

Files are read families → persons → cases → measures; a row may refer to a record of an earlier
file of the same import or to one imported before."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samspel.accounts.models import Role, User
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases import services
from samspel.cases.forms import CaseForm, StatusForm
from samspel.cases.measure_forms import MeasureAddForm
from samspel.cases.models import Case, CaseStatus, Measure
from samspel.cases.refusals import Refused
from samspel.families.forms import FamilyForm, PersonForm
from samspel.families.models import Family, Person
from samspel.imports.csvfiles import decode, read
from samspel.imports.models import ImportBatch, ImportKey, Kind
from samspel.organisations.models import Team

# Per file: every column it may have, and those it must have.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Kind.FAMILIES: (("ref", "name"), ("ref", "name")),
    Kind.PERSONS: (
        (
            "family_ref", "ref", "role", "first_name", "last_name", "personal_number",
            "birth_date", "protected_identity", "address", "phone", "email",
        ),
        ("family_ref", "ref", "role", "first_name", "last_name"),
    ),
    Kind.CASES: (
        (
            "number", "family_ref", "team", "programme", "responsible", "buddy",
            "referred_on", "status", "active_from", "focus_children",
        ),
        ("number", "family_ref", "team", "responsible", "referred_on", "focus_children"),
    ),
    Kind.MEASURES: (
        ("case_number", "paragraph", "decided_on", "starts_on", "ends_on"),
        ("case_number", "paragraph", "decided_on", "starts_on"),
    ),
}  # fmt: skip
ORDER = (Kind.FAMILIES, Kind.PERSONS, Kind.CASES, Kind.MEASURES)
YES = {"yes", "ja", "true", "1", "x"}
NO = {"", "no", "nej", "false", "0"}
LIST = re.compile(r"[|,]")


@dataclass
class Problem:
    kind: str
    line: int | None  # the file's line (the header is line 1); None for the whole file
    column: str
    message: str


@dataclass
class Report:
    new: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORDER, 0))
    existing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORDER, 0))
    problems: list[Problem] = field(default_factory=list)
    imported: bool = False

    @property
    def clean(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Report:
        problems = [Problem(**problem) for problem in data.get("problems", [])]
        return cls(
            new=data.get("new", {}),
            existing=data.get("existing", {}),
            problems=problems,
            imported=data.get("imported", False),
        )


class RowProblems(Exception):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems


def _form_problems(form, columns: dict[str, str] | None = None) -> list[tuple[str, str]]:
    columns = columns or {}
    return [
        (columns.get(name, name if name != "__all__" else ""), str(message))
        for name, messages in form.errors.items()
        for message in messages
    ]


def read_files(texts: dict[str, str], report: Report) -> dict[str, list]:
    """The rows of each given file; a file that cannot be read is a problem of the report."""
    rows = {}
    for kind in ORDER:
        if kind not in texts:
            rows[kind] = []
            continue
        columns, required = COLUMNS[kind]
        table = read(texts[kind], columns, required)
        report.problems += [Problem(kind, None, "", message) for message in table.problems]
        rows[kind] = table.rows
    return rows


def decode_uploads(uploads: dict[str, bytes], report: Report) -> dict[str, str]:
    texts = {}
    for kind, data in uploads.items():
        text, problem = decode(data)
        if text is None:
            report.problems.append(Problem(kind, None, "", problem))
        else:
            texts[kind] = text
    return texts


class _Run:
    def __init__(self, batch: ImportBatch, report: Report) -> None:
        self.batch, self.report = batch, report
        self.organisation = batch.organisation
        self.by = batch.created_by
        self.jurisdiction = self.organisation.jurisdiction
        keys = ImportKey.objects.filter(organisation=self.organisation)
        self.keys: dict[tuple[str, str], int] = {
            (kind, ref): object_id
            for kind, ref, object_id in keys.values_list("kind", "ref", "object_id")
        }
        self.families: dict[str, Family] = {}
        self.persons: dict[str, Person] = {}  # "family_ref/ref"
        self.cases: dict[str, Case] = {}
        self.seen: dict[tuple[str, str], int] = {}

    # One row: a savepoint of its own, so that a refused row leaves nothing and the next rows
    # are still checked.
    def row(self, kind: str, line: int, work: Callable[[], bool]) -> None:
        try:
            with transaction.atomic():
                new = work()
        except RowProblems as problems:
            for column, message in problems.problems:
                self.report.problems.append(Problem(kind, line, column, message))
            return
        except Refused as refused:
            self.report.problems.append(Problem(kind, line, "", str(refused.message)))
            return
        except ValidationError as error:
            for message in error.messages:
                self.report.problems.append(Problem(kind, line, "", message))
            return
        counts = self.report.new if new else self.report.existing
        counts[kind] += 1

    def once(self, kind: str, ref: str, line: int, column: str) -> None:
        """A key appears once per file."""
        if not ref:
            raise RowProblems([(column, _("This field is required."))])
        first = self.seen.setdefault((kind, ref), line)
        if first != line:
            raise RowProblems(
                [(column, _("“%(ref)s” is also on line %(line)d.") % {"ref": ref, "line": first})]
            )

    def keep(self, kind: str, ref: str, obj) -> None:
        ImportKey.objects.create(
            organisation=self.organisation, kind=kind, ref=ref, object_id=obj.pk, batch=self.batch
        )

    def imported(self, model, kind: str, ref: str, column: str):
        """The record an earlier import made for this key, or None."""
        object_id = self.keys.get((kind, ref))
        if object_id is None:
            return None
        found = model.objects.filter(pk=object_id).first()
        if found is None:
            message = _("“%(ref)s” was imported before and has since been removed.") % {"ref": ref}
            raise RowProblems([(column, message)])
        return found

    # families.csv: ref, name
    def family(self, line: int, row: dict[str, str]) -> bool:
        ref = row["ref"]
        self.once(Kind.FAMILIES, ref, line, "ref")
        existing = self.imported(Family, Kind.FAMILIES, ref, "ref")
        if existing is not None:
            self.families[ref] = existing
            return False
        form = FamilyForm(data={"name": row["name"]})
        if not form.is_valid():
            raise RowProblems(_form_problems(form))
        family = form.save(commit=False)
        family.organisation, family.created_by = self.organisation, self.by
        family.save()
        record(None, Action.CREATE, family, user=self.by, imported=str(self.batch.public_id))
        self.keep(Kind.FAMILIES, ref, family)
        self.families[ref] = family
        return True

    def _family_of(self, ref: str) -> Family:
        family = self.families.get(ref) or (
            ref and self.imported(Family, Kind.FAMILIES, ref, "family_ref")
        )
        if not family:
            message = _("No family “%(ref)s” in families.csv or imported before.") % {"ref": ref}
            raise RowProblems([("family_ref", message)])
        self.families[ref] = family
        return family

    # persons.csv
    def person(self, line: int, row: dict[str, str]) -> bool:
        family = self._family_of(row["family_ref"])
        key = f"{row['family_ref']}/{row['ref']}"
        self.once(Kind.PERSONS, row["ref"] and key, line, "ref")
        existing = self.imported(Person, Kind.PERSONS, key, "ref")
        if existing is not None:
            self.persons[key] = existing
            return False
        protected = row.get("protected_identity", "").lower()
        if protected not in YES | NO:
            raise RowProblems([("protected_identity", _("Write yes or no."))])
        data = {name: row.get(name, "") for name in PersonForm.Meta.fields}
        data["protected_identity"] = "on" if protected in YES else ""
        form = PersonForm(data=data, jurisdiction=self.jurisdiction)
        if not form.is_valid():
            raise RowProblems(_form_problems(form))
        person = form.save(commit=False)
        person.family = family
        person.birth_date = form.cleaned_data.get("birth_date")
        person.save()
        record(
            None,
            Action.CREATE,
            person,
            user=self.by,
            family=str(family.public_id),
            imported=str(self.batch.public_id),
        )
        self.keep(Kind.PERSONS, key, person)
        self.persons[key] = person
        return True

    # cases.csv
    def case(self, line: int, row: dict[str, str]) -> bool:
        number = row["number"]
        self.once(Kind.CASES, number, line, "number")
        existing = self.imported(Case, Kind.CASES, number, "number")
        if existing is not None:
            self.cases[number] = existing
            return False
        if Case.objects.filter(organisation=self.organisation, number=number).exists():
            message = _("Samspel already has a case %(number)s that was not imported.")
            raise RowProblems([("number", message % {"number": number})])
        if len(number) > Case._meta.get_field("number").max_length:
            raise RowProblems([("number", _("A case number has at most 20 characters."))])
        family_ref = row["family_ref"]
        family = self._family_of(family_ref)
        problems: list[tuple[str, str]] = []
        team = Team.objects.filter(
            organisation=self.organisation, is_active=True, name__iexact=row["team"]
        ).first()
        if team is None:
            problems.append(("team", _("No active team “%(name)s”.") % {"name": row["team"]}))
        workers = {}
        for column in ("responsible", "buddy"):
            username = row.get(column, "")
            if not username:
                continue
            worker = User.objects.filter(
                organisation=self.organisation,
                username=username,
                is_active=True,
                role__in=[Role.WORKER, Role.TEAM_LEADER],
            ).first()
            if worker is None:
                message = _("No active worker with the username “%(name)s”.")
                problems.append((column, message % {"name": username}))
            workers[column] = worker
        children = []
        for ref in filter(None, (part.strip() for part in LIST.split(row["focus_children"]))):
            child = self.persons.get(f"{family_ref}/{ref}") or self.imported(
                Person, Kind.PERSONS, f"{family_ref}/{ref}", "focus_children"
            )
            if child is None or child.family_id != family.pk:
                message = _("No person “%(ref)s” in the family “%(family)s”.")
                problems.append(("focus_children", message % {"ref": ref, "family": family_ref}))
            else:
                children.append(child)
        status = row.get("status", "").lower() or CaseStatus.REFERRAL
        if status not in (CaseStatus.REFERRAL, CaseStatus.ACTIVE):
            message = _("Only open cases are imported: the status is referral or active.")
            problems.append(("status", message))
        if problems:
            raise RowProblems(problems)
        assert team is not None
        data = {
            "focus_children": [child.pk for child in children],
            "programme": row.get("programme") or team.programme,
            "team": team.pk,
            "responsible": workers["responsible"].pk,
            "buddy": workers["buddy"].pk if workers.get("buddy") else "",
            "referred_on": row["referred_on"],
        }
        form = CaseForm(data=data, family=family, user=self.by)
        if not form.is_valid():
            raise RowProblems(_form_problems(form))
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE}
        case = services.open_case(
            family, by=self.by, focus_children=children, number=number, **fields
        )
        if status == CaseStatus.ACTIVE:
            change = StatusForm(
                data={"status": status, "on": row.get("active_from", "")}, case=case
            )
            if not change.is_valid():
                raise RowProblems(_form_problems(change, {"on": "active_from"}))
            services.change_status(case, by=self.by, status=status, on=change.cleaned_data["on"])
        self.keep(Kind.CASES, number, case)
        self.cases[number] = case
        return True

    # measures.csv
    def measure(self, line: int, row: dict[str, str]) -> bool:
        number = row["case_number"]
        case = (
            self.cases.get(number)
            or Case.objects.filter(organisation=self.organisation, number=number).first()
        )
        if case is None:
            message = _("No case %(number)s in cases.csv or in Samspel.") % {"number": number}
            raise RowProblems([("case_number", message)])
        key = f"{number}|{row['paragraph']}|{row['starts_on']}"
        self.once(Kind.MEASURES, key, line, "paragraph")
        if self.imported(Measure, Kind.MEASURES, key, "paragraph") is not None:
            return False
        data = {
            name: row.get(name, "") for name in ("paragraph", "decided_on", "starts_on", "ends_on")
        }
        form = MeasureAddForm(data=data, case=case, prefix=None)
        if not form.is_valid():
            raise RowProblems(_form_problems(form))
        measure = services.add_measure(case, by=self.by, **form.cleaned_data)
        self.keep(Kind.MEASURES, key, measure)
        return True


def run(batch: ImportBatch, *, commit: bool) -> Report:
    """Check the batch's files, and with `commit` import them if every row is clean."""
    report = Report()
    rows = read_files(batch.files, report)
    if report.problems:
        return report
    with transaction.atomic():
        importer = _Run(batch, report)
        steps = {
            Kind.FAMILIES: importer.family,
            Kind.PERSONS: importer.person,
            Kind.CASES: importer.case,
            Kind.MEASURES: importer.measure,
        }
        for kind in ORDER:
            for line, row in rows[kind]:
                importer.row(
                    kind, line, lambda step=steps[kind], line=line, row=row: step(line, row)
                )
        report.imported = commit and report.clean
        if not report.imported:
            transaction.set_rollback(True)
    return report
