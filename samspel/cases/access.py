"""The one way to reach a case. Every case view, and every later feature that hangs off a case,
goes through these helpers: outsiders get 404, read-only users get 403 on writes, and every read
or change leaves exactly one audit event per request. Pages that list case data (worklists,
compliance, home, calendars, the case list) start from the querysets here, and who leads a team
is answered by leads_team alone."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from samspel.audit.log import record
from samspel.audit.models import Action, Flag
from samspel.cases.models import Case, CaseGrant, EmergencyAccess
from samspel.cases.refusals import Refused, is_closed, refusal_response, refuse_if_closed

# The relations a user can have to a case are the display rule's audiences (re-exported).
from samspel.families.models import Person
from samspel.families.visibility import EMERGENCY as EMERGENCY
from samspel.families.visibility import NO_RELATION as NO_RELATION
from samspel.families.visibility import ON_CASE as ON_CASE
from samspel.families.visibility import READ_GRANT as READ_GRANT
from samspel.families.visibility import WRITE_GRANT as WRITE_GRANT
from samspel.organisations.models import Membership, Team

_Row = TypeVar("_Row", bound=models.Model)


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
    return Case.objects.filter(organisation_id=user.organisation_id, pk__in=_reachable_ids(user))


def _reachable_ids(user) -> QuerySet:
    """The ids of the cases the user reaches, as a union of lists each read by its own index
    (case_responsible_status, case_buddy_status, case_team_status, the grant's and the
    emergency access's user): an OR of these over the case table scans every case."""
    lists = [
        Case.objects.filter(responsible=user).values("pk"),
        Case.objects.filter(buddy=user).values("pk"),
        Case.objects.filter(team__in=leader_memberships(user).values("team_id")).values("pk"),
        CaseGrant.objects.filter(user=user).values("case_id"),
        EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now()).values("case_id"),
    ]
    # Each list unordered: a compound statement takes no ORDER BY in its parts.
    first, *rest = [rows.order_by() for rows in lists]
    return first.union(*rest, all=True)


def team_cases(user, team: Team | None = None) -> QuerySet[Case]:
    """The cases of the teams the user leads (of `team` alone when given): none for a team
    the user does not lead. The team worklist and compliance start here."""
    # Leading a team is the third way `cases_for_user` reaches a case, so these are exactly its
    # cases of the led teams, read without compiling and planning its union on every team page
    # (docs/benchmark.md; tests/test_own_cases.py compares the two). team_id IN (…) rather than
    # the Exists form, so that the case table is read by its team index.
    if not _reads_cases(user):
        return Case.objects.none()
    cases = Case.objects.filter(
        organisation_id=user.organisation_id,
        team_id__in=leader_memberships(user).values("team_id"),
    )
    return cases if team is None else cases.filter(team=team)


def own_cases(user) -> QuerySet[Case]:
    """The readable cases the user is responsible or buddy for (the worker's own worklist and
    home page). Being responsible or buddy are the first two ways `cases_for_user` reaches a
    case, so these are exactly its cases with that filter, read without compiling and running
    its union (docs/benchmark.md; tests/test_own_cases.py compares the two)."""
    if not _reads_cases(user):
        return Case.objects.none()
    return Case.objects.filter(organisation_id=user.organisation_id).filter(
        Q(responsible=user) | Q(buddy=user)
    )


def restrict(rows: QuerySet[_Row], cases: QuerySet[Case]) -> QuerySet[_Row]:
    """`rows` of a model that belongs to a case (its `case` field), kept to `cases`, which one
    of the functions above gave: how every list of case data is scoped, whatever app owns the
    model (the due items of samspel.followup.worklists, say)."""
    return rows.filter(case__in=cases)


def emergencies_to_review(user) -> QuerySet[EmergencyAccess]:
    """Unreviewed emergency accesses to cases of the teams the user leads, newest first."""
    return EmergencyAccess.objects.filter(
        case__in=team_cases(user), reviewed_at__isnull=True
    ).order_by("-started_at")


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


# The objects a case's page may be about, by the URL's argument: what its read event names.
READ_OBJECTS = {
    "plan_id": "plans.plan",
    "activity_id": "activities.activity",
    "person_id": "families.person",
}


def _audit_once(request: HttpRequest, action: str, case: Case) -> None:
    seen = request.__dict__.setdefault("_samspel_audited_cases", set())
    key = (action, case.pk)
    if key in seen:
        return
    seen.add(key)
    # Whatever else the request records (a plan read, an activity changed) names this case too.
    request.__dict__.setdefault("samspel_case", case)
    extra: dict[str, Any] = {"path": request.path}
    flags = []
    relation = case_relation(request.user, case)
    if relation == EMERGENCY:
        extra["emergency"] = True
        flags.append(Flag.EMERGENCY)
    if relation != ON_CASE:  # by a grant or emergency access: someone outside the case's team
        extra["relation"] = relation
        flags.append(Flag.NOT_ON_CASE)
    if getattr(case, "has_protected_person", False):
        flags.append(Flag.PROTECTED)
    # A page of one plan, activity or person records that object, with the case's number:
    # the auditor finds the read by the object and by the case.
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    named = [(label, kwargs[key]) for key, label in READ_OBJECTS.items() if key in kwargs]
    object_type, object_id = named[0] if named else ("", "")
    record(
        request,
        action,
        case,
        object_type=object_type,
        object_id=str(object_id),
        flags=flags if action == Action.VIEW else (),
        **extra,
    )


# A case read is flagged for the auditor's review when its family has a protected person.
_protected_persons = Person.objects.filter(family=OuterRef("family"), protected_identity=True)


def _visible_case(request: HttpRequest, public_id) -> Case:
    try:
        return (
            cases_for_user(request.user)
            .select_related("family", "team")
            .annotate(has_protected_person=Exists(_protected_persons))
            .get(public_id=public_id)
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
