"""After a person of a family is saved: the facts the deadlines read of a person (a focus
child's birth date for the age rules, the adults FIFA asks) reach the family's cases."""

from __future__ import annotations

from samspel.families.models import Family
from samspel.followup.recompute import recompute_cases


def recompute_family_cases(family: Family) -> None:
    """Recompute the due items of every case of the family; call it inside the transaction
    that saved the person (a closed case keeps none: samspel.followup.recompute)."""
    recompute_cases(family.cases.select_related("organisation"))
