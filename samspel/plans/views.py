"""The plans of a case: list, writing a plan, the plan page, its details, the family's
agreement and the history of versions. Goals, sub-goals and progress are in goal_views,
coordination in coordination_views, the PDF in pdf."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspel.cases.access import (
    get_case_for_user,
    get_case_for_write,
    may_change_case,
    refuse_closed,
)
from samspel.cases.refusals import Refused, refusal_response
from samspel.plans import services
from samspel.plans.editing import (
    case_context,
    plan_for_read,
    plan_for_write,
    plan_url,
    posted,
    save_or_render,
)
from samspel.plans.forms import AgreementForm, PlanEditForm, PlanForm
from samspel.plans.models import ResponsibleParty, SubGoal
from samspel.plans.network_link import actor_without_consent, case_actors
from samspel.plans.rules import earliest_target_date, framework
from samspel.plans.snapshots import snapshot_for_display
from samspel.plans.tree import plan_tree


@require_GET
@login_required
def plan_list(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    plans = case.plans.annotate(goal_count=Count("goals")).order_by("-starts_on", "-id")
    context = {
        **case_context(request, case),
        "plans": plans,
        "can_write": may_change_case(request.user, case),
    }
    return render(request, "plans/plan_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def plan_create(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    back = reverse("plans:list", kwargs={"case_id": case.public_id})
    if refused := refuse_closed(request, case, back):
        return refused
    form = PlanForm(posted(request), country=case.organisation.jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(case, by=request.user, request=request, **form.cleaned_data)
        except Refused as refused:
            return refusal_response(request, refused, back)
        messages.success(request, _("The plan is written. Now add its goals."))
        return redirect(plan_url(plan))
    context = {
        **case_context(request, case),
        "form": form,
        "heading": _("Write a plan"),
        "submit_label": _("Write the plan"),
        "submit_id": "save-plan",
        "cancel_url": back,
    }
    return render(request, "plans/plan_form.html", context)


def _mark_missing_consent(case, tree: list[dict], coordination: list) -> None:
    """Flag each external actor in the plan with whom the family's consent does not hold."""
    actors = case_actors(case)
    if not actors:
        return
    items = [item for node in tree for item in _goals_and_sub_goals(node)]
    for item in items:
        named = item.responsible_actor if item.responsible_party == ResponsibleParty.ACTOR else ""
        item.consent_missing = actor_without_consent(named, actors) is not None
    for item in coordination:
        item.consent_missing = actor_without_consent(item.actor, actors) is not None


def _goals_and_sub_goals(node: dict):
    yield node["goal"]
    yield from (row["sub_goal"] for row in node["sub_goals"])
    for child in node["short_term"]:
        yield from _goals_and_sub_goals(child)


@require_GET
@login_required
def plan_detail(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_read(request, case_id, plan_id)
    tree, coordination = plan_tree(plan), list(plan.coordination.order_by("actor", "id"))
    _mark_missing_consent(case, tree, coordination)
    context = {
        **case_context(request, case),
        "plan": plan,
        "tree": tree,
        "coordination": coordination,
        "framework": framework(case.organisation.jurisdiction),
        "can_write": may_change_case(request.user, case),
        "actor_party": ResponsibleParty.ACTOR,
    }
    return render(request, "plans/plan_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def plan_edit(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    targets = SubGoal.objects.filter(goal__plan=plan).values_list("target_date", flat=True)
    initial = {"version": plan.version, "kind": plan.kind, "title": plan.title}
    initial["starts_on"] = plan.starts_on
    form = PlanEditForm(
        posted(request),
        initial=initial,
        country=case.organisation.jurisdiction,
        keep=plan.kind,
        earliest_target=earliest_target_date(targets),
    )

    def save(data) -> str:
        changes = {name: data[name] for name in services.PLAN_FIELDS}
        services.change_plan(
            plan, version=data["version"], by=request.user, request=request, **changes
        )
        return plan_url(plan)

    page = {
        **case_context(request, case),
        "heading": _("Edit the plan"),
        "submit_label": _("Save the plan"),
        "submit_id": "save-plan",
        "cancel_url": plan_url(plan),
        "saved": _("The plan is saved."),
    }
    return save_or_render(request, form, plan, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def plan_agreement(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    initial = {
        "version": plan.version,
        "agreed_on": plan.agreed_on,
        "agreed_by": plan.agreed_by,
        "agreement_text": plan.agreement_text,
    }
    form = AgreementForm(posted(request), initial=initial)

    def save(data) -> str:
        services.record_agreement(
            plan,
            version=data["version"],
            by=request.user,
            request=request,
            agreed_on=data["agreed_on"],
            agreed_by=data["agreed_by"],
            agreement_text=data["agreement_text"],
        )
        return plan_url(plan, "agreement")

    page = {
        **case_context(request, case),
        "heading": _("The family's agreement"),
        "intro": _("Record when the family agreed to this version of the plan, and who agreed."),
        "submit_label": _("Record the agreement"),
        "submit_id": "save-agreement",
        "cancel_url": plan_url(plan, "agreement"),
        "saved": _("The family's agreement is recorded."),
    }
    return save_or_render(request, form, plan, save, page)


@require_GET
@login_required
def plan_history(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_read(request, case_id, plan_id)
    jurisdiction = case.organisation.jurisdiction
    revisions = [
        {"revision": revision, "plan": snapshot_for_display(revision.snapshot, jurisdiction)}
        for revision in plan.revisions.select_related("saved_by")
    ]
    context = {**case_context(request, case), "plan": plan, "revisions": revisions}
    return render(request, "plans/plan_history.html", context)
