"""The one way to reach a case. Every case view, and every later feature that hangs off a case,
goes through these helpers: outsiders get 404, read-only users get 403 on writes, and every read
or change leaves exactly one audit event per request."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case, CaseGrant, EmergencyAccess
from samspel.cases.refusals import Refused, is_closed, refusal_response, refuse_if_closed

# The relations a user can have to a case are the display rule's audiences (re-exported).
from samspel.families.visibility import EMERGENCY as EMERGENCY
from samspel.families.visibility import NO_RELATION as NO_RELATION
from samspel.families.visibility import ON_CASE as ON_CASE
from samspel.families.visibility import READ_GRANT as READ_GRANT
from samspel.families.visibility import WRITE_GRANT as WRITE_GRANT
from samspel.organisations.models import Membership


def _leads_team(user) -> Exists:
    return Exists(Membership.objects.filter(team=OuterRef("team"), user=user, is_leader=True))


def cases_for_user(user) -> QuerySet[Case]:
    """Cases the user may read: responsible, buddy, leader of the case's team, granted by name,
    or under an unexpired emergency access. Auditors and admins see no case content."""
    if not user.is_authenticated or user.organisation_id is None or user.is_auditor:
        return Case.objects.none()
    granted = Exists(CaseGrant.objects.filter(case=OuterRef("pk"), user=user))
    emergency = Exists(
        EmergencyAccess.objects.filter(
            case=OuterRef("pk"), user=user, expires_at__gt=timezone.now()
        )
    )
    return Case.objects.filter(organisation_id=user.organisation_id).filter(
        Q(responsible=user) | Q(buddy=user) | _leads_team(user) | granted | emergency
    )


def case_relation(user, case: Case) -> str:
    """How the user reaches the case; worked out once per user and case object."""
    known = case.__dict__.setdefault("_samspel_relations", {})
    if user.pk not in known:
        known[user.pk] = _relation(user, case)
    return known[user.pk]


def _relation(user, case: Case) -> str:
    if user.pk in (case.responsible_id, case.buddy_id):
        return ON_CASE
    if Membership.objects.filter(team_id=case.team_id, user=user, is_leader=True).exists():
        return ON_CASE
    grant = CaseGrant.objects.filter(case=case, user=user).values_list("can_write", flat=True)
    can_write = grant.first()
    if can_write is not None:
        return WRITE_GRANT if can_write else READ_GRANT
    emergency = EmergencyAccess.objects.filter(case=case, user=user, expires_at__gt=timezone.now())
    return EMERGENCY if emergency.exists() else NO_RELATION


def can_write_case(user, case: Case) -> bool:
    return case_relation(user, case) in (ON_CASE, WRITE_GRANT)


def may_change_case(user, case: Case) -> bool:
    """Write access to a case that is still open: whether a page offers its change forms."""
    return not is_closed(case) and can_write_case(user, case)


def refuse_closed(request: HttpRequest, case: Case, back: str) -> HttpResponse | None:
    """Before a change form is shown or read: the refusal of a closed case (samspel.cases.
    refusals.refusal_response, to `back`), or None while the case is open."""
    try:
        refuse_if_closed(case)
    except Refused as refused:
        return refusal_response(request, refused, back)
    return None


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


def leads_team(user, case: Case) -> bool:
    """Whether the user leads the case's team (the team leader may move a case on without its
    exit criteria)."""
    return Membership.objects.filter(team_id=case.team_id, user=user, is_leader=True).exists()
