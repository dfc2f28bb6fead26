"""The Signs of Safety three-column map: which category sits in which column, in which order.
Data in, layout out; no requests and no queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samspel.assessments.models import StatementCategory


class HasCategory(Protocol):
    category: str


@dataclass(frozen=True)
class ColumnDefinition:
    key: str
    heading: Promise
    categories: tuple[str, ...]


COLUMNS: tuple[ColumnDefinition, ...] = (
    ColumnDefinition(
        "worries",
        _("What are we worried about?"),
        (
            StatementCategory.HARM,
            StatementCategory.DANGER_STATEMENT,
            StatementCategory.COMPLICATING_FACTORS,
        ),
    ),
    ColumnDefinition(
        "working-well",
        _("What's working well?"),
        (StatementCategory.EXISTING_STRENGTHS, StatementCategory.EXISTING_SAFETY),
    ),
    ColumnDefinition(
        "needs-to-happen",
        _("What needs to happen?"),
        (StatementCategory.SAFETY_GOAL, StatementCategory.NEXT_STEPS),
    ),
)


@dataclass
class CategoryBlock:
    category: str
    label: Promise | str
    statements: list = field(default_factory=list)


@dataclass
class Column:
    key: str
    heading: Promise
    blocks: list[CategoryBlock]


def three_columns(statements: Iterable[HasCategory]) -> list[Column]:
    """Sort statements into the three columns, each category a block, keeping their order.
    Every category is present, so an empty one can still be seen (and filled)."""
    labels = dict(StatementCategory.choices)
    blocks = {code: CategoryBlock(code, labels[code]) for code in labels}
    for statement in statements:
        blocks[statement.category].statements.append(statement)
    return [Column(c.key, c.heading, [blocks[code] for code in c.categories]) for c in COLUMNS]
