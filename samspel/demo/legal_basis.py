"""The one place the demo decides a case's legal basis and reads it back.

Today the legal basis is the case's list of paragraphs (Case.legal_basis), changed through the
case write path. When measures (insats / foranstaltning) replace the list, these two functions
are what changes: `decide_legal_basis` adds one measure per paragraph from `starts_on`, and
`legal_basis_of` reads the paragraphs in force."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.cases.services import change_case


def decide_legal_basis(case: Case, codes: Sequence[str], *, starts_on: dt.date, by: User) -> None:
    """Give the case its legal basis, decided by `by` and in force from `starts_on` (the list of
    paragraphs keeps no date; a measure will), audited and recomputed as the case form does."""
    change_case(case, by=by, legal_basis=list(codes))


def legal_basis_of(case: Case) -> tuple[str, ...]:
    """The paragraphs of the case's legal basis, as catalogue codes."""
    return tuple(case.legal_basis or ())
