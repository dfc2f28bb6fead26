"""Goals, sub-goals and progress of a plan. Goals and sub-goals are versioned changes of the
plan; progress ratings are added to a sub-goal over time and change nothing already written,
so they do not take part in the plan's optimistic locking."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samspel.cases.access import may_change_case
from samspel.cases.refusals import Refused, refusal_response
from samspel.plans import services
from samspel.plans.editing import (
    PartEdit,
    case_context,
    edit_part,
    form_page,
    plan_for_read,
    plan_for_write,
    plan_url,
    posted,
    save_or_render,
)
from samspel.plans.forms import GoalForm, ProgressForm, RemoveForm, SubGoalForm
from samspel.plans.models import Goal, Plan, SubGoal
from samspel.plans.network_link import case_actors

GOAL_EDIT = PartEdit(
    GoalForm,
    services.GOAL_FIELDS,
    "goal-{public_id}",
    heading=gettext_lazy("Edit the goal"),
    submit_label=gettext_lazy("Save the goal"),
    submit_id="save-goal",
    saved=gettext_lazy("The goal is saved."),
)
SUB_GOAL_EDIT = PartEdit(
    SubGoalForm,
    services.SUB_GOAL_FIELDS,
    "subgoal-{public_id}",
    heading=gettext_lazy("Edit the sub-goal"),
    submit_label=gettext_lazy("Save the sub-goal"),
    submit_id="save-subgoal",
    saved=gettext_lazy("The sub-goal is saved."),
)


def _responsibility(data) -> dict:
    return {
        "responsible_party": data["responsible_party"],
        "responsible_actor": data["responsible_actor"],
    }


def _goal_of(plan: Plan, goal_id) -> Goal:
    goal = get_object_or_404(Goal, plan=plan, public_id=goal_id)
    goal.plan = plan
    return goal


def _sub_goal_of(plan: Plan, subgoal_id) -> SubGoal:
    return get_object_or_404(
        SubGoal.objects.select_related("goal"), goal__plan=plan, public_id=subgoal_id
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_create(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    """A long-term goal; with `?parent=` (kept when the form posts back) a short-term goal."""
    case, plan = plan_for_write(request, case_id, plan_id)
    short_term = "parent" in request.GET
    form = GoalForm(
        posted(request),
        jurisdiction=case.organisation.jurisdiction,
        long_term_goals=plan.goals.filter(parent=None).order_by("id") if short_term else None,
        actors=case_actors(case),
        initial={"version": plan.version, "parent": request.GET.get("parent", "")},
    )

    def save(data) -> str:
        goal = services.add_goal(
            plan,
            version=data["version"],
            by=request.user,
            request=request,
            parent=data.get("parent"),
            text=data["text"],
            goal_areas=data["goal_areas"],
            **_responsibility(data),
        )
        return plan_url(plan, f"goal-{goal.public_id}")

    heading = _("Add a short-term goal") if short_term else _("Add a long-term goal")
    page = form_page(
        request, case, plan, heading, _("Add the goal"), "save-goal", _("The goal is added.")
    )
    return save_or_render(request, form, plan, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request: HttpRequest, case_id, plan_id, goal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    goal = _goal_of(plan, goal_id)
    jurisdiction = case.organisation.jurisdiction
    return edit_part(request, case, plan, goal, GOAL_EDIT, jurisdiction=jurisdiction)


@dataclass(frozen=True)
class Removal:
    """How a goal or a sub-goal is removed: what keeps it (`blocker_of`), the plans service
    that removes it, the page's texts."""

    blocker_of: Callable[[Any], str]
    remove: Callable[..., None]
    heading: str | Promise
    saved: str | Promise


GOAL_REMOVAL = Removal(
    services.goal_blocker,
    services.remove_goal,
    gettext_lazy("Remove the goal"),
    gettext_lazy("The goal is removed."),
)
SUB_GOAL_REMOVAL = Removal(
    services.sub_goal_blocker,
    services.remove_sub_goal,
    gettext_lazy("Remove the sub-goal"),
    gettext_lazy("The sub-goal is removed."),
)


