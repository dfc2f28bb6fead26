"""Jurisdiction catalogues: legal paragraphs and goal areas, loaded from the TOML files in
`data/` and validated at start. Pure Python: no ORM, no request."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
MEASURE_CLASSES = {
    "DK": {"compensation", "supplementary", "child_professional"},
    "SE": {"support", "placement", "investigation"},
}


class CatalogueError(ValueError):
    """A catalogue file is wrong; the message names the file, the field and the problem."""


class UnknownParagraph(ValueError):
    def __init__(self, code: str, jurisdiction: str):
        super().__init__(f"{code!r} is not in the {jurisdiction} catalogue")
        self.code = code
        self.jurisdiction = jurisdiction


@dataclass(frozen=True)
class Paragraph:
    code: str
    title: str
    measure_class: str
    replaced_by: str = ""
    replaces: tuple[str, ...] = ()
    act_2025: str = ""

    @property
    def label(self) -> str:
        """ "SoL 6:1 – title", with the 2025 act's section beside it where the catalogue holds
        one (never an invented number)."""
        text = f"{self.code} – {self.title}"
        return f"{text} ({self.act_2025})" if self.act_2025 else text


@dataclass(frozen=True)
class GoalArea:
    code: str
    title: str
    side: str


@dataclass(frozen=True)
class Catalogue:
    jurisdiction: str
    law_names: dict[str, str]
    paragraphs: dict[str, Paragraph]
    goal_areas: dict[str, GoalArea] = field(default_factory=dict)

    def paragraph(self, code: str) -> Paragraph:
        try:
            return self.paragraphs[normalise_code(code)]
        except KeyError:
            raise UnknownParagraph(code, self.jurisdiction) from None

    def current(self, code: str) -> Paragraph:
        """The paragraph in force: an old paragraph's successor, or itself."""
        paragraph = self.paragraph(code)
        return self.paragraphs[paragraph.replaced_by] if paragraph.replaced_by else paragraph

    def equivalents(self, code: str) -> list[Paragraph]:
        """The paragraph together with its predecessor or successor, old first."""
        current = self.current(code)
        return [self.paragraphs[old] for old in current.replaces] + [current]

    def measure_classes(self, codes: Iterable[str]) -> set[str]:
        return {self.paragraph(code).measure_class for code in codes}


def normalise_code(code: str) -> str:
    return " ".join(code.replace("§ ", "§").split())


def _require(data: dict, key: str, where: str, kind: type = str) -> Any:
    if key not in data:
        raise CatalogueError(f"{where}: missing field '{key}'")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise CatalogueError(f"{where}: field '{key}' must be a non-empty {kind.__name__}")
    return value


def parse_catalogue(data: dict, source: str) -> Catalogue:
    """Validate one catalogue's parsed TOML; raise CatalogueError naming file and field."""
    jurisdiction = _require(data, "jurisdiction", source)
    if jurisdiction not in MEASURE_CLASSES:
        raise CatalogueError(f"{source}: field 'jurisdiction' must be one of SE, DK")
    paragraphs: dict[str, Paragraph] = {}
    for index, item in enumerate(_require(data, "paragraphs", source, list)):
        where = f"{source}: paragraphs[{index}]"
        code = normalise_code(_require(item, "code", where))
        measure_class = _require(item, "measure_class", where)
        if measure_class not in MEASURE_CLASSES[jurisdiction]:
            allowed = ", ".join(sorted(MEASURE_CLASSES[jurisdiction]))
            raise CatalogueError(f"{where}: field 'measure_class' must be one of {allowed}")
        if code in paragraphs:
            raise CatalogueError(f"{where}: field 'code' repeats {code!r}")
        paragraphs[code] = Paragraph(
            code=code,
            title=_require(item, "title", where),
            measure_class=measure_class,
            replaced_by=normalise_code(item.get("replaced_by", "")),
            act_2025=item.get("act_2025", ""),
        )
    paragraphs = _link_successors(paragraphs, source)
    areas = {}
    for index, item in enumerate(data.get("goal_areas", [])):
        where = f"{source}: goal_areas[{index}]"
        area = GoalArea(
            _require(item, "code", where),
            _require(item, "title", where),
            _require(item, "side", where),
        )
        areas[area.code] = area
    return Catalogue(jurisdiction, dict(data.get("law_names", {})), paragraphs, areas)


def _link_successors(paragraphs: dict[str, Paragraph], source: str) -> dict[str, Paragraph]:
    replaces: dict[str, list[str]] = {}
    for paragraph in paragraphs.values():
        if not paragraph.replaced_by:
            continue
        successor = paragraphs.get(paragraph.replaced_by)
        if successor is None:
            raise CatalogueError(
                f"{source}: {paragraph.code}: field 'replaced_by' names unknown "
                f"{paragraph.replaced_by!r}"
            )
        if successor.replaced_by:
            raise CatalogueError(f"{source}: {successor.code}: a successor cannot be replaced")
        if successor.measure_class != paragraph.measure_class:
            raise CatalogueError(
                f"{source}: {paragraph.code}: field 'measure_class' differs from its successor"
            )
        replaces.setdefault(successor.code, []).append(paragraph.code)
    return {
        code: Paragraph(**{**p.__dict__, "replaces": tuple(replaces.get(code, ()))})
        for code, p in paragraphs.items()
    }


def load_file(path: Path) -> Catalogue:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path.name}: not valid TOML: {exc}") from exc
    return parse_catalogue(data, path.name)


@cache
def catalogues() -> dict[str, Catalogue]:
    loaded = [load_file(path) for path in sorted(DATA_DIR.glob("*.toml"))]
    return {catalogue.jurisdiction: catalogue for catalogue in loaded}


def catalogue(jurisdiction: str) -> Catalogue:
    return catalogues()[jurisdiction]
