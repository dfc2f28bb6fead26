"""Activities of one case: the list, planning (with the overlap warning before saving), moving,
cancelling and recording a planned activity as held. Every case is reached through
samspel.cases.access; every change goes through samspel.activities.services."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samspel.activities import services
from samspel.activities.counts import closed_message, open_items
from samspel.activities.forms import (
    CancelForm,
    HeldForm,
    ParticipantChoices,
    PlaceForm,
    PlanForm,
)
from samspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityParticipant,
    ActivityStatus,
    Intervention,
)
from samspel.activities.overlap import conflicts
from samspel.activities.places import expected_places
from samspel.cases.access import (
    get_case_for_user,
    get_case_for_write,
    may_change_case,
    refuse_closed,
)
from samspel.cases.family_access import case_display
from samspel.cases.models import Case
from samspel.cases.refusals import Refused
from samspel.families.visibility import FamilyDisplay

PAGE_SIZE = 25


def _participants_prefetch() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=ActivityParticipant.objects.select_related(
            "person", "user", "case_actor__external_organisation", "case_actor__contact_person"
        ),
    )


def _activity(case: Case, activity_id) -> Activity:
    try:
        return case.activities.prefetch_related(_participants_prefetch()).get(public_id=activity_id)
    except (Activity.DoesNotExist, ValueError):
        raise Http404 from None


def _to_list(case: Case) -> HttpResponse:
    return redirect("activities:list", case_id=case.public_id)


def _to_detail(activity: Activity) -> HttpResponse:
    return redirect(
        "activities:detail", case_id=activity.case.public_id, activity_id=activity.public_id
    )


def _closed(request: HttpRequest, case: Case) -> HttpResponse | None:
    return refuse_closed(request, case, reverse("activities:list", args=[case.public_id]))


def _not_planned(request: HttpRequest, activity: Activity) -> HttpResponse | None:
    if activity.status != ActivityStatus.PLANNED:
        messages.error(request, _("Only a planned activity can be changed. Nothing was changed."))
        return _to_detail(activity)
    return None


def _label_participants(activities, shown: FamilyDisplay) -> None:
    """Each activity's `participant_labels`: family members as the display rule shows them to
    the reader (families/visibility.py), everyone else by name."""
    for activity in activities:
        activity.participant_labels = [
            shown.label(row.person) if row.person_id else str(row)
            for row in activity.participants.all()
        ]


@require_GET
@login_required
def activity_list(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    rows = case.activities.select_related("created_by").prefetch_related(_participants_prefetch())
    planned = list(rows.filter(status=ActivityStatus.PLANNED).order_by("planned_start", "id"))
    others = rows.exclude(status=ActivityStatus.PLANNED)
    page = Paginator(others, PAGE_SIZE).get_page(request.GET.get("page"))
    _label_participants([*planned, *page], case_display(request.user, case))
    context = {
        "case": case,
        "planned": planned,
        "page": page,
        "can_write": may_change_case(request.user, case),
    }
    return render(request, "activities/activity_list.html", context)


@require_GET
@login_required
def activity_detail(request: HttpRequest, case_id, activity_id) -> HttpResponse:
    case = get_case_for_user(request, case_id)
    activity = _activity(case, activity_id)
    writable = may_change_case(request.user, case)
    seen = case_display(request.user, case)
    _label_participants([activity], seen)
    context = {
        "case": case,
        "activity": activity,
        # The exact place can lead to a protected address: only for a reader granted them all.
        "place_detail": activity.place_detail if seen.places else "",
        "can_change": writable and activity.status == ActivityStatus.PLANNED,
        "actors": [p.case_actor for p in activity.participants.all() if p.case_actor_id],
        "interventions": Intervention.choices,
    }
    return render(request, "activities/activity_detail.html", context)


def _workers(request: HttpRequest, form: PlanForm) -> list:
    """Whose other appointments the planned time must not collide with."""
    return [request.user, *form.cleaned_data["participants"].users]


def _overlapping(request: HttpRequest, case: Case, form: PlanForm, activity=None) -> list:
    data = form.cleaned_data
    found = conflicts(
        case.family, _workers(request, form), data["planned_start"], data["planned_end"], activity
    )
    return [] if data["save_anyway"] else found


PLAN_FIELDS = ("kind", "context", "planned_start", "planned_end", "place_detail", "interventions")


def _render_form(request, case, form, activity=None, found=()) -> HttpResponse:
    context = {"case": case, "form": form, "activity": activity, "conflicts": found}
    context.update(actors=form.chosen_actors(), place_hint=form.current_place_hint())
    return render(request, "activities/activity_form.html", context)


@require_GET
@login_required
def activity_place(request: HttpRequest, case_id) -> HttpResponse:
    """The plan form's place for the chosen kind (htmx, when the kind changes): the programme's
    expected place preselected and said in the live hint; the worker's own choice is kept when
    the programme names no place for the kind."""
    case = get_case_for_write(request, case_id)
    expected = expected_places(case)
    kind = request.GET.get("kind", "")
    place = expected.get(kind, request.GET.get("context", ""))
    form = PlaceForm(expected=expected, initial={"context": place})
    context = {"form": form, "place_hint": form.place_hint(kind)}
    return render(request, "activities/_place_fragment.html", context)


def _planned_for_write(
    request: HttpRequest, case_id, activity_id
) -> tuple[Case, Activity, HttpResponse | None]:
    """The activity to change, and the redirect that refuses it (closed case, not planned)."""
    case = get_case_for_write(request, case_id)
    activity = _activity(case, activity_id)
    return case, activity, _closed(request, case) or _not_planned(request, activity)


def _apply(form: forms.Form, change: Callable[[], Activity]) -> Activity | None:
    """Run the service call; its refusal becomes the form's error."""
    try:
        return change()
    except Refused as refused:
        form.add_error(None, refused.message)
        return None


