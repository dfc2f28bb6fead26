"""What the case page shows of activities: the next planned ones, the latest held ones and, for
a reader who may change the open case, the form to record a held activity. The case page
(samspel.cases.panels) composes it with the other apps' panels; ActivitiesConfig.case_panel
names it."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from samspel.activities.forms import HeldActivityForm
from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import Case, CaseStatus

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
        "activate_from": _activate_from(case, rows) if writable else None,
    }


def _activate_from(case: Case, rows) -> dt.date | None:
    """For a referral whose first contact is held: the day it was held, which the case page
    offers as the day the case becomes active (the worker decides; nothing changes by itself)."""
    if case.status != CaseStatus.REFERRAL or CaseStatus.ACTIVE not in case.allowed_statuses():
        return None
    first = rows.filter(status=ActivityStatus.HELD).order_by("held_on", "id").first()
    return first.held_on if first is not None else None
