"""What every plan view shares: reaching the plan through its case, the one shape of a
versioned save — validate, call the write path (samspel.plans.services), redirect; or show the
form again with its errors, or with the conflict message when someone else saved first — and the
one form page that adds, edits or removes a part of the plan (`form_page`, `edit_part`). A closed
case shows no plan form: it is refused with the shared message (samspel.cases.refusals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from samspel.cases.access import (
    get_case_for_user,
    get_case_for_write,
    is_emergency_only,
    refuse_closed,
)
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refusal_response
from samspel.plans import services
from samspel.plans.models import Plan
from samspel.plans.network_link import case_actors
from samspel.plans.versioning import StalePlan

FORM_TEMPLATE = "plans/plan_form.html"


def conflict_message() -> str:
    return _(
        "Someone else saved this plan while you were working on it. Nothing was saved. "
        "Reload the page to see their changes, then make yours again."
    )


def _plan_of(case: Case, plan_id) -> Plan:
    plan = get_object_or_404(Plan, case=case, public_id=plan_id)
    plan.case = case
    return plan


def plan_for_read(request: HttpRequest, case_id, plan_id) -> tuple[Case, Plan]:
    case = get_case_for_user(request, case_id)
    return case, _plan_of(case, plan_id)


def plan_for_write(request: HttpRequest, case_id, plan_id) -> tuple[Case, Plan]:
    case = get_case_for_write(request, case_id)
    return case, _plan_of(case, plan_id)


def case_context(request: HttpRequest, case: Case) -> dict[str, Any]:
    return {"case": case, "emergency": is_emergency_only(request.user, case)}


def plan_url(plan: Plan, anchor: str = "") -> str:
    url = reverse(
        "plans:detail", kwargs={"case_id": plan.case.public_id, "plan_id": plan.public_id}
    )
    return f"{url}#{anchor}" if anchor else url


def posted(request: HttpRequest):
    """The POST data for a bound form, or None on GET (an empty POST still validates)."""
    return request.POST if request.method == "POST" else None


def save_or_render(
    request: HttpRequest,
    form: Form,
    plan: Plan,
    save: Callable[[dict[str, Any]], str],
    page: dict[str, Any],
) -> HttpResponse:
    """On a valid POST run `save(cleaned_data)`, the call of the plan's write path, and
    redirect to the URL it returns; otherwise render the form page."""
    if refused := refuse_closed(request, plan.case, plan_url(plan)):
        return refused
    context = {"plan": plan, "form": form, **page}
    if request.method != "POST" or not form.is_valid():
        return render(request, page.get("template", FORM_TEMPLATE), context)
    try:
        target = save(form.cleaned_data)
    except Refused as refused:
        return refusal_response(request, refused, plan_url(plan))
    except StalePlan:
        form.add_error(None, conflict_message())
        context["conflict"] = True
        return render(request, page.get("template", FORM_TEMPLATE), context, status=409)
    if page.get("saved"):
        messages.success(request, page["saved"])
    return redirect(target)


def form_page(
    request: HttpRequest,
    case: Case,
    plan: Plan,
    heading: str | Promise,
    submit_label: str | Promise,
    submit_id: str,
    saved: str | Promise,
    *,
    cancel_anchor: str = "",
    **extra: Any,
) -> dict[str, Any]:
    """The page around a plan form (templates/plans/plan_form.html): its texts, and Cancel back
    to the plan, at `cancel_anchor` when given. `extra` adds intro, danger, blocked …"""
    return {
        **case_context(request, case),
        "heading": heading,
        "submit_label": submit_label,
        "submit_id": submit_id,
        "cancel_url": plan_url(plan, cancel_anchor),
        "saved": saved,
        **extra,
    }


@dataclass(frozen=True)
class PartEdit:
    """How one kind of part of the plan is edited: its form and the fields it changes (saved by
    samspel.plans.services.change_part), where the plan opens afterwards (`anchor`, with the
    part's `{public_id}`) and on Cancel, and the page's texts."""

    form_class: type[Form]
    fields: tuple[str, ...]
    anchor: str
    heading: str | Promise
    submit_label: str | Promise
    submit_id: str
    saved: str | Promise
    cancel_anchor: str = ""


def edit_part(
    request: HttpRequest, case: Case, plan: Plan, part: Any, edit: PartEdit, /, **form_options
) -> HttpResponse:
    """Edit a part of the plan (a goal, a sub-goal, a coordination responsibility) as one
    versioned change of the plan. `form_options` are what `edit.form_class` needs beyond its
    data, initial values and the case's actors."""
    initial = {"version": plan.version, **{name: getattr(part, name) for name in edit.fields}}
    form = edit.form_class(
        posted(request), initial=initial, actors=case_actors(case), **form_options
    )

    def save(data) -> str:
        changes = {name: data[name] for name in edit.fields}
        services.change_part(
            plan, part, version=data["version"], by=request.user, request=request, **changes
        )
        return plan_url(plan, edit.anchor.format(public_id=part.public_id))

    texts = edit.heading, edit.submit_label, edit.submit_id, edit.saved
    page = form_page(request, case, plan, *texts, cancel_anchor=edit.cancel_anchor)
    return save_or_render(request, form, plan, save, page)
