"""FIFA on the case page (seed 002): record what one adult answered when asked about their
children and offered parenting support. The write is samspel.cases.services.record_adult_answers
(closed-case refusal, bounds, audit, recompute); the panel is samspel.cases.case_panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write
from samspel.cases.fifa_forms import AdultAnswersForm
from samspel.cases.posting import post_case_change
from samspel.cases.services import NOT_AN_ADULT, record_adult_answers
from samspel.families.models import Person


@require_POST
@login_required
def adult_answers(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)

    def save(data) -> None:
        person = Person.objects.filter(public_id=data["person"], family=case.family).first()
        record_adult_answers(
            case,
            person,
            by=request.user,
            request=request,
            asked_about_children_on=data["asked_about_children_on"],
            children_answer=data["children_answer"],
            parenting_support_offered_on=data["parenting_support_offered_on"],
            support_answer=data["support_answer"],
            support_note=data["support_note"],
        )

    return post_case_change(
        request,
        case,
        AdultAnswersForm(request.POST),
        save,
        saved=_("The adult's answers are recorded."),
        back=reverse("cases:detail", args=[case.public_id]) + "#fifa-heading",
        field_reasons={"person": NOT_AN_ADULT},
    )
