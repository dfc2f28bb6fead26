"""Auditors search their organisation's audit log (read-only: there is no other view)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samspel.audit.forms import AuditSearchForm
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent

PAGE_SIZE = 50


def audit_events_for_user(user):
    """The events a user may search: their own organisation's, and only for auditors."""
    if not (user.is_authenticated and user.is_auditor and user.organisation_id):
        raise Http404
    return AuditEvent.objects.filter(organisation_id=user.organisation_id)


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    events = audit_events_for_user(request.user)
    form = AuditSearchForm(request.GET or None)
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
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/search.html", context)