def _plan_form(request: HttpRequest, case: Case, activity: Activity | None, **kwargs) -> PlanForm:
    """The plan form. A reader who does not see every protected member of the family neither
    sees nor changes a planned activity's exact place: it can lead to a hidden address."""
    keep = activity.kind if activity is not None else ""
    form = PlanForm(case=case, expected=expected_places(case), keep=keep, **kwargs)
    if activity is not None and not case_display(request.user, case).places:
        del form.fields["place_detail"]
    return form


def _save_plan(request: HttpRequest, case: Case, activity: Activity | None) -> HttpResponse:
    """Plan a new activity (`activity` None) or save a planned one, after the overlap warning."""
    form = _plan_form(request, case, activity, data=request.POST)
    if not form.is_valid():
        return _render_form(request, case, form, activity)
    if found := _overlapping(request, case, form, activity):
        return _render_form(request, case, form, activity, found)
    changes = {name: form.cleaned_data[name] for name in PLAN_FIELDS if name in form.fields}
    changes.update(by=request.user, request=request, participants=form.cleaned_data["participants"])
    if activity is None:
        saved = _apply(form, lambda: services.plan_activity(case, **changes))
    else:
        saved = _apply(form, lambda: services.update_activity(activity, **changes))
    if saved is None:
        return _render_form(request, case, form, activity)
    if activity is None:
        messages.success(request, _("%(kind)s is planned.") % {"kind": saved.get_kind_display()})
    else:
        messages.success(request, _("The activity is saved."))
    return _to_detail(saved)


@require_http_methods(["GET", "POST"])
@login_required
def activity_plan(request: HttpRequest, case_id) -> HttpResponse:
    case = get_case_for_write(request, case_id)
    if refused := _closed(request, case):
        return refused
    if request.method == "POST":
        return _save_plan(request, case, None)
    expected = expected_places(case)
    kind = request.GET.get("kind", "")
    kind = kind if kind in ActivityKind.values else ActivityKind.HOME_VISIT
    initial = {"kind": kind, "context": expected.get(kind, "")}
    return _render_form(request, case, PlanForm(case=case, expected=expected, initial=initial))


def _edit_initial(activity: Activity) -> dict:
    initial = {name: getattr(activity, name) for name in PLAN_FIELDS}
    initial["participants"] = ParticipantChoices.values_of(activity)
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def activity_edit(request: HttpRequest, case_id, activity_id) -> HttpResponse:
    case, activity, refused = _planned_for_write(request, case_id, activity_id)
    if refused:
        return refused
    if request.method == "POST":
        return _save_plan(request, case, activity)
    form = _plan_form(request, case, activity, initial=_edit_initial(activity))
    return _render_form(request, case, form, activity)


@require_http_methods(["GET", "POST"])
@login_required
def activity_cancel(request: HttpRequest, case_id, activity_id) -> HttpResponse:
    case, activity, refused = _planned_for_write(request, case_id, activity_id)
    if refused:
        return refused
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = partial(services.cancel_activity, activity, by=request.user, request=request)
        if _apply(form, lambda: change(reason=form.cleaned_data["reason"])):
            messages.success(request, _("The activity is cancelled."))
            return _to_detail(activity)
    context = {"case": case, "activity": activity, "form": form}
    return render(request, "activities/activity_cancel.html", context)


HELD_FIELDS = ("held_on", "minutes", "note", "interventions")
VISIT_FIELDS = ("child_safety_rating", "child_safety_note")


def _held_initial(activity: Activity) -> dict:
    planned_on = timezone.localdate(activity.planned_start) if activity.planned_start else None
    return {
        "held_on": min(filter(None, [planned_on, timezone.localdate()])),
        "participants": ParticipantChoices.values_of(activity),
        "interventions": activity.interventions,
        "minutes": _planned_minutes(activity),
    }


@require_http_methods(["GET", "POST"])
@login_required
def activity_held(request: HttpRequest, case_id, activity_id) -> HttpResponse:
    case, activity, refused = _planned_for_write(request, case_id, activity_id)
    if refused:
        return refused
    if request.method == "GET":
        form = HeldForm(activity=activity, initial=_held_initial(activity))
        return _render_held(request, case, activity, form)
    form = HeldForm(request.POST, activity=activity)
    if not form.is_valid():
        return _render_held(request, case, activity, form)
    fields = {
        name: form.cleaned_data[name] for name in HELD_FIELDS + VISIT_FIELDS if name in form.fields
    }
    fields.update(by=request.user, request=request, participants=form.cleaned_data["participants"])
    before = open_items(case)
    if not _apply(form, lambda: services.mark_held(activity, **fields)):
        return _render_held(request, case, activity, form)
    said = _("%(kind)s is recorded as held.") % {"kind": activity.get_kind_display()}
    messages.success(request, f"{said} {closed_message(case, activity.kind, before)}".strip())
    return _to_detail(activity)


def _planned_minutes(activity: Activity) -> int | None:
    if activity.planned_start and activity.planned_end:
        return int((activity.planned_end - activity.planned_start).total_seconds() // 60)
    return None


def _render_held(request, case, activity, form) -> HttpResponse:
    context = {"case": case, "activity": activity, "form": form, "actors": form.chosen_actors()}
    return render(request, "activities/activity_held.html", context)
