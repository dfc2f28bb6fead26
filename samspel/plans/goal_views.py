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

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import can_write_case
from samspel.plans.forms import GoalForm, ProgressForm, SubGoalForm, VersionedForm
from samspel.plans.models import Goal, Plan, PlanChange, Progress, SubGoal
from samspel.plans.network_link import case_actors
from samspel.plans.pages import (
    PartEdit,
    case_context,
    edit_fields,
    form_page,
    plan_for_read,
    plan_for_write,
    plan_url,
    posted,
    save_or_render,
)
from samspel.plans.versioning import StalePlan

GOAL_EDIT = PartEdit(
    GoalForm,
    ["text", "goal_areas", "responsible_party", "responsible_actor"],
    PlanChange.GOAL_CHANGED,
    "goal-{public_id}",
    heading=gettext_lazy("Edit the goal"),
    submit_label=gettext_lazy("Save the goal"),
    submit_id="save-goal",
    saved=gettext_lazy("The goal is saved."),
)
SUB_GOAL_EDIT = PartEdit(
    SubGoalForm,
    ["what", "indicator", "target_date", "responsible_party", "responsible_actor"],
    PlanChange.SUBGOAL_CHANGED,
    "subgoal-{public_id}",
    heading=gettext_lazy("Edit the sub-goal"),
    submit_label=gettext_lazy("Save the sub-goal"),
    submit_id="save-subgoal",
    saved=gettext_lazy("The sub-goal is saved."),
)


class RemoveForm(VersionedForm):
    """Confirms a removal; refuses it while `blocker` says why it cannot be done."""

    def __init__(self, *args, blocker: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.blocker = blocker

    def clean(self):
        if self.blocker:
            self.add_error(None, self.blocker)
        return super().clean()


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
        goal = Goal.objects.create(
            plan=plan,
            parent=data.get("parent"),
            text=data["text"],
            goal_areas=data["goal_areas"],
            **_responsibility(data),
        )
        record(request, Action.CREATE, goal, plan=str(plan.public_id), version=plan.version)
        return plan_url(plan, f"goal-{goal.public_id}")

    heading = _("Add a short-term goal") if short_term else _("Add a long-term goal")
    page = form_page(
        request, case, plan, heading, _("Add the goal"), "save-goal", _("The goal is added.")
    )
    return save_or_render(request, form, plan, PlanChange.GOAL_ADDED, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request: HttpRequest, case_id, plan_id, goal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    goal = _goal_of(plan, goal_id)
    jurisdiction = case.organisation.jurisdiction
    return edit_fields(request, case, plan, goal, GOAL_EDIT, jurisdiction=jurisdiction)


def _goal_blocker(goal: Goal) -> str:
    if goal.short_term_goals.exists() or goal.sub_goals.exists():
        return _("Remove the goals and sub-goals under this goal first.")
    return ""


@dataclass(frozen=True)
class Removal:
    """How a goal or a sub-goal is removed: what keeps it, the plan change, the page's texts."""

    blocker_of: Callable[[Any], str]
    change: str
    heading: str | Promise
    saved: str | Promise


GOAL_REMOVAL = Removal(
    _goal_blocker,
    PlanChange.GOAL_REMOVED,
    gettext_lazy("Remove the goal"),
    gettext_lazy("The goal is removed."),
)


def _remove(request, case, plan, target, removal: Removal, intro: str, **detail):
    """Confirm and remove a goal or sub-goal, unless something under it keeps it."""
    blocker = removal.blocker_of(target)
    form = RemoveForm(posted(request), initial={"version": plan.version}, blocker=blocker)

    def save(data) -> str:
        if removal.blocker_of(target):
            raise StalePlan
        record(request, Action.DELETE, target, plan=str(plan.public_id), **detail)
        target.delete()
        return plan_url(plan, "goals")

    page = form_page(
        request,
        case,
        plan,
        removal.heading,
        removal.heading,
        "confirm-remove",
        removal.saved,
        intro=intro,
        danger=True,
        blocked=blocker,
    )
    return save_or_render(request, form, plan, removal.change, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def goal_remove(request: HttpRequest, case_id, plan_id, goal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    goal = _goal_of(plan, goal_id)
    return _remove(request, case, plan, goal, GOAL_REMOVAL, goal.text, text=goal.text[:200])


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
        sub_goal = SubGoal.objects.create(
            goal=data["goal"],
            what=data["what"],
            indicator=data["indicator"],
            target_date=data["target_date"],
            **_responsibility(data),
        )
        record(request, Action.CREATE, sub_goal, plan=str(plan.public_id), version=plan.version)
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
    return save_or_render(request, form, plan, PlanChange.SUBGOAL_ADDED, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def subgoal_edit(request: HttpRequest, case_id, plan_id, subgoal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    sub_goal = _sub_goal_of(plan, subgoal_id)
    return edit_fields(request, case, plan, sub_goal, SUB_GOAL_EDIT, plan=plan)


def _sub_goal_blocker(sub_goal: SubGoal) -> str:
    if sub_goal.progress.exists():
        return _("Progress is recorded on this sub-goal, so it is kept. Edit it instead.")
    return ""


SUB_GOAL_REMOVAL = Removal(
    _sub_goal_blocker,
    PlanChange.SUBGOAL_REMOVED,
    gettext_lazy("Remove the sub-goal"),
    gettext_lazy("The sub-goal is removed."),
)


@require_http_methods(["GET", "POST"])
@login_required
def subgoal_remove(request: HttpRequest, case_id, plan_id, subgoal_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    sub_goal = _sub_goal_of(plan, subgoal_id)
    what = sub_goal.what
    return _remove(request, case, plan, sub_goal, SUB_GOAL_REMOVAL, what, what=what[:200])


def _progress_page(request, case, plan, sub_goal, form, status=200) -> HttpResponse:
    context = {
        **case_context(request, case),
        "plan": plan,
        "sub_goal": sub_goal,
        "ratings": sub_goal.progress.select_related("recorded_by").order_by("on", "id"),
        "can_write": can_write_case(request.user, case),
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
    if request.method != "POST" or not form.is_valid():
        return _progress_page(request, case, plan, sub_goal, form)
    rating = Progress.objects.create(
        sub_goal=sub_goal, recorded_by=request.user, **form.cleaned_data
    )
    record(request, Action.CREATE, rating, sub_goal=str(sub_goal.public_id), value=rating.value)
    messages.success(request, _("The progress is recorded."))
    url = reverse(
        "plans:progress",
        kwargs={
            "case_id": case.public_id,
            "plan_id": plan.public_id,
            "subgoal_id": sub_goal.public_id,
        },
    )
    return redirect(url)
