"""Auditors search their organisation's audit log, follow one case's accesses, export a search
as CSV, and review the month's flagged reads (the log itself is never changed: a review is a
row of its own)."""

import csv
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from samspel.audit import readable
from samspel.audit.forms import CASE_NUMBER, AuditSearchForm, ReviewForm, start_of
from samspel.audit.log import record
from samspel.audit.models import Action, AuditEvent, AuditFlag, AuditReview, Flag
from samspel.audit.paging import event_page

PAGING = ("after", "before", "page")
# An export larger than this is cut, and says so in its last line: narrow the search.
EXPORT_LIMIT = 100_000
UNKNOWN_USER_ACTIONS = (Action.LOGIN_FAILED, Action.LOCKED_OUT)


def audit_events_for_user(user):
    """The events a user may search: their own organisation's, and only for auditors."""
    if not (user.is_authenticated and user.is_auditor and user.organisation_id):
        raise Http404
    return AuditEvent.objects.filter(organisation_id=user.organisation_id)


def _searched(request: HttpRequest):
    """The form of the request's search and the events it finds (none when it is invalid)."""
    events = audit_events_for_user(request.user)
    terms = request.GET.copy()
    for key in PAGING:
        terms.pop(key, None)
    form = AuditSearchForm(
        terms if request.GET else None, organisation_id=request.user.organisation_id
    )
    if form.is_bound and form.is_valid():
        if form.cleaned_data.get("unknown_users"):
            # Failed logins of names that are no user belong to no organisation.
            events = AuditEvent.objects.filter(
                organisation_id__isnull=True, action__in=UNKNOWN_USER_ACTIONS
            )
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    return form, events, terms


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    form, events, terms = _searched(request)
    if form.is_bound and form.is_valid():
        record(
            request,
            Action.SEARCH,
            object_type="audit.auditevent",
            terms=form.cleaned_data_for_log(),
        )
    page = event_page(events, after=request.GET.get("after"), before=request.GET.get("before"))
    context = {
        "form": form,
        "page": page,
        "rows": readable.rows(page.object_list),
        "query": terms.urlencode(),
    }
    return render(request, "audit/search.html", context)


