"""What the case page shows of activities: the next planned ones, the latest held ones and, for
a reader who may change the open case, the form to record a held activity. The case page
(samspel.cases.panels) composes it with the other apps' panels; ActivitiesConfig.case_panel
names it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from samspel.activities.forms import HeldActivityForm
from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case

SHOWN = 5


def activity_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    rows = Activity.objects.filter(case=case)
    today = timezone.localdate()
    return {
        "upcoming_activities": list(
            rows.filter(status=ActivityStatus.PLANNED).order_by("planned_start", "id")[:SHOWN]
        ),
        "recent_activities": list(
            rows.filter(status=ActivityStatus.HELD).order_by("-held_on", "-id")[:SHOWN]
        ),
        "held_form": HeldActivityForm(case=case, prefix="held", initial={"held_on": today})
        if writable
        else None,
    }
