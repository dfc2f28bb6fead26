"""What the case page shows of activities: the next planned ones and the latest held ones."""

from __future__ import annotations

from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case

SHOWN = 5


def activity_panel(case: Case) -> dict:
    rows = Activity.objects.filter(case=case)
    return {
        "upcoming_activities": list(
            rows.filter(status=ActivityStatus.PLANNED).order_by("planned_start", "id")[:SHOWN]
        ),
        "recent_activities": list(
            rows.filter(status=ActivityStatus.HELD).order_by("-held_on", "-id")[:SHOWN]
        ),
    }
