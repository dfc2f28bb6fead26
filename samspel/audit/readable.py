"""Audit events as an auditor reads them: "Mette Kristensen (worker)", "Case 2025-0003",
"Plan", "Emergency access", instead of ids and model labels. Names are looked up for one page
at a time (one query for its users); the log itself keeps only what was true when it was
written (user name, case number, object id), so no later change can alter it."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext_lazy as _

from samspel.audit.models import AuditEvent

# Object types that are not models: what a list page or search was about.
LISTS = {
    "cases.case_list": _("Case list"),
    "cases.case": _("Cases"),
    "followup.worklist": _("Worklist"),
    "followup.team_worklist": _("Team worklist"),
    "followup.dueitem": _("Worklist"),
    "calendars.week": _("Calendar"),
    "calendars.month": _("Calendar"),
    "calendars.family": _("Family calendar"),
    "audit.auditevent": _("Audit log"),
}


@dataclass
class Row:
    event: AuditEvent
    actor: str
    what: str  # the object's kind, translated; "" when it is the case itself
    case_number: str
    cases_shown: int  # a list page: how many cases it showed
    emergency: bool


def object_kind(object_type: str, listing: bool) -> str:
    if listing or object_type not in _model_labels():
        return str(LISTS.get(object_type, object_type or "—"))
    model = apps.get_model(object_type)
    return str(model._meta.verbose_name).capitalize()


def _model_labels() -> set[str]:
    return {model._meta.label_lower for model in apps.get_models()}


def actor_names(events: list[AuditEvent]) -> dict[int, str]:
    """ "First Last (role)" of each actor of the events, in one query."""
    ids = {event.actor_id for event in events if event.actor_id is not None}
    users = get_user_model().objects.filter(pk__in=ids)
    return {user.pk: _named(user) for user in users}


def _named(user) -> str:
    name = user.get_full_name() or user.get_username()
    role = user.get_role_display() if hasattr(user, "get_role_display") else ""
    return f"{name} ({role})" if role else name


def rows(events: list[AuditEvent]) -> list[Row]:
    names = actor_names(events)
    described = []
    for event in events:
        shown = event.detail.get("cases") or []
        listing = bool(shown) and not event.case_number
        if event.actor_id in names:
            actor = names[event.actor_id]
        elif event.actor_username:
            actor = _("%(name)s (no longer a user)") % {"name": event.actor_username}
            if event.actor_id is None:
                actor = _("%(name)s (unknown user name)") % {"name": event.actor_username}
        else:
            actor = "—"
        described.append(
            Row(
                event=event,
                actor=str(actor),
                what=""
                if event.object_type == "cases.case" and event.case_number
                else object_kind(event.object_type, listing),
                case_number=event.case_number,
                cases_shown=len(shown) if listing else 0,
                emergency=bool(event.detail.get("emergency")),
            )
        )
    return described


@dataclass
class Reader:
    actor: str
    reads: int
    first: object
    last: object
    emergency: int


def readers(events) -> list[Reader]:
    """Who read the case (views), how often, first and last time, and how often under
    emergency access: one grouped query over the case's events."""
    grouped = (
        events.filter(action="view")
        .order_by()
        .values("actor_id", "actor_username")
        .annotate(
            reads=Count("id"),
            first=Min("at"),
            last=Max("at"),
            emergency=Count("id", filter=Q(detail__emergency=True)),
        )
        .order_by("-last")
    )
    grouped = list(grouped[:200])
    users = get_user_model().objects.filter(pk__in={g["actor_id"] for g in grouped})
    names = {user.pk: _named(user) for user in users}
    return [
        Reader(
            actor=names.get(g["actor_id"], g["actor_username"] or "—"),
            reads=g["reads"],
            first=g["first"],
            last=g["last"],
            emergency=g["emergency"],
        )
        for g in grouped
    ]
