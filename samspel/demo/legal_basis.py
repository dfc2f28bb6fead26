"""The one place the demo decides a case's legal basis and reads it back: a case's legal basis is
its measures in force (insats / foranstaltning, cases.Measure), added through the case write
path (samspel.cases.services.add_measure) so that they are audited and recomputed as on the
case page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.cases.services import add_measure


def decide_legal_basis(case: Case, codes: Sequence[str], *, starts_on: dt.date, by: User) -> None:
    """Give the case one open-ended measure per paragraph, decided by `by` on `starts_on` and in
    force from that day."""
    for code in codes:
        add_measure(case, by=by, paragraph=code, decided_on=starts_on, starts_on=starts_on)


def legal_basis_of(case: Case, on: dt.date | None = None) -> tuple[str, ...]:
    """The paragraphs of the case's measures in force on `on` (default: today), as catalogue
    codes."""
    day = on or timezone.localdate()
    return tuple(m.paragraph for m in case.measures.all() if m.in_force_on(day))
