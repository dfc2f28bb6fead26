"""Stored due items and follow-up periods made directly, as the recompute would store them."""

import datetime as dt

from samspel.cases.models import Case
from samspel.families.models import Family
from samspel.followup.models import DueItem, FollowUpPeriod

TODAY = dt.date(2026, 11, 25)
NOW = "2026-11-25 10:00 +01:00"


def due_item(case: Case, due_on: dt.date, rule: str = "fifa:follow-up", **extra) -> DueItem:
    values = {
        "title": "Follow-up meeting",
        "counts_from": due_on - dt.timedelta(days=42),
        "source": "programme",
        "explanation": "every 6 weeks because the case holds %(paragraph)s",
        "explanation_params": {"paragraph": "§50"},
        **extra,
    }
    return DueItem.objects.create(
        case=case,
        rule=rule,
        due_on=due_on,
        organisation_id=case.organisation_id,
        responsible_id=case.responsible_id,
        buddy_id=case.buddy_id,
        team_id=case.team_id,
        programme=case.programme,
        **values,
    )


def period(case: Case, due_on: dt.date, held_on: dt.date | None = None) -> FollowUpPeriod:
    return FollowUpPeriod.objects.create(
        case=case,
        rule="fifa:follow-up",
        due_on=due_on,
        held_on=held_on,
        team_id=case.team_id,
        programme=case.programme,
    )


def another_case(like: Case, number: str, **changes) -> Case:
    """A second case with its own family, like `like` unless changed."""
    organisation = changes.pop("organisation", like.organisation)
    family = Family.objects.create(
        organisation=organisation, name=f"Familjen {number}", created_by=like.responsible
    )
    values = {
        "organisation": organisation,
        "number": number,
        "family": family,
        "programme": like.programme,
        "team": like.team,
        "responsible": like.responsible,
        "buddy": like.buddy,
        **changes,
    }
    return Case.objects.create(**values)
