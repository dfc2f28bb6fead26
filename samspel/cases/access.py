"""The one way to reach a case. Every case view, and every later feature that hangs off a case,
goes through these helpers: outsiders get 404, read-only users get 403 on writes, and every read
or change leaves exactly one audit event per request. Pages that list case data (worklists,
compliance, home, calendars, the case list) start from the querysets here, and who leads a team
is answered by leads_team alone."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case, CaseGrant, CaseStatus, EmergencyAccess
from samspel.followup.models import DueItem
from samspel.organisations.models import Membership, Team


def _reads_cases(user) -> bool:
    return user.is_authenticated and user.organisation_id is not None and not user.is_auditor


def leader_memberships(user) -> QuerySet[Membership]:
    """The one rule for who leads a team: the user's memberships marked leader, of teams in the
    user's own organisation. Auditors read no case content, so they lead no team's cases."""
    if not _reads_cases(user):
        return Membership.objects.none()
    return Membership.objects.filter(
        user=user, is_leader=True, team__organisation_id=user.organisation_id
    )


def leads_team(user, team_or_case: Team | Case) -> bool:
    """Whether the user leads the team, or the team of the case."""
    team_id = team_or_case.team_id if isinstance(team_or_case, Case) else team_or_case.pk
    return leader_memberships(user).filter(team_id=team_id).exists()


def leads_team_exists(user, team: str = "team") -> Exists:
    """leads_team as a subquery on the outer query's team field ("team", "case__team", "pk")."""
    return Exists(leader_memberships(user).filter(team=OuterRef(team)))


def led_teams(user) -> QuerySet[Team]:
    """The teams the user leads, by name."""
    return Team.objects.filter(leads_team_exists(user, "pk")).order_by("name")


def cases_for_user(user) -> QuerySet[Case]:
    """Cases of the user's organisation that the user may read: those they are responsible or
    buddy for, those of the teams they lead, those granted to them by name and those under
    their own unexpired emergency access. Auditors read no case content and get none. Org
    admins get only cases reached the same ways; they are offered as neither responsible,
    buddy nor grantee, and require_case_worker keeps them off the case pages."""
    if not _reads_cases(user):
        return Case.objects.none()
    granted = Exists(CaseGrant.objects.filter(case=OuterRef("pk"), user=user))
    emergency = Exists(
        EmergencyAccess.objects.filter(
            case=OuterRef("pk"), user=user, expires_at__gt=timezone.now()
        )
    )
    return Case.objects.filter(organisation_id=user.organisation_id).filter(
        Q(responsible=user) | Q(buddy=user) | leads_team_exists(user) | granted | emergency
    )


def team_cases(user, team: Team | None = None) -> QuerySet[Case]:
    """The cases of the teams the user leads (of `team` alone when given): none for a team
    the user does not lead. The team worklist and compliance start here."""
    # team_id IN (…) rather than the Exists form, so that the case table is read by its team index.
    cases = cases_for_user(user).filter(team_id__in=leader_memberships(user).values("team_id"))
    return cases if team is None else cases.filter(team=team)


def due_items_for_user(user, *, mine: bool = False) -> QuerySet[DueItem]:
    """Open due items of the cases the user may read; with `mine`, only of the cases the user
    is responsible or buddy for (the worker's worklist and the home page's summary)."""
    if not mine:
        return DueItem.objects.filter(case__in=cases_for_user(user))
    own = Q(responsible=user) | Q(buddy=user)
    # Belt and braces: the copied columns stay as a second filter, the cases from cases_for_user
    # decide (PostgreSQL reads them by the cases' own indexes: docs/benchmark.md).
    return DueItem.objects.filter(
        Q(responsible_id=user.pk) | Q(buddy_id=user.pk),
        case__in=cases_for_user(user).filter(own),
    )


def team_due_items(user, team: Team | None = None) -> QuerySet[DueItem]:
    """Open due items of the cases of the teams the user leads (team_cases)."""
    return DueItem.objects.filter(case__in=team_cases(user, team))


def emergencies_to_review(user) -> QuerySet[EmergencyAccess]:
    """Unreviewed emergency accesses to cases of the teams the user leads, newest first."""
    return EmergencyAccess.objects.filter(
        case__in=team_cases(user), reviewed_at__isnull=True
    ).order_by("-started_at")


ON_CASE = "on_case"  # responsible, buddy or leader of the case's team
WRITE_GRANT = "write_grant"
READ_GRANT = "read_grant"
EMERGENCY = "emergency"
NO_RELATION = ""


def case_relation(user, case: Case) -> str:
    """How the user reaches the case; worked out once per user and case object."""
    known = case.__dict__.setdefault("_samspel_relations", {})
    if user.pk not in known:
        known[user.pk] = _relation(user, case)
    return known[user.pk]


def _relation(user, case: Case) -> str:
    if user.pk in (case.responsible_id, case.buddy_id) or leads_team(user, case):
        return ON_CASE
    grant = CaseGrant.objects.filter(case=case, user=user).values_list("can_write", flat=True)
    can_write = grant.first()
    if can_write is not None:
        return WRITE_GRANT if can_write else READ_GRANT
    emergency = EmergencyAccess.objects.filter(case=case, user=user, expires_at__gt=timezone.now())
    return EMERGENCY if emergency.exists() else NO_RELATION


def can_write_case(user, case: Case) -> bool:
    return case_relation(user, case) in (ON_CASE, WRITE_GRANT)


CASE_CLOSED = _("The case is closed. Nothing was changed.")


def may_change_case(user, case: Case) -> bool:
    """Write access to a case that is still open: whether a page offers its change forms."""
    return case.status != CaseStatus.CLOSED and can_write_case(user, case)


def refuse_closed(request: HttpRequest, case: Case, back: str) -> HttpResponse | None:
    """A closed case takes no more changes: the redirect to `back` that says so, or None."""
    if case.status != CaseStatus.CLOSED:
        return None
    messages.error(request, CASE_CLOSED)
    return redirect(back)


def is_emergency_only(user, case: Case) -> bool:
    """True when the user reads the case only through emergency access (shown as a flag)."""
    return case_relation(user, case) == EMERGENCY


def require_case_worker(user) -> None:
    """Family and case work is for workers and team leaders of an organisation: 404 otherwise."""
    if user.is_auditor or user.is_org_admin or user.organisation_id is None:
        raise Http404


def _audit_once(request: HttpRequest, action: str, case: Case) -> None:
    seen = request.__dict__.setdefault("_samspel_audited_cases", set())
    key = (action, case.pk)
    if key in seen:
        return
    seen.add(key)
    extra: dict[str, Any] = {"path": request.path}
    if is_emergency_only(request.user, case):
        extra["emergency"] = True
    record(request, action, case, **extra)


def _visible_case(request: HttpRequest, public_id) -> Case:
    try:
        return (
            cases_for_user(request.user).select_related("family", "team").get(public_id=public_id)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_case_for_user(request: HttpRequest, public_id) -> Case:
    """The case for reading, or 404. Leaves one 'view' audit event per request."""
    case = _visible_case(request, public_id)
    _audit_once(request, Action.VIEW, case)
    return case


def get_case_for_write(request: HttpRequest, public_id) -> Case:
    """The case for changing: 404 for outsiders, 403 for those who may only read.
    Leaves the same single "view" event; the change itself is recorded by the caller."""
    case = _visible_case(request, public_id)
    if not can_write_case(request.user, case):
        raise PermissionDenied
    _audit_once(request, Action.VIEW, case)
    return case
