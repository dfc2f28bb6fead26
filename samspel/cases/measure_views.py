"""Measures on the case page (ISSUE10 item 1): add a decided measure, end one. The writes are
samspel.cases.services.add_measure and end_measure (closed-case refusal, the country's
catalogue, bounds, audit, recompute); the panel is samspel.cases.case_panel.measures_panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write
from samspel.cases.measure_forms import MeasureAddForm, MeasureEndForm
from samspel.cases.models import Measure
from samspel.cases.posting import case_page_url, post_case_change
from samspel.cases.services import NOT_THIS_COUNTRYS_LAW, add_measure, end_measure


@require_POST
@login_required
def measure_add(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)

    def save(data) -> None:
        add_measure(
            case,
            by=request.user,
            request=request,
            paragraph=data["paragraph"],
            decided_on=data["decided_on"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )

    form = MeasureAddForm(request.POST, case=case)
    # A paragraph outside the choices is another country's (or none at all): say so.
    posted = request.POST.get("measure-paragraph", "")
    reasons = {"paragraph": NOT_THIS_COUNTRYS_LAW % {"code": posted or "—"}}
    return post_case_change(
        request,
        case,
        form,
        save,
        saved=_("The measure is recorded."),
        back=case_page_url(case, "measures-heading"),
        field_reasons=reasons,
    )


@require_POST
@login_required
def measure_end(request: HttpRequest, public_id, measure_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    measure = Measure.objects.filter(case=case, public_id=measure_id).first()
    if measure is None:
        raise Http404
    measure.case = case

    def save(data) -> None:
        end_measure(measure, by=request.user, request=request, ends_on=data["ends_on"])

    return post_case_change(
        request,
        case,
        MeasureEndForm(request.POST),
        save,
        saved=_("The measure's end is recorded."),
        back=case_page_url(case, "measures-heading"),
    )
