"""The API's family routes: the families the token's user may see and one family with its
persons and the cases the user may read. Persons follow the display rule of
samspel.families.visibility, as for data that leaves Samspel: a protected person's address and
contact details are never in a response, whoever asks; their name and personal number only for
the people on the case or granted the person by name; initials for everyone else."""

import datetime as dt
import uuid
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from samspel.api.cases import CaseRef
from samspel.api.common import ERRORS, MAX_PAGE, Audited, Page, known_query
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.access import cases_for_user
from samspel.cases.family_access import (
    families_for_user,
    family_cases,
    family_relation,
    get_family_for_user,
)
from samspel.families.models import Person, PersonRole
from samspel.families.visibility import FamilyDisplay, family_display

router = Router(tags=["families"])

Role = Literal["child", "parent", "foster_parent", "sibling", "network"]
assert {*Role.__args__} == set(PersonRole.values)  # type: ignore[attr-defined]


class FamilySummaryOut(Schema):
    id: uuid.UUID = Field(alias="public_id")
    name: str


class PersonOut(Schema):
    id: uuid.UUID
    role: Role
    name: str = Field(
        description="The full name, or the initials where the reader may not know it."
    )
    initials_only: bool
    protected_identity: bool
    personal_number: str | None = None
    birth_date: dt.date | None = None
    address: str | None = Field(None, description="Never given for a protected identity.")
    phone: str | None = None
    email: str | None = None


class FamilyOut(Schema):
    id: uuid.UUID
    name: str
    persons: list[PersonOut]
    cases: list[CaseRef]


def person_out(person: Person, shown: FamilyDisplay) -> dict:
    seen = shown.of(person)
    initials_only = seen.name != str(person)
    details = seen.details and not person.protected_identity
    return {
        "id": person.public_id,
        "role": person.role,
        "name": seen.name,
        "initials_only": initials_only,
        "protected_identity": person.protected_identity,
        "personal_number": seen.personal_number or None,
        "birth_date": None if initials_only else person.birth_date,
        "address": person.address if details else None,
        "phone": person.phone if details else None,
        "email": person.email if details else None,
    }


@router.get("/families", response={200: list[FamilySummaryOut], **ERRORS})
@paginate(Page, max_limit=MAX_PAGE)
@known_query("limit", "offset")
def list_families(request: HttpRequest):
    """The families the token's user may see (through a case they may read, or registered by
    them and without a case yet), by household name."""
    families = families_for_user(request.user).order_by("name", "id")

    def served(rows: list) -> list:
        if rows:
            cases = cases_for_user(request.user).filter(family__in=rows).only("public_id", "number")
            families = [str(family.public_id) for family in rows]
            record(request, Action.VIEW, object_type="api.families", cases=cases, families=families)
        return rows

    return Audited(families, served)


@router.get("/families/{family_id}", response={200: FamilyOut, **ERRORS})
@known_query()
def get_family(request: HttpRequest, family_id: uuid.UUID):
    family = get_family_for_user(request, family_id)
    shown = family_display(request.user, family, family_relation(request.user, family))
    return {
        "id": family.public_id,
        "name": family.name,
        "persons": [person_out(person, shown) for person in family.persons.all()],
        "cases": list(family_cases(request.user, family).order_by("number")),
    }
