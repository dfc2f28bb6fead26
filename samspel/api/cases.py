"""The API's case routes: cases, and of one case its measures, due items, activities and plans;
the token user's own due items. Every case is found through cases.access, which records the
request's one read of it."""

import datetime as dt
import uuid
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samspel.activities.models import Activity
from samspel.api.common import ERRORS, MAX_PAGE, Audited, Day, Page, known_query
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.calendars.local_time import local_today
from samspel.calendars.timezones import organisation_timezone
from samspel.cases.access import cases_for_user, get_case_for_user
from samspel.cases.models import CaseStatus
from samspel.followup.engine import DUE_SOON, DUE_SOON_DAYS, OVERDUE, UPCOMING, due_state
from samspel.followup.models import DueItem
from samspel.followup.worklists import due_items_for_user
from samspel.plans.editing import plan_for_read
from samspel.plans.models import Goal, SubGoal
from samspel.plans.rules import build_snapshot

router = Router(tags=["cases"])

Status = Literal["referral", "active", "closing", "closed"]
State = Literal["overdue", "due_soon", "upcoming"]
assert {*Status.__args__} == set(CaseStatus.values)  # type: ignore[attr-defined]
assert {*State.__args__} == {OVERDUE, DUE_SOON, UPCOMING}  # type: ignore[attr-defined]


class CaseOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    number: str
    status: Status
    programme: str
    phase: str
    team: str = Field(alias="team.name")
    referred_on: dt.date
    activated_on: dt.date | None = None
    closed_on: dt.date | None = None


class CaseFilters(Schema):
    status: Status | None = None
    number: str | None = Field(None, max_length=20)
    programme: str | None = Field(None, max_length=40)
    role: Literal["responsible", "buddy"] | None = Field(
        None, description="Only the cases the token's user is responsible worker or buddy for."
    )


class CaseRef(Schema):
    id: uuid.UUID = Field(alias="public_id")
    number: str


class DueItemOut(Schema):
    rule: str
    title: str = Field(description="In English; the pages translate it.")
    due_on: dt.date
    counts_from: dt.date
    source: str
    state: State


class WorklistItemOut(DueItemOut):
    case: CaseRef


class MeasureOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    paragraph: str
    decided_on: dt.date
    starts_on: dt.date
    ends_on: dt.date | None = None


class ActivityOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    kind: str
    status: str
    planned_start: dt.datetime | None = None
    planned_end: dt.datetime | None = None
    held_on: dt.date | None = None


class PlanSummaryOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    kind: str
    title: str
    starts_on: dt.date
    agreed_on: dt.date | None = None
    version: int
    changed_since_agreement: bool


class ResponsibleOut(Schema):
    party: Literal["family", "worker", "actor"]
    actor: str


class SubGoalOut(Schema):
    id: uuid.UUID
    what: str
    indicator: str
    target_date: dt.date
    responsible: ResponsibleOut


class GoalOut(Schema):
    id: uuid.UUID
    text: str
    goal_areas: list[str]
    responsible: ResponsibleOut
    short_term_goals: list["GoalOut"]
    sub_goals: list[SubGoalOut]


class AgreementOut(Schema):
    agreed_on: dt.date | None
    agreed_by: str
    text: str
    version: int | None


class CoordinationOut(Schema):
    actor: str
    coordinator: Literal["family", "worker"]
    note: str


class PlanOut(Schema):
    id: uuid.UUID
    version: int
    kind: str
    title: str
    starts_on: dt.date
    agreement: AgreementOut
    goals: list[GoalOut]
    coordination: list[CoordinationOut]


GoalOut.model_rebuild()


def _today(request: HttpRequest) -> dt.date:
    return local_today(organisation_timezone(request.user.organisation))


def _due(item: DueItem, today: dt.date) -> dict:
    return {
        "rule": item.rule,
        "title": item.title,
        "due_on": item.due_on,
        "counts_from": item.counts_from,
        "source": item.source,
        "state": due_state(item.due_on, today),
        "case": item.case,
    }


@router.get("/cases", response={200: list[CaseOut], **ERRORS})
@paginate(Page, max_limit=MAX_PAGE)
@known_query("status", "number", "programme", "role", "limit", "offset")
def list_cases(request: HttpRequest, filters: Query[CaseFilters]):
    """The cases the token's user may read, newest referral first."""
    cases = cases_for_user(request.user).select_related("team").order_by("-referred_on", "-id")
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.number:
        cases = cases.filter(number=filters.number)
    if filters.programme:
        cases = cases.filter(programme=filters.programme)
    if filters.role:
        cases = cases.filter(**{filters.role: request.user})
    return Audited(cases, lambda rows: _record_list(request, "api.cases", rows, rows))


