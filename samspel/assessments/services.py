"""Starting a Signs of Safety mapping, adding its statements and rating safety on the scale: the
one way code changes a Mapping, a Statement or a SafetyRating.

Each function refuses a closed case first (CaseClosed, samspel.cases.refusals: a closed case is
frozen), then saves in one transaction and leaves one audit record (never the statement's text
or the rating's comment). Nothing here feeds the programme engine, so nothing is recomputed."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import User
from samspel.assessments.models import Mapping, SafetyRating, Statement
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refuse_if_closed
from samspel.families.models import Person


def start_mapping(
    case: Case,
    *,
    by: User,
    held_on: dt.date,
    held_by: User,
    request: HttpRequest | None = None,
) -> Mapping:
    """A new mapping of the case, held on `held_on` by `held_by`."""
    refuse_if_closed(case)
    with transaction.atomic():
        mapping = Mapping.objects.create(case=case, held_on=held_on, held_by=held_by, created_by=by)
        record(request, Action.CREATE, mapping, user=by, case=str(case.public_id))
    return mapping


def add_statement(
    case: Case,
    mapping: Mapping,
    *,
    by: User,
    category: str,
    text: str,
    request: HttpRequest | None = None,
) -> Statement:
    """A statement in one of the mapping's columns."""
    refuse_if_closed(case)
    if mapping.case_id != case.pk:
        raise Refused(_("That mapping is not on this case."))
    with transaction.atomic():
        statement = Statement.objects.create(
            mapping=mapping, category=category, text=text, created_by=by
        )
        record(
            request,
            Action.CREATE,
            statement,
            user=by,
            case=str(case.public_id),
            mapping=str(mapping.public_id),
            category=category,
        )
    return statement


def add_rating(
    case: Case,
    *,
    by: User,
    role: str,
    person: Person | None,
    name: str,
    value: int,
    rated_on: dt.date,
    comment: str = "",
    request: HttpRequest | None = None,
) -> SafetyRating:
    """One participant's rating on the safety scale: a family member (`person`) or someone
    named (`name`, kept only when no person is given)."""
    refuse_if_closed(case)
    with transaction.atomic():
        rating = SafetyRating.objects.create(
            case=case,
            role=role,
            person=person,
            name="" if person else name,
            value=value,
            rated_on=rated_on,
            comment=comment,
            created_by=by,
        )
        record(request, Action.CREATE, rating, user=by, case=str(case.public_id), role=role)
    return rating
