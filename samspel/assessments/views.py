"""The Signs of Safety page of a case: the three-column mapping and the safety scale over time.
Every case is reached through samspel.cases.access; every change is audited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samspel.assessments import services
from samspel.assessments.chart import RatingPoint, build_chart
from samspel.assessments.forms import MappingForm, RatingForm, StatementForm
from samspel.assessments.models import Mapping, SafetyRating
from samspel.assessments.signs_of_safety import three_columns
from samspel.cases.access import get_case_for_user, get_case_for_write, may_change_case
from samspel.cases.family_access import case_display
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refusal_response

RATING_FIELDS = ("role", "person", "name", "value", "rated_on", "comment")


def _chosen_mapping(mappings: list[Mapping], wanted: str | None) -> Mapping | None:
    """The mapping asked for in the query string, else the latest one."""
    if not wanted:
        return mappings[0] if mappings else None
    for mapping in mappings:
        if str(mapping.public_id) == wanted:
            return mapping
    raise Http404


def _ratings(request: HttpRequest, case: Case) -> list[SafetyRating]:
    """The ratings, each with its `shown_label`: a family member as the display rule shows them
    to the reader (families/visibility.py)."""
    shown = case_display(request.user, case)
    ratings = list(case.safety_ratings.select_related("person"))
    for r in ratings:
        r.shown_label = r.label_with(shown.label(r.person)) if r.person_id else r.participant_label
    return sorted(ratings, key=lambda r: (r.shown_label.casefold(), r.rated_on, r.pk))


def _render_page(request: HttpRequest, case: Case, mapping=None, **forms) -> HttpResponse:
    if any(form.errors for form in forms.values()):
        messages.error(request, _("Nothing was saved. Please correct the form below."))
    mappings = list(case.safety_mappings.select_related("held_by"))
    if mapping is None:
        mapping = _chosen_mapping(mappings, request.GET.get("mapping"))
    statements = mapping.statements.all() if mapping else []
    ratings = _ratings(request, case)
    points = [RatingPoint(r.participant_key, r.shown_label, r.rated_on, r.value) for r in ratings]
    context = {
        "case": case,
        "can_write": may_change_case(request.user, case),
        "mappings": mappings,
        "mapping": mapping,
        "columns": three_columns(statements),
        "ratings": ratings,
        "chart": build_chart(points),
        "mapping_form": forms.get("mapping_form") or MappingForm(case=case, user=request.user),
        "statement_form": forms.get("statement_form")
        or StatementForm(case=case, initial={"mapping": mapping.public_id if mapping else ""}),
        "rating_form": forms.get("rating_form") or RatingForm(case=case),
    }
    return render(request, "assessments/safety.html", context)


def _page_url(case: Case, mapping: Mapping | None = None, anchor: str = "") -> str:
    url = reverse("assessments:safety", kwargs={"case_id": case.public_id})
    if mapping is not None:
        url += f"?mapping={mapping.public_id}"
    return url + (f"#{anchor}" if anchor else "")


@require_GET
@login_required
def safety(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    return _render_page(request, case)


@require_POST
@login_required
def mapping_create(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    form = MappingForm(request.POST, case=case, user=request.user)
    if not form.is_valid():
        return _render_page(request, case, mapping_form=form)
    try:
        mapping = services.start_mapping(
            case,
            by=request.user,
            request=request,
            held_on=form.cleaned_data["held_on"],
            held_by=form.cleaned_data["held_by"],
        )
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case))
    messages.success(request, _("The mapping is started. Add its statements."))
    return redirect(_page_url(case, mapping, "mapping"))


@require_POST
@login_required
def statement_add(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    form = StatementForm(request.POST, case=case)
    if not form.is_valid():
        mapping = form.cleaned_data.get("mapping")
        return _render_page(request, case, mapping=mapping, statement_form=form)
    mapping = form.cleaned_data["mapping"]
    try:
        statement = services.add_statement(
            case,
            mapping,
            by=request.user,
            request=request,
            category=form.cleaned_data["category"],
            text=form.cleaned_data["text"],
        )
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case, mapping))
    messages.success(request, _("The statement is added."))
    return redirect(_page_url(case, mapping, f"category-{statement.category}"))


@require_POST
@login_required
def rating_add(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    form = RatingForm(request.POST, case=case)
    if not form.is_valid():
        return _render_page(request, case, rating_form=form)
    data = form.cleaned_data
    try:
        services.add_rating(
            case,
            by=request.user,
            request=request,
            **{name: data[name] for name in RATING_FIELDS},
        )
    except Refused as refused:
        return refusal_response(request, refused, _page_url(case, anchor="safety-scale"))
    messages.success(request, _("The rating is added."))
    return redirect(_page_url(case, anchor="safety-scale"))
