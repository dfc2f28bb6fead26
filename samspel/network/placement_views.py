"""Recording a placement from the case page's placements panel (ISSUE10 item 3). It sits in
network, not cases, because recording it also registers a new home in the organisation's
network and links the home to the case (samspel.network.placements); the panel, its form and
the ending of a placement stay in cases (samspel.cases.case_panel, placement_views)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write
from samspel.cases.models import home_kind
from samspel.cases.placement_forms import PlacementRecordForm
from samspel.cases.posting import case_page_url, post_case_change
from samspel.cases.services import NOT_A_FOCUS_CHILD, NOT_A_HOME, NOT_THIS_COUNTRY
from samspel.families.models import Person
from samspel.network.placements import record_placement_in_home
from samspel.network.services import NewOrganisation

# A clearer word than the field's own error for the choices a form refuses.
FIELD_REASONS = {
    "child": NOT_A_FOCUS_CHILD,
    "form": NOT_THIS_COUNTRY,
    "legal_ground": NOT_THIS_COUNTRY,
    "home": NOT_A_HOME,
}


def _home(data) -> object:
    """The chosen home, a new one to register, or none recorded."""
    if data["new_home"]:
        return NewOrganisation(kind=home_kind(data["form"]), name=data["new_home"])
    return data["home"]


@require_POST
@login_required
def placement_add(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)

    def save(data) -> None:
        child = Person.objects.filter(public_id=data["child"], family=case.family).first()
        record_placement_in_home(
            case,
            child,
            by=request.user,
            request=request,
            started_on=data["started_on"],
            form=data["form"],
            legal_ground=data["legal_ground"],
            home=_home(data),
        )

    form = PlacementRecordForm(request.POST, case=case)
    back = case_page_url(case, "placements-heading")
    saved = _("The placement is recorded.")
    return post_case_change(
        request, case, form, save, saved=saved, back=back, field_reasons=FIELD_REASONS
    )
