"""Write audit events. Every feature records through `record`, never through the model."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import HttpRequest

from samspel.audit.middleware import current_request_id
from samspel.audit.models import Action, AuditEvent, AuditEventCase, AuditFlag


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or None


def record(
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    *,
    user: Any = None,
    username: str = "",
    object_type: str = "",
    object_id: str = "",
    organisation_id: int | None = None,
    cases: Iterable[Any] = (),
    flags: Iterable[str] = (),
    **detail: Any,
) -> AuditEvent:
    """Append one event: who (the request's user unless given), what, when and from where.
    Events without a user (a calendar feed fetched by its token) name their organisation.
    An event about several cases names them in `cases` (cases, or their public ids): kept in its
    detail and in AuditEventCase, where the auditor's search by case or case number finds
    them. An event about a case keeps the case's number beside its id. `flags` (audit.models.
    Flag) put the event on the auditor's monthly review list."""
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        if request_user is not None and request_user.is_authenticated:
            user = request_user
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "public_id", None) or obj.pk)
    case_number = getattr(obj, "number", "") if object_type == "cases.case" else ""
    if not case_number and not cases:  # an event of a case's page: a plan, an activity
        case_number = getattr(getattr(request, "samspel_case", None), "number", "")
    # Cases are given as case objects (their number is kept too) or as public ids.
    named = sorted({(str(getattr(c, "public_id", c)), getattr(c, "number", "")) for c in cases})
    token = getattr(request, "api_token", None)  # a request of the REST API (samspel.api)
    if token is not None:
        detail["api_token"] = str(token.public_id)
    if named:
        detail["cases"] = [public_id for public_id, _number in named]
    event = AuditEvent.objects.create(
        actor_id=user.pk if user is not None else None,
        actor_username=(user.get_username() if user is not None else username)[:150],
        organisation_id=organisation_id or getattr(user, "organisation_id", None),
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        case_number=str(case_number)[:32],
        ip_address=client_ip(request),
        request_id=getattr(request, "request_id", "") or current_request_id.get(),
        detail=detail,
    )
    if named:
        AuditEventCase.objects.bulk_create(
            AuditEventCase(event=event, case_public_id=public_id, case_number=number[:32])
            for public_id, number in named
        )
    if flags:
        AuditFlag.objects.bulk_create(
            AuditFlag(event=event, organisation_id=event.organisation_id, flag=flag, at=event.at)
            for flag in sorted(set(flags))
        )
    return event


def record_list(request: HttpRequest, object_type: str, cases) -> AuditEvent | None:
    """A list page read case data: one 'view' event naming the cases it showed."""
    shown = list(cases)
    if not shown:
        return None
    return record(request, Action.VIEW, object_type=object_type, cases=shown)