def _record_list(request: HttpRequest, object_type: str, cases, rows: list) -> list:
    """One read naming the cases of the page, when it shows any; the rows to serve."""
    if cases:
        record(request, Action.VIEW, object_type=object_type, cases=cases)
    return rows


@router.get("/cases/{case_id}", response={200: CaseOut, **ERRORS})
@known_query()
def get_case(request: HttpRequest, case_id: uuid.UUID):
    return get_case_for_user(request, case_id)


@router.get("/cases/{case_id}/measures", response={200: list[MeasureOut], **ERRORS})
@known_query()
def case_measures(request: HttpRequest, case_id: uuid.UUID):
    """The case's decided measures (its legal basis), ended ones included, in order of start."""
    case = get_case_for_user(request, case_id)
    return list(case.measures.order_by("starts_on", "pk"))


@router.get("/cases/{case_id}/due-items", response={200: list[DueItemOut], **ERRORS})
@known_query()
def case_due_items(request: HttpRequest, case_id: uuid.UUID):
    """What is due on the case, earliest first, with its state today."""
    case = get_case_for_user(request, case_id)
    today = _today(request)
    return [_due(item, today) for item in DueItem.objects.filter(case=case).order_by("due_on")]


class WorklistFilters(Schema):
    state: State | None = None
    due_before: Day | None = Field(None, description="Only items due before this day.")


@router.get("/due-items", response={200: list[WorklistItemOut], **ERRORS})
@paginate(Page, max_limit=MAX_PAGE)
@known_query("state", "due_before", "limit", "offset")
def my_due_items(request: HttpRequest, filters: Query[WorklistFilters]):
    """The token user's worklist: the open items of the cases they are responsible worker or
    buddy for, earliest first."""
    today = _today(request)
    items = due_items_for_user(request.user, mine=True).select_related("case")
    last_soon = today + dt.timedelta(days=DUE_SOON_DAYS)  # as engine.due_state
    if filters.state == OVERDUE:
        items = items.filter(due_on__lt=today)
    elif filters.state == DUE_SOON:
        items = items.filter(due_on__gte=today, due_on__lte=last_soon)
    elif filters.state == UPCOMING:
        items = items.filter(due_on__gt=last_soon)
    if filters.due_before:
        items = items.filter(due_on__lt=filters.due_before)
    items = items.order_by("due_on", "id")

    def served(rows: list[DueItem]) -> list[dict]:
        due = [_due(row, today) for row in rows]
        return _record_list(request, "api.due_items", {row.case for row in rows}, due)

    return Audited(items, served)


@router.get("/cases/{case_id}/activities", response={200: list[ActivityOut], **ERRORS})
@paginate(Page, max_limit=MAX_PAGE)
@known_query("limit", "offset")
def case_activities(request: HttpRequest, case_id: uuid.UUID):
    """The case's activities, latest first."""
    case = get_case_for_user(request, case_id)
    return Activity.objects.filter(case=case).order_by("-planned_start", "-held_on", "-id")


@router.get("/cases/{case_id}/plans", response={200: list[PlanSummaryOut], **ERRORS})
@known_query()
def case_plans(request: HttpRequest, case_id: uuid.UUID):
    """The case's plans, latest start first."""
    case = get_case_for_user(request, case_id)
    return list(case.plans.order_by("-starts_on", "-id"))


@router.get("/cases/{case_id}/plans/{plan_id}", response={200: PlanOut, **ERRORS})
@known_query()
def case_plan(request: HttpRequest, case_id: uuid.UUID, plan_id: uuid.UUID):
    """One plan as its latest version: details, the family's agreement, the goal tree (long-term
    goals, their short-term goals, their sub-goals) and who coordinates with whom."""
    _case, plan = plan_for_read(request, case_id, plan_id)
    goals = list(Goal.objects.filter(plan=plan).order_by("id"))
    sub_goals = list(SubGoal.objects.filter(goal__plan=plan).order_by("target_date", "id"))
    coordination = list(plan.coordination.order_by("actor", "id"))
    return {"id": plan.public_id, **build_snapshot(plan, goals, sub_goals, coordination)}