@require_GET
@login_required
def case_timeline(request: HttpRequest, number: str) -> HttpResponse:
    """Every access to one case, newest first: who, when, what, under emergency access or not,
    with the readers summed up. The case's content is not shown (the auditor reads none)."""
    events = audit_events_for_user(request.user)
    if not CASE_NUMBER.fullmatch(number):
        raise Http404
    about = events.filter(id__in=AuditSearchForm.about_case(number, request.user.organisation_id))
    record(request, Action.SEARCH, object_type="audit.auditevent", terms={"case": number})
    page = event_page(about, after=request.GET.get("after"), before=request.GET.get("before"))
    context = {
        "number": number,
        "page": page,
        "rows": readable.rows(page.object_list),
        "readers": readable.readers(about),
    }
    return render(request, "audit/case_timeline.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ (a formula) is quoted away."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@require_GET
@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The search as CSV (UTF-8 with BOM, for spreadsheets), newest first, audited."""
    form, events, _terms = _searched(request)
    if not (form.is_bound and form.is_valid()):
        context = {"form": form, "page": event_page(events.none()), "rows": []}
        return render(request, "audit/search.html", context, status=400)
    record(
        request,
        Action.EXPORT,
        object_type="audit.auditevent",
        terms=form.cleaned_data_for_log(),
    )
    header = [
        _("When"),
        _("User"),
        _("User name"),
        _("Action"),
        _("Object"),
        _("Object id"),
        _("Case number"),
        _("Cases shown"),
        _("Emergency access"),
        _("IP address"),
        _("Request id"),
    ]
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        chunk: list[AuditEvent] = []
        written = 0
        for event in events.order_by("-at", "-id")[: EXPORT_LIMIT + 1].iterator(chunk_size=2000):
            chunk.append(event)
            if len(chunk) == 2000:
                yield from _rows(writer, chunk, written)
                written += len(chunk)
                chunk = []
        yield from _rows(writer, chunk, written)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response


def _rows(writer, events: list[AuditEvent], written: int):
    for number, row in enumerate(readable.rows(events), start=written + 1):
        if number > EXPORT_LIMIT:
            yield writer.writerow(
                [_("More events than %(limit)d: narrow the search.") % {"limit": EXPORT_LIMIT}]
            )
            return
        event = row.event
        yield writer.writerow(
            [
                _cell(timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S")),
                _cell(row.actor),
                _cell(event.actor_username),
                _cell(event.get_action_display()),
                _cell(row.what),
                _cell(event.object_id),
                _cell(row.case_number),
                row.cases_shown or "",
                _("yes") if row.emergency else "",
                _cell(event.ip_address),
                _cell(event.request_id),
            ]
        )


REVIEW_LIMIT = 500  # rows of one month's list; more are reviewed after these


def _month(value: str | None) -> dt.date:
    """The first day of the `YYYY-MM` month asked for; this month when missing or malformed."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    """The month's reads to review (under emergency access, of cases with a protected person,
    by people not on the case), each marked reviewed by an auditor once, with a note."""
    audit_events_for_user(request.user)  # 404 for everyone but auditors
    organisation_id = request.user.organisation_id
    month = _month(request.POST.get("month") or request.GET.get("month"))
    start = start_of(month)
    end = start_of((month + dt.timedelta(days=32)).replace(day=1))
    flagged = AuditFlag.objects.filter(organisation_id=organisation_id, at__gte=start, at__lt=end)
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            chosen = set(
                flagged.filter(event_id__in=form.cleaned_data["event"]).values_list(
                    "event_id", flat=True
                )
            )
            done = set(
                AuditReview.objects.filter(event_id__in=chosen).values_list("event_id", flat=True)
            )
            AuditReview.objects.bulk_create(
                AuditReview(
                    event_id=event_id,
                    reviewer_id=request.user.pk,
                    reviewer_username=request.user.get_username(),
                    note=form.cleaned_data["note"],
                )
                for event_id in sorted(chosen - done)
            )
            record(
                request,
                Action.UPDATE,
                object_type="audit.auditreview",
                month=f"{month:%Y-%m}",
                reviewed=len(chosen - done),
            )
            messages.success(
                request,
                ngettext(
                    "%(count)d read marked as reviewed.",
                    "%(count)d reads marked as reviewed.",
                    len(chosen - done),
                )
                % {"count": len(chosen - done)},
            )
            return redirect(f"{reverse('audit:review')}?month={month:%Y-%m}")
    else:
        form = ReviewForm()
    flags_of: dict[int, list[str]] = {}
    for event_id, flag in flagged.order_by("-at").values_list("event_id", "flag")[
        : REVIEW_LIMIT * 3
    ]:
        flags_of.setdefault(event_id, []).append(flag)
    events = list(
        AuditEvent.objects.filter(pk__in=list(flags_of)[:REVIEW_LIMIT])
        .select_related("review")
        .order_by("-at", "-id")
    )
    labels = dict(Flag.choices)
    entries = [
        {
            "row": row,
            "flags": [labels[flag] for flag in sorted(flags_of[row.event.pk])],
            "review": getattr(row.event, "review", None),
        }
        for row in readable.rows(events)
    ]
    record(request, Action.VIEW, object_type="audit.auditreview", month=f"{month:%Y-%m}")
    context = {
        "form": form,
        "month": month,
        "previous": (month - dt.timedelta(days=1)).replace(day=1),
        "next": end.date() if end.date() <= timezone.localdate() else None,
        "entries": entries,
        "unreviewed": sum(1 for entry in entries if entry["review"] is None),
        "more_than_limit": len(flags_of) > REVIEW_LIMIT,
        "limit": REVIEW_LIMIT,
    }
    return render(request, "audit/review.html", context)
