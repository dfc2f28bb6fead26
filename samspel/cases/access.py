"""The one way to reach a case. Every case view, and every later feature that hangs off a case,
goes through these helpers: outsiders get 404, read-only users get 403 on writes, and every read
or change leaves exactly one audit event per request."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case, CaseGrant, EmergencyAccess
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


def can_write_case(user, case: Case) -> bool:
    if user.pk in (case.responsible_id, case.buddy_id):
        return True
    if Membership.objects.filter(team_id=case.team_id, user=user, is_leader=True).exists():
        return True
    return CaseGrant.objects.filter(case=case, user=user, can_write=True).exists()


def is_emergency_only(user, case: Case) -> bool:
    """True when the user reads the case only through emergency access (shown as a flag)."""
    if case.responsible_id == user.pk or case.buddy_id == user.pk:
        return False
    if Membership.objects.filter(team_id=case.team_id, user=user, is_leader=True).exists():
        return False
    if CaseGrant.objects.filter(case=case, user=user).exists():
        return False
    return EmergencyAccess.objects.filter(
        case=case, user=user, expires_at__gt=timezone.now()
    ).exists()


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


def get_case_for_user(request: HttpRequest, public_id) -> Case:
    """The case for reading, or 404. Leaves one 'view' audit event per request."""
    try:
        case = (
            cases_for_user(request.user).select_related("family", "team").get(public_id=public_id)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    _audit_once(request, Action.VIEW, case)
    return case


def get_case_for_write(request: HttpRequest, public_id) -> Case:
    """The case for changing: 404 for outsiders, 403 for those who may only read.
    Leaves the same single "view" event; the change itself is recorded by the caller."""
    try:
        case = (
            cases_for_user(request.user).select_related("family", "team").get(public_id=public_id)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_write_case(request.user, case):
        raise PermissionDenied
    _audit_once(request, Action.VIEW, case)
    return case
