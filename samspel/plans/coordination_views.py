"""Coordination responsibility per external actor: who keeps in touch with the school, with
PPR … (the contract-based role split of DOMAIN.md §2). Each change is a versioned save."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samspel.plans import services
from samspel.plans.editing import (
    PartEdit,
    edit_part,
    form_page,
    plan_for_write,
    plan_url,
    posted,
    save_or_render,
)
from samspel.plans.forms import CoordinationForm, RemoveForm
from samspel.plans.models import CoordinationResponsibility
from samspel.plans.network_link import case_actors

FIELDS = services.COORDINATION_FIELDS


COORDINATION_EDIT = PartEdit(
    CoordinationForm,
    FIELDS,
    "coordination",
    heading=gettext_lazy("Edit the coordination responsibility"),
    submit_label=gettext_lazy("Save the responsibility"),
    submit_id="save-coordination",
    saved=gettext_lazy("The coordination responsibility is saved."),
    cancel_anchor="coordination",
)


@require_http_methods(["GET", "POST"])
@login_required
def coordination_create(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    form = CoordinationForm(
        posted(request),
        initial={"version": plan.version},
        actors=case_actors(case),
        country=case.organisation.jurisdiction,
    )

    def save(data) -> str:
        services.add_coordination(
            plan,
            version=data["version"],
            by=request.user,
            request=request,
            **{name: data[name] for name in FIELDS},
        )
        return plan_url(plan, "coordination")

    page = form_page(
        request,
        case,
        plan,
        _("Add a coordination responsibility"),
        _("Add the responsibility"),
        "save-coordination",
        _("The coordination responsibility is added."),
        cancel_anchor="coordination",
    )
    return save_or_render(request, form, plan, save, page)


@require_http_methods(["GET", "POST"])
@login_required
def coordination_edit(request: HttpRequest, case_id, plan_id, coordination_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    item = get_object_or_404(CoordinationResponsibility, plan=plan, public_id=coordination_id)
    return edit_part(request, case, plan, item, COORDINATION_EDIT)


@require_http_methods(["GET", "POST"])
@login_required
def coordination_remove(request: HttpRequest, case_id, plan_id, coordination_id) -> HttpResponse:
    case, plan = plan_for_write(request, case_id, plan_id)
    item = get_object_or_404(CoordinationResponsibility, plan=plan, public_id=coordination_id)
    form = RemoveForm(posted(request), initial={"version": plan.version})

    def save(data) -> str:
        services.remove_coordination(
            plan, item, version=data["version"], by=request.user, request=request
        )
        return plan_url(plan, "coordination")

    page = form_page(
        request,
        case,
        plan,
        _("Remove the coordination responsibility"),
        _("Remove the responsibility"),
        "confirm-remove",
        _("The coordination responsibility is removed."),
        intro=_("%(who)s coordinates with %(actor)s.")
        % {"who": item.get_coordinator_display(), "actor": item.actor},
        danger=True,
        cancel_anchor="coordination",
    )
    return save_or_render(request, form, plan, save, page)
