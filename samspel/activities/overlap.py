"""Collisions between a planned time and other appointments (seed 001: our activities must not
collide with the family's other appointments). `overlaps` is the rule; `conflicts` finds what
collides: the family's other planned activities (any of its cases), the family's planned
appointments with other agencies, and the given workers' planned activities on any case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from samspel.accounts.models import User
from samspel.activities.models import (
    Activity,
    ActivityStatus,
    AppointmentStatus,
    ExternalAppointment,
)
from samspel.families.models import Family


def overlaps(
    start: dt.datetime, end: dt.datetime, other_start: dt.datetime, other_end: dt.datetime | None
) -> bool:
    """Half-open intervals [start, end) and [other_start, other_end) share a moment. An
    appointment without an end is taken as the single moment it starts."""
    other_end = other_end if other_end is not None and other_end > other_start else None
    if other_end is None:
        return start <= other_start < end
    return start < other_end and other_start < end


@dataclass(frozen=True)
class Conflict:
    """What the warning shows: the kind or title and the times, no names or places."""

    whose: str  # "family" | "worker"
    what: str
    start: dt.datetime
    end: dt.datetime | None
    worker: str = ""


def _ends_after(start: dt.datetime) -> Q:
    return Q(planned_end__gt=start) | Q(planned_end__isnull=True, planned_start__gte=start)


def _planned_between(
    start: dt.datetime, end: dt.datetime, exclude: Activity | None
) -> QuerySet[Activity]:
    rows = Activity.objects.filter(
        status=ActivityStatus.PLANNED, planned_start__lt=end, planned_start__isnull=False
    ).filter(_ends_after(start))
    return rows if exclude is None else rows.exclude(pk=exclude.pk)


def _family_activities(
    family: Family, start: dt.datetime, end: dt.datetime, exclude: Activity | None
) -> list[Conflict]:
    rows = _planned_between(start, end, exclude).filter(case__family=family)
    return [
        Conflict("family", row.get_kind_display(), row.planned_start, row.planned_end)
        for row in rows.order_by("planned_start")
        if row.planned_start is not None
        and overlaps(start, end, row.planned_start, row.planned_end)
    ]


def _family_appointments(family: Family, start: dt.datetime, end: dt.datetime) -> list[Conflict]:
    rows = ExternalAppointment.objects.filter(
        family=family, status=AppointmentStatus.PLANNED, start__lt=end, end__gt=start
    )
    return [
        Conflict("family", f"{row.get_agency_kind_display()}: {row.title}", row.start, row.end)
        for row in rows.order_by("start")
        if overlaps(start, end, row.start, row.end)
    ]


def _worker_activities(
    users: list[User],
    family: Family,
    start: dt.datetime,
    end: dt.datetime,
    exclude: Activity | None,
) -> list[Conflict]:
    """The workers' planned activities with other families (the family's own are listed
    already): taking part, or responsible for or buddy on the activity's case."""
    ids = [user.pk for user in users]
    if not ids:
        return []
    rows = (
        _planned_between(start, end, exclude)
        .filter(
            Q(participants__user_id__in=ids)
            | Q(case__responsible_id__in=ids)
            | Q(case__buddy_id__in=ids)
        )
        .exclude(case__family=family)
        .select_related("case__responsible", "case__buddy")
        .prefetch_related("participants__user")
        .distinct()
    )
    found = []
    for row in rows.order_by("planned_start"):
        if row.planned_start is None or not overlaps(
            start, end, row.planned_start, row.planned_end
        ):
            continue
        names = _involved(row, set(ids))
        found.append(
            Conflict("worker", row.get_kind_display(), row.planned_start, row.planned_end, names)
        )
    return found


def _involved(activity: Activity, ids: set[int]) -> str:
    users = [activity.case.responsible, activity.case.buddy]
    users += [p.user for p in activity.participants.all() if p.user_id]
    names = sorted({str(user) for user in users if user is not None and user.pk in ids})
    return ", ".join(names)


def conflicts(
    family: Family,
    users: Iterable[User | None],
    start: dt.datetime | None,
    end: dt.datetime | None,
    exclude: Activity | None = None,
) -> list[Conflict]:
    """Everything planned that overlaps [start, end): for the family, and for the workers."""
    if start is None or end is None or end <= start:
        return []
    workers = [user for user in users if user is not None]
    found = _family_activities(family, start, end, exclude)
    found += _family_appointments(family, start, end)
    found += _worker_activities(workers, family, start, end, exclude)
    return sorted(found, key=lambda conflict: conflict.start)
