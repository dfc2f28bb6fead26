"""Everything Samspel holds about one person (GDPR art. 15, the register extract): their own
record, their household, and each of their family's cases with every record that hangs off the
case, two levels deep (a plan and its goals), read from the model registry so that a new kind of
record is in the extract without this module knowing it. Other people's protected details
(address, phone, e-mail, personal number of a person with protected identity) are left out, and
so are secrets (token hashes). The reads of the cases (who, when) are listed: the recipients.

The result is plain data (sections of labelled rows) that the JSON and the PDF both show."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

from samspel.audit.models import Action, AuditEvent
from samspel.audit.readable import actor_names
from samspel.cases.models import Case
from samspel.families.models import Person

PROTECTED_FIELDS = {"address", "phone", "email", "personal_number"}
SECRET_PARTS = ("token", "hash", "secret", "password")
# Internal bookkeeping that says nothing about the person.
SKIPPED_MODELS = {"followup.followupperiod"}
MAX_DEPTH = 2


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def _is_secret(name: str) -> bool:
    return any(part in name for part in SECRET_PARTS)


def record_fields(row: models.Model, *, hide: set[str] = frozenset(), skip: str = "") -> dict:
    """The row's own fields by their verbose names, choices as their labels."""
    fields = {}
    for field in row._meta.concrete_fields:
        if field.primary_key or field.name in hide or _is_secret(field.name) or field.name == skip:
            continue
        if field.is_relation:
            value = getattr(row, field.name)
        elif field.choices:
            value = getattr(row, f"get_{field.name}_display")()
        else:
            value = getattr(row, field.attname)
        if value in (None, ""):
            continue
        fields[str(field.verbose_name)] = _plain(value)
    return fields


def _person(person: Person, subject: Person) -> dict:
    hidden = PROTECTED_FIELDS if person.protected_identity and person != subject else set()
    return record_fields(person, hide=hidden | {"family"})


def _related(row: models.Model, depth: int) -> list[dict]:
    """The records that point at `row`, by kind, each with its own records one level deeper."""
    sections = []
    for relation in row._meta.related_objects:
        model = relation.related_model
        if (
            relation.many_to_many
            or model._meta.label_lower in SKIPPED_MODELS
            or model._meta.app_label == "audit"
            or not relation.field.concrete
        ):
            continue
        rows = model._default_manager.filter(**{relation.field.name: row})
        items = []
        for item in rows:
            entry = {"fields": record_fields(item, skip=relation.field.name)}
            if depth < MAX_DEPTH:
                entry["records"] = _related(item, depth + 1)
            items.append(entry)
        if items:
            sections.append(
                {"kind": str(model._meta.verbose_name_plural).capitalize(), "items": items}
            )
    return sections


def _reads(case: Case) -> list[dict]:
    events = list(
        AuditEvent.objects.filter(
            organisation_id=case.organisation_id, case_number=case.number, action=Action.VIEW
        ).order_by("at")[:1000]
    )
    names = actor_names(events)
    return [
        {"when": _plain(event.at), "who": names.get(event.actor_id, event.actor_username)}
        for event in events
    ]


def person_extract(subject: Person) -> dict:
    family = subject.family
    cases = Case.objects.filter(family=family).order_by("number")
    return {
        "created": _plain(timezone.now()),
        "person": _person(subject, subject),
        "person_records": _related(subject, MAX_DEPTH),
        "household": {
            "name": family.name,
            "members": [_person(member, subject) for member in family.persons.all()],
        },
        "cases": [
            {
                "number": case.number,
                "fields": record_fields(case, skip="family"),
                "records": _related(case, 1),
                "reads": _reads(case),
            }
            for case in cases
        ],
    }
