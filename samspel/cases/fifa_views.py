"""FIFA on the case page (seed 002): record what one adult answered when asked about their
children and offered parenting support. The write is samspel.cases.services.record_adult_answers
(closed-case refusal, bounds, audit, recompute); the panel is samspel.cases.case_panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspel.cases.access import get_case_for_write, refuse_closed
from samspel.cases.fifa_forms import AdultAnswersForm
from samspel.cases.refusals import Refused, refusal_response
from samspel.cases.services import NOT_AN_ADULT, record_adult_answers
from samspel.families.models import Person


@require_POST
@login_required
def adult_answers(request: HttpRequest, public_id) -> HttpResponse:
    case = get_case_for_write(request, public_id)
    back = reverse("cases:detail", args=[case.public_id]) + "#fifa-heading"
    if refused := refuse_closed(request, case, back):
        return refused
    form = AdultAnswersForm(request.POST)
    if not form.is_valid():
        if "person" in form.errors:
            reason = str(NOT_AN_ADULT)
        else:
            reason = " ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("Nothing was recorded: %(reason)s") % {"reason": reason})
        return redirect(back)
    data = form.cleaned_data
    person = Person.objects.filter(public_id=data["person"], family=case.family).first()
    try:
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
    except Refused as refused:
        return refusal_response(request, refused, back)
    messages.success(request, _("The adult's answers are recorded."))
    return redirect(back)
