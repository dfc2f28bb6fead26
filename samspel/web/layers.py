"""How Samspel's apps depend on each other, read from the source with Python's ast.

The apps form layers, bottom to top (``APP_ORDER``): an app may import the apps below it and
never one above it at module level. Three more rules: no cycle between files through their
module-level imports, no module imports a views module (only URL configurations and tests do),
and the imports written inside functions are listed, because one there to dodge a cycle is a
sign the code sits in the wrong app.

Run it with ``python manage.py check_layers``; samspel/web/tests/test_layers.py keeps it true.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "samspel"
ROOT = Path(__file__).resolve().parent.parent

# Bottom → top; what each app owns is in the README's "Where things are".
APP_ORDER: tuple[str, ...] = (
    "audit",  # the append-only log every other app writes to
    "catalogues",  # legal paragraphs and BBIC/ICS areas (data files)
    "accounts",  # users and login
    "organisations",  # organisations, teams, memberships
    "programmes",  # working models and statutory deadlines; an organisation's adjustments
    "families",  # households and persons
    "cases",  # cases, grants and who may see them (cases/access.py)
    "network",  # a case's network and consents
    "plans",  # shared plans
    "assessments",  # Signs of Safety
    "activities",  # planned and held activities of a case
    "followup",  # the due-date engine, stored due items, phases, worklists, compliance
    "calendars",  # the worker's and the family's calendars, iCal feeds
    "reminders",  # reminders to family members of coming activities
    "handovers",  # handing a case to another worker: the note, acceptance, the family told
    "imports",  # bringing a caseload in from CSV files, through the apps' write paths
    "api",  # the REST API v1 and its tokens
    "privacy",  # a person's register extract (GDPR art. 15), from the records of the apps below
    "retention",  # retention schedules (gallring), legal holds, and the runs that delete
    "demo",  # demo data and the benchmark's data
    "web",  # the home page and the site-wide pages
)

# A write path in a lower app changes a fact the deadlines depend on and recomputes the case's
# due items in the same transaction: the one import allowed to point up. The recompute reads
# the facts of every app below followup, so it cannot sit lower; a signal instead would hide
# from the write path's reader that the recompute runs (and fails) inside its transaction.
ALLOWED_UPWARD: frozenset[tuple[str, str]] = frozenset(
    {
        ("samspel.activities.services", "samspel.followup.recompute"),
        ("samspel.plans.versioning", "samspel.followup.recompute"),
        ("samspel.cases.services", "samspel.followup.recompute"),
        ("samspel.families.services", "samspel.followup.recompute"),
        ("samspel.programmes.organisation_settings", "samspel.followup.recompute"),
    }
)


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module, dotted
    line: int
    in_function: bool

    @property
    def source_app(self) -> str:
        return self.source.split(".")[1]

    @property
    def target_app(self) -> str:
        return self.target.split(".")[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    """Samspel's modules, without migrations and tests."""
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not {"migrations", "tests"} & set(path.relative_to(ROOT).parts)
    )


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, known: set[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or not node.module:
        return []
    found: list[str] = []
    for alias in node.names:
        submodule = f"{node.module}.{alias.name}"
        target = submodule if submodule in known else node.module
        if target not in found:
            found.append(target)
    return found


def _walk(node: ast.AST, in_function: bool):
    """Every import under node, and whether a function body holds it; the body of
    ``if TYPE_CHECKING:`` never runs and is skipped."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for orelse in child.orelse:
                yield from _walk_one(orelse, in_function)
            continue
        yield from _walk_one(child, in_function)


def _walk_one(node: ast.AST, in_function: bool):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node, in_function
        return
    inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    yield from _walk(node, inside)


def imports(files: list[Path] | None = None) -> list[Import]:
    """Samspel's imports of its own modules."""
    files = source_files() if files is None else files
    known = {module_name(path) for path in source_files()}
    found = []
    for path in files:
        source = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, in_function in _walk(tree, False):
            for target in _targets(node, known):
                if target.startswith(PACKAGE + ".") and target != source:
                    found.append(Import(source, target, node.lineno, in_function))
    return found


# Modules of the package itself, outside any app: helpers that import only Django sit below
# every app; the project's wiring sits above them all.
BELOW_APPS: frozenset[str] = frozenset({"bounds", "charts", "trigram"})
ABOVE_APPS: frozenset[str] = frozenset(
    {"settings", "urls", "wsgi", "asgi", "__init__", "formats", "gunicorn_conf"}
)


def rank(app: str) -> int:
    """An app's place in the layers; a module of the package itself ranks below or above all."""
    if app in BELOW_APPS:
        return -1
    if app in ABOVE_APPS:
        return len(APP_ORDER)
    return APP_ORDER.index(app)


def upward(found: list[Import]) -> list[Import]:
    """Module-level imports of a higher app, allowed ones included."""
    return [
        imp for imp in found if not imp.in_function and rank(imp.target_app) > rank(imp.source_app)
    ]


def violations(found: list[Import]) -> list[Import]:
    return [imp for imp in upward(found) if (imp.source, imp.target) not in ALLOWED_UPWARD]


def is_views(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return last == "views" or last.endswith("_views")


def is_urls(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return last == "urls" or last.endswith("_urls")


def views_imports(found: list[Import]) -> list[Import]:
    """Imports of a views module by anything but a URL configuration."""
    return [imp for imp in found if is_views(imp.target) and not is_urls(imp.source)]


def cycles(found: list[Import]) -> list[list[str]]:
    """The file-level import cycles: strongly connected components (Tarjan) of more than one
    module over the module-level imports."""
    graph: dict[str, set[str]] = {}
    for imp in found:
        if not imp.in_function:
            graph.setdefault(imp.source, set()).add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def function_level(found: list[Import]) -> list[Import]:
    return [imp for imp in found if imp.in_function]
