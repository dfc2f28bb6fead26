"""Scoping for families, which are reached through their cases: a family is seen by whoever sees
one of its cases, and by the worker who registered it while it has no case yet; and the relation
a family page or a case page is read with, for the display rule (samspel.families.visibility)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import can_write_case, case_relation, cases_for_user, require_case_worker
from samspel.cases.models import Case
from samspel.families.models import Family, Person
from samspel.families.visibility import (
    CLOSEST_FIRST,
    NO_RELATION,
    ON_CASE,
    FamilyDisplay,
    family_display,
)


def families_for_user(user) -> QuerySet[Family]:
    if not user.is_authenticated or user.is_auditor or user.organisation_id is None:
        return Family.objects.none()
    visible_case = Exists(cases_for_user(user).filter(family=OuterRef("pk")))
    return (
        Family.objects.filter(organisation_id=user.organisation_id)
        .filter(visible_case | Q(created_by=user, cases__isnull=True))
        .distinct()
    )


def family_cases(user, family: Family) -> QuerySet[Case]:
    """The family's cases that `user` may read (its other cases stay unseen)."""
    return cases_for_user(user).filter(family=family)


def require_family_worker(user) -> None:
    """Family work is for workers and team leaders of an organisation: 404 otherwise."""
    require_case_worker(user)


def get_family_for_user(request: HttpRequest, public_id) -> Family:
    family = get_object_or_404(families_for_user(request.user), public_id=public_id)
    seen = request.__dict__.setdefault("_samspel_audited_families", set())
    if family.pk not in seen:
        seen.add(family.pk)
        record(request, Action.VIEW, family, path=request.path)
    return family


def get_family_for_write(request: HttpRequest, public_id) -> Family:
    """The family for changing: 404 for outsiders, 403 for readers without write access."""
    family = get_family_for_user(request, public_id)
    cases = list(family.cases.all())
    if not cases and family.created_by_id == request.user.pk:
        return family
    if not any(can_write_case(request.user, case) for case in cases):
        raise PermissionDenied
    return family


def get_person_for_user(request: HttpRequest, family: Family, public_id) -> Person:
    try:
        return family.persons.get(public_id=public_id)
    except (Person.DoesNotExist, ValueError):
        raise Http404 from None


def family_relation(reader, family: Family) -> str:
    """The closest relation `reader` has to any of the family's cases they may read."""
    cases = list(cases_for_user(reader).filter(family=family))
    if not cases:
        return ON_CASE if family.created_by_id == reader.pk else NO_RELATION
    relations = {case_relation(reader, case) for case in cases}
    return min(relations, key=CLOSEST_FIRST.index)


def case_display(reader, case: Case) -> FamilyDisplay:
    """How `reader` is shown the persons of the case's family on a page of the case."""
    return family_display(reader, case.family, case_relation(reader, case))
