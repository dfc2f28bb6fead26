"""Auditors search their organisation's audit log (read-only: there is no other view)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samspel.audit.forms import AuditSearchForm
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent
from samspel.audit.paging import event_page

PAGING = ("after", "before", "page")


def audit_events_for_user(user):
    """The events a user may search: their own organisation's, and only for auditors."""
    if not (user.is_authenticated and user.is_auditor and user.organisation_id):
        raise Http404
    return AuditEvent.objects.filter(organisation_id=user.organisation_id)


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    events = audit_events_for_user(request.user)
    terms = request.GET.copy()
    for key in PAGING:
        terms.pop(key, None)
    form = AuditSearchForm(
        terms if request.GET else None, organisation_id=request.user.organisation_id
    )
    if form.is_bound and form.is_valid():
        events = form.filter(events)
        record(
            request,
            Action.SEARCH,
            object_type="audit.auditevent",
            terms=form.cleaned_data_for_log(),
        )
    elif form.is_bound:
        events = events.none()
    page = event_page(events, after=request.GET.get("after"), before=request.GET.get("before"))
    context = {"form": form, "page": page, "query": terms.urlencode()}
    return render(request, "audit/search.html", context)