def _remove(request, case, plan, target, removal: Removal, intro: str) -> HttpResponse:
    """Confirm and remove a goal or sub-goal, unless something under it keeps it."""
    blocker = removal.blocker_of(target)
    form = RemoveForm(posted(request), initial={"version": plan.version}, blocker=blocker)

    def save(data) -> str:
        removal.remove(plan, target, version=data["version"], by=request.user, request=request)
        return plan_url(plan, "goals")

    texts = removal.heading, removal.heading, "confirm-remove", removal.saved
    page = form_page(request, case, plan, *texts, intro=intro, danger=True, blocked=blocker)
    return save_or_render(request, form, plan, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def goal_remove(request: HttpRequest, case_id, plan_id, goal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    goal = _goal_of(plan, goal_id)
    return _remove(request, case, plan, goal, GOAL_REMOVAL, goal.text)


@require_http_methods(["GET", "POST"])
@login_required
def subgoal_create(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    short_term_goals = list(plan.goals.exclude(parent=None).order_by("id"))
    form = SubGoalForm(
        posted(request),
        plan=plan,
        short_term_goals=short_term_goals,
        actors=case_actors(case),
        initial={"version": plan.version, "goal": request.GET.get("goal", "")},
    )

    def save(data) -> str:
        sub_goal = services.add_sub_goal(
            plan,
            version=data["version"],
            by=request.user,
            request=request,
            goal=data["goal"],
            what=data["what"],
            indicator=data["indicator"],
            target_date=data["target_date"],
            **_responsibility(data),
        )
        return plan_url(plan, f"subgoal-{sub_goal.public_id}")

    page = form_page(
        request,
        case,
        plan,
        _("Add a sub-goal"),
        _("Add the sub-goal"),
        "save-subgoal",
        _("The sub-goal is added."),
        blocked=""
        if short_term_goals
        else _("Add a short-term goal first: sub-goals belong to one."),
    )
    return save_or_render(request, form, plan, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def subgoal_edit(request: HttpRequest, case_id, plan_id, subgoal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    sub_goal = _sub_goal_of(plan, subgoal_id)
    return edit_part(request, case, plan, sub_goal, SUB_GOAL_EDIT, plan=plan)


@require_http_methods(["GET", "POST"])
@login_required
def subgoal_remove(request: HttpRequest, case_id, plan_id, subgoal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    sub_goal = _sub_goal_of(plan, subgoal_id)
    return _remove(request, case, plan, sub_goal, SUB_GOAL_REMOVAL, sub_goal.what)


def _progress_page(request, case, plan, sub_goal, form, status=200) -> HttpResponse:
    context = {
        **case_context(request, case),
        "plan": plan,
        "sub_goal": sub_goal,
        "ratings": sub_goal.progress.select_related("recorded_by").order_by("on", "id"),
        "can_write": may_change_case(request.user, case),
        "form": form,
    }
    return render(request, "plans/progress.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def progress(request: HttpRequest, case_id, plan_id, subgoal_id) -> HttpResponse:
    """The ratings of one sub-goal over time, and a form to add one."""
    reach = plan_for_write if request.method == "POST" else plan_for_read
    case, plan = reach(request, case_id, plan_id)
    sub_goal = _sub_goal_of(plan, subgoal_id)
    form = ProgressForm(posted(request), plan=plan, initial={"on": timezone.localdate()})
    url = reverse(
        "plans:progress",
        kwargs={
            "case_id": case.public_id,
            "plan_id": plan.public_id,
            "subgoal_id": sub_goal.public_id,
        },
    )
    if request.method != "POST" or not form.is_valid():
        return _progress_page(request, case, plan, sub_goal, form)
    try:
        services.record_progress(
            plan, sub_goal, by=request.user, request=request, **form.cleaned_data
        )
    except Refused as refused:
        return refusal_response(request, refused, url)
    messages.success(request, _("The progress is recorded."))
    return redirect(url)
