"""Worklists (DOMAIN.md §5): the worker's open due items, the team leader's whole team with
caseloads, and the team's compliance per month. Read-only pages; the items come from the
stored DueItem rows the recompute keeps current."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samspel.audit.log import record, record_list
from samspel.audit.models import Action
from samspel.cases.access import led_teams
from samspel.followup.compliance import (
    MonthlyCompliance,
    compliance_chart,
    month_starts,
    monthly_compliance,
    percent,
)
from samspel.followup.engine import DUE_SOON, OVERDUE, UPCOMING
from samspel.followup.worklist_forms import TeamWorklistFilterForm
from samspel.followup.worklists import (
    caseloads,
    due_rows,
    team_items,
    team_periods,
    team_workers,
    worker_items,
)

PAGE_SIZE = 50
MONTHS = 12


def _leader_teams(request: HttpRequest):
    teams = list(led_teams(request.user))
    if not teams:
        raise Http404
    return teams


@require_GET
@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    """The worker's items, overdue first, then due soon, then upcoming."""
    user = request.user
    if user.is_auditor or user.organisation_id is None:
        raise Http404
    today = timezone.localdate()
    rows = due_rows(worker_items(user), today, with_case=True)
    groups = [
        {"state": state, "heading": heading, "empty": empty, "rows": []}
        for state, heading, empty in (
            (OVERDUE, _("Overdue"), _("Nothing is overdue.")),
            (DUE_SOON, _("Due within a week"), _("Nothing is due within a week.")),
            (UPCOMING, _("Upcoming"), _("Nothing else is coming up.")),
        )
    ]
    record_list(request, "followup.worklist", [row["case"] for row in rows])
    by_state = {group["state"]: group for group in groups}
    for row in rows:
        by_state[row["state"]]["rows"].append(row)
    return render(request, "followup/worklist.html", {"groups": groups, "today": today})


@require_GET
@login_required
def team_worklist(request: HttpRequest) -> HttpResponse:
    """All open items of the teams the user leads, filtered and paginated, with caseloads."""
    teams = _leader_teams(request)
    team_ids = [team.pk for team in teams]
    today = timezone.localdate()
    form = TeamWorklistFilterForm(
        request.GET or None,
        workers=team_workers(team_ids),
        organisation=request.user.organisation,
    )
    items = form.filter(team_items(request.user))
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    if form.is_bound:
        terms = dict(request.GET.items())
        record(request, Action.SEARCH, object_type="followup.dueitem", terms=terms)
    rows = due_rows(page.object_list, today, with_case=True)
    record_list(request, "followup.team_worklist", [row["case"] for row in rows])
    query = request.GET.copy()
    query.pop("page", None)
    reference = request.user.organisation.reference_caseload
    loads = caseloads(team_ids, reference)
    context = {
        "teams": teams,
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "caseloads": loads,
        "reference": reference,
        "scale": max([reference, *(load.cases for load in loads)]),
    }
    return render(request, "followup/team_worklist.html", context)


@require_GET
@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    """Share of follow-ups held by their due date, per month for the last twelve months."""
    teams = _leader_teams(request)
    today = timezone.localdate()
    first = month_starts(today, MONTHS)[0]
    last = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    periods = team_periods(request.user, first, last)
    rows = monthly_compliance(periods, today, MONTHS)
    chart = compliance_chart(rows)
    total = MonthlyCompliance(first, sum(r.due for r in rows), sum(r.on_time for r in rows))
    context = {
        "teams": teams,
        "chart": chart,
        "first": first,
        "today": today,
        "total": total,
        "total_percent": percent(total.share),
    }
    return render(request, "followup/compliance.html", context)
