"""Scoping for families: a family is seen by whoever sees one of its cases, and by the worker
who registered it while it has no case yet."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import can_write_case, cases_for_user
from samspel.families.models import Family, Person


def families_for_user(user) -> QuerySet[Family]:
    if not user.is_authenticated or user.is_auditor or user.organisation_id is None:
        return Family.objects.none()
    visible_case = Exists(cases_for_user(user).filter(family=OuterRef("pk")))
    return (
        Family.objects.filter(organisation_id=user.organisation_id)
        .filter(visible_case | Q(created_by=user, cases__isnull=True))
        .distinct()
    )


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
