"""Check, or with --commit import, CSV files for one organisation from the command line: the
same check and import as the page (samspel.imports.batches), as one of the organisation's
administrators."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samspel.accounts.models import User
from samspel.imports.batches import check_uploads, import_checked
from samspel.imports.importer import Report
from samspel.imports.models import Kind


class Command(BaseCommand):
    help = "Check (or --commit: import) families, persons, cases and measures from CSV files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--by", required=True, help="username of an organisation admin")
        for kind in Kind.values:
            parser.add_argument(f"--{kind}", type=Path, help=f"the {kind} CSV file")
        parser.add_argument("--commit", action="store_true", help="import if every row is clean")

    def handle(self, *args, **options) -> None:
        admin = User.objects.filter(username=options["by"], is_active=True).first()
        if admin is None or not admin.is_org_admin or admin.organisation is None:
            raise CommandError(f"{options['by']!r} is not an active organisation administrator")
        uploads = {}
        for kind in Kind.values:
            path = Path(options[kind]) if options[kind] else None
            if path is not None:
                if not path.is_file():
                    raise CommandError(f"{path} is not a file")
                uploads[kind] = (path.name, path.read_bytes())
        if not uploads:
            raise CommandError(
                "give at least one file (--families, --persons, --cases, --measures)"
            )
        batch = check_uploads(admin.organisation, admin, uploads)
        report = Report.from_json(batch.report)
        if report.clean and options["commit"]:
            report = import_checked(batch)
        self._print(report)
        if not report.clean:
            raise CommandError(f"{len(report.problems)} problems: nothing was imported")
        self.stdout.write("imported" if report.imported else "clean: run again with --commit")

    def _print(self, report: Report) -> None:
        for kind in Kind.values:
            new, existing = report.new.get(kind, 0), report.existing.get(kind, 0)
            self.stdout.write(f"{kind}: {new} new, {existing} already in Samspel")
        for problem in report.problems:
            where = f"line {problem.line}" if problem.line else "file"
            column = f" [{problem.column}]" if problem.column else ""
            self.stdout.write(f"{problem.kind} {where}{column}: {problem.message}")
