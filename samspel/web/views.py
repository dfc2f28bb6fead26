"""Home page per role, language switch, health and readiness checks, friendly error pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET, require_POST

from samspel.accounts.redirects import safe_next
from samspel.activities.models import Activity, ActivityStatus
from samspel.audit import readable
from samspel.audit.log import record_list
from samspel.audit.models import AuditEvent
from samspel.calendars.entries import worker_activities
from samspel.calendars.local_time import render_local
from samspel.cases.access import emergencies_to_review, led_teams, own_cases, team_cases
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem
from samspel.followup.worklists import caseloads_of, due_summary, intake_cases
from samspel.handovers.models import Handover, State
from samspel.organisations.models import Membership
from samspel.reminders.models import Reminder, ReminderStatus
from samspel.web import readiness


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role lands where its work is."""
    user = request.user
    memberships = Membership.objects.filter(user=user).select_related("team")
    context = {"memberships": memberships, "led_teams": _led_teams(user)}
    if context["led_teams"]:
        context["intake_count"] = intake_cases(user).count()
        context["team_handovers"] = list(
            Handover.objects.filter(case__in=team_cases(user), state=State.WAITING)
            .select_related("case", "from_user", "to_user")
            .order_by("created_at")
        )
    if not (user.is_auditor or user.is_org_admin):
        context.update(_case_overview(user))
        context["handovers_to_accept"] = list(
            Handover.objects.filter(to_user=user, state=State.WAITING).select_related(
                "case__family", "from_user"
            )
        )
        coming = _coming_activities(user)
        context["next_activities"] = list(coming[:NEXT_ACTIVITIES])
        context["unreminded"] = _unreminded(coming)
        # The page lists case numbers and family names: one view event names those cases.
        shown = [
            *context["own_cases"],
            *(activity.case for activity in [*context["next_activities"], *context["unreminded"]]),
            *(access.case for access in context["emergency_flags"]),
            *(handover.case for handover in context["handovers_to_accept"]),
            *(handover.case for handover in context.get("team_handovers", [])),
        ]
        record_list(request, "cases.case", shown)
    if user.is_auditor:
        context["recent_events"] = readable.rows(
            list(AuditEvent.objects.filter(organisation_id=user.organisation_id)[:10])
        )
    if user.is_org_admin and user.organisation:
        org = user.organisation
        context["org_counts"] = {
            "users": org.users.filter(is_active=True).count(),
            "teams": org.teams.filter(is_active=True).count(),
        }
    if user.organisation is None:
        return render(request, "web/home.html", context)
    return render_local(request, "web/home.html", context)


def _led_teams(user) -> list[dict]:
    """Per team the user leads: each member's open responsible and buddy cases against the
    reference figure, and their overdue items (of the cases they are responsible for), linked
    to the team worklist filtered to them."""
    teams = list(led_teams(user))
    if not teams:
        return []
    today = timezone.localdate()
    overdue = dict(
        DueItem.objects.filter(team_id__in=[t.pk for t in teams], due_on__lt=today)
        .values("responsible_id")
        .annotate(count=Count("id"))
        .values_list("responsible_id", "count")
    )
    reference = user.organisation.reference_caseload
    led = []
    for team in teams:
        loads = caseloads_of(team.members.filter(is_active=True), reference)
        members = [{"load": load, "overdue": overdue.get(load.worker.pk, 0)} for load in loads]
        led.append({"team": team, "members": members})
    return led


def _case_overview(user) -> dict:
    """The worker's own open cases, and for team leaders the emergency accesses to review."""
    own = (
        own_cases(user)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("family")  # the table shows no responsible: no join over the users
        .order_by("family__name")
    )
    flagged = emergencies_to_review(user).select_related("case", "user")
    return {
        "own_cases": list(own[:50]),
        "emergency_flags": list(flagged),
        "due_summary": due_summary(user, timezone.localdate()),
    }


NEXT_ACTIVITIES = 5


def _coming_activities(user):
    """The worker's planned activities from now on, soonest first (shown on the organisation's
    clock)."""
    if user.organisation is None:
        return Activity.objects.none()
    return (
        worker_activities(user)
        .filter(status=ActivityStatus.PLANNED, planned_start__gte=timezone.now())
        .select_related("case__family")
        .order_by("planned_start")
    )


def _unreminded(coming) -> list:
    """Coming activities with a reminder that failed for good: the family may not know about
    the meeting, so the worker should reach them another way."""
    failed = Reminder.objects.filter(activity=OuterRef("pk"), status=ReminderStatus.FAILED)
    return list(coming.filter(Exists(failed))[:NEXT_ACTIVITIES])


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; signed-in users keep their choice."""
    code = request.POST.get("language", "")
    response = redirect(safe_next(request, default="/"))
    if code not in dict(settings.LANGUAGES):
        messages.error(request, _("That language is not available."))
        return response
    translation.activate(code)
    if request.user.is_authenticated:
        request.user.language = code
        request.user.save(update_fields=["language"])
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers requests (no database; see readiness.py)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: 200 when the database, the migrations and the static files are in place."""
    found = readiness.checks()
    ready = all(found.values())
    body = {"status": "ok" if ready else "unavailable"} | {
        name: "ok" if passed else "failed" for name, passed in found.items()
    }
    return JsonResponse(body, status=200 if ready else 503)


# When even the page below cannot be rendered (a broken template, no static manifest).
SERVER_ERROR_FALLBACK = (
    "<!doctype html><html><head><meta charset=utf-8><title>Samspel</title></head><body><main>"
    "<h1>Something went wrong · Något gick fel · Noget gik galt</h1>"
    "<p>Nothing was saved. · Inget sparades. · Intet blev gemt.</p></main></body></html>"
)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Samspel's 500 page in the language of the request, with its id for the support. It reads
    nothing from the database (the error may be the database) and runs no context processors."""
    context = {
        "LANGUAGE_CODE": translation.get_language(),
        "request_id": getattr(request, "request_id", ""),
    }
    try:
        body = loader.get_template("500.html").render(context)
    except Exception:  # the error page itself must not fail
        body = SERVER_ERROR_FALLBACK
    return HttpResponseServerError(body)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
