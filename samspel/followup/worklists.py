"""The queries behind the worklists: a worker's open due items, a team leader's teams, the
caseload per worker and the periods for compliance. Each list is one indexed query on the
columns DueItem copies from the case (responsible_id, buddy_id, team_id)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from samspel.accounts.models import User
from samspel.cases.models import CaseStatus
from samspel.followup.engine import DUE_SOON, DUE_SOON_DAYS, OVERDUE, UPCOMING, Period, due_state
from samspel.followup.messages import describe
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.organisations.models import Team

STATES = (OVERDUE, DUE_SOON, UPCOMING)  # the order of the worklist


def due_row(item: DueItem, today: dt.date) -> dict:
    """A stored item as the case page and the worklists show it: its state (engine.due_state),
    the days to or since its date, and its explanation in the active language."""
    return {
        "item": item,
        "state": due_state(item.due_on, today),
        "days": abs((item.due_on - today).days),
        "explanation": describe(item.explanation, item.explanation_params),
    }


def worker_items(user) -> QuerySet[DueItem]:
    """Open items of the cases the user is responsible or buddy for, earliest due first."""
    return (
        DueItem.objects.filter(Q(responsible_id=user.pk) | Q(buddy_id=user.pk))
        .filter(organisation_id=user.organisation_id)
        .select_related("case__family")
        .order_by("due_on", "id")
    )


def led_teams(user) -> list[Team]:
    """The teams of the user's organisation that the user leads."""
    if not user.is_authenticated or user.organisation_id is None or user.is_auditor:
        return []
    return list(
        Team.objects.filter(
            organisation_id=user.organisation_id,
            membership__user=user,
            membership__is_leader=True,
        ).order_by("name")
    )


def team_items(team_ids: list[int]) -> QuerySet[DueItem]:
    return (
        DueItem.objects.filter(team_id__in=team_ids)
        .select_related("case__family", "case__responsible")
        .order_by("due_on", "id")
    )


def team_workers(team_ids: list[int]) -> QuerySet[User]:
    return (
        User.objects.filter(membership__team_id__in=team_ids, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class Caseload:
    worker: User
    cases: int
    reference: int

    @property
    def percent(self) -> int:
        return round(100 * self.cases / self.reference) if self.reference else 0

    @property
    def over(self) -> bool:
        return self.cases > self.reference


def caseloads(team_ids: list[int], reference: int) -> list[Caseload]:
    """Open cases (not closed) each member of the teams is responsible for, in any team."""
    open_cases = Count(
        "responsible_cases",
        filter=~Q(responsible_cases__status=CaseStatus.CLOSED),
        distinct=True,
    )
    workers = User.objects.filter(pk__in=team_workers(team_ids).values("pk")).annotate(
        open_cases=open_cases
    )
    return [Caseload(worker, worker.open_cases, reference) for worker in workers]


def team_periods(team_ids: list[int], since: dt.date, until: dt.date) -> list[Period]:
    """The follow-up periods of the teams due between the two dates, for compliance."""
    rows = FollowUpPeriod.objects.filter(
        team_id__in=team_ids, due_on__gte=since, due_on__lte=until
    ).values_list("rule", "due_on", "held_on")
    return [Period(rule, due_on, held_on) for rule, due_on, held_on in rows]


def due_summary(user, today: dt.date) -> dict[str, int]:
    """How many of the user's items are overdue, due soon and due at all (the home page)."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return (
        DueItem.objects.filter(Q(responsible_id=user.pk) | Q(buddy_id=user.pk))
        .filter(organisation_id=user.organisation_id)
        .aggregate(
            overdue=Count("id", filter=Q(due_on__lt=today)),
            due_soon=Count("id", filter=Q(due_on__gte=today, due_on__lte=soon)),
            total=Count("id"),
        )
    )
