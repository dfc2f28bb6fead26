"""Reading an uploaded CSV file as a municipality's system of record exports it: UTF-8 (with or
without the byte-order mark Excel writes) or Windows-1252, separated by semicolons, commas or
tabs, a header row naming the columns. What cannot be read is a problem for the report, not an
error page."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
DELIMITERS = ";,\t"


@dataclass
class Table:
    """The rows of one file, each a dict by lower-case column name, with its line number."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str | None, str]:
    """The file's text, or None and why not."""
    if len(data) > MAX_BYTES:
        return None, _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
    if b"\x00" in data:
        return None, _("This is not a text file. Save it as CSV.")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), ""


def read(text: str, columns: tuple[str, ...], required: tuple[str, ...]) -> Table:
    """Parse `text`; the header must name every required column and no unknown one."""
    table = Table()
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        table.problems.append(_("The file is empty: the first row must name the columns."))
        return table
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
        unknown = [name for name in header if name not in columns]
        missing = [name for name in required if name not in header]
        duplicated = sorted({name for name in header if header.count(name) > 1})
        if unknown:
            table.problems.append(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
        if missing:
            table.problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
        if duplicated:
            table.problems.append(
                _("Columns named twice: %(names)s.") % {"names": ", ".join(duplicated)}
            )
        if table.problems:
            return table
        for values in reader:
            if not any(value.strip() for value in values):
                continue  # an empty line
            if len(table.rows) >= MAX_ROWS:
                table.problems.append(
                    _("The file has more than %(rows)d rows: split it.") % {"rows": MAX_ROWS}
                )
                return table
            line = reader.line_num
            if len(values) != len(header):
                table.problems.append(
                    _("Row %(line)d has %(found)d values for %(columns)d columns.")
                    % {"line": line, "found": len(values), "columns": len(header)}
                )
                continue
            row = {name: value.strip() for name, value in zip(header, values, strict=True)}
            table.rows.append((line, row))
    except csv.Error as error:
        table.problems.append(
            _("Row %(line)d cannot be read: %(error)s") % {"line": reader.line_num, "error": error}
        )
    return table
