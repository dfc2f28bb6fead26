"""Placements on the case page (ISSUE10 item 3): end a current one. The write is
samspel.cases.services.end_placement (closed-case refusal, bounds, audit, recompute); the panel
is samspel.cases.case_panel.placements_panel. Recording one registers its home in the network,
so it is samspel.network.placement_views (network sits above cases)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write
from samspel.cases.models import Placement
from samspel.cases.placement_forms import PlacementEndForm
from samspel.cases.posting import case_page_url, post_case_change
from samspel.cases.services import (
    NOT_A_FOCUS_CHILD,
    NOT_THIS_COUNTRY,
    end_placement,
)

# A clearer word than the field's own error for the choices a form refuses.
FIELD_REASONS = {
    "child": NOT_A_FOCUS_CHILD,
    "form": NOT_THIS_COUNTRY,
    "legal_ground": NOT_THIS_COUNTRY,
}


@require_POST
@login_required
def placement_end(request: HttpRequest, public_id, placement_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    placement = Placement.objects.filter(case=case, public_id=placement_id).first()
    if placement is None:
        raise Http404
    placement.case = case

    def save(data) -> None:
        end_placement(
            placement,
            by=request.user,
            request=request,
            ended_on=data["ended_on"],
            end_kind=data["end_kind"],
            end_reason=data["end_reason"],
        )

    form = PlacementEndForm(request.POST)
    saved = _("The placement is ended.")
    back = case_page_url(case, "placements-heading")
    return post_case_change(
        request, case, form, save, saved=saved, back=back, field_reasons=FIELD_REASONS
    )
