"""What the auditor's search by person finds (audit cannot import families or cases: it is the
bottom layer, so it asks the app configured in CasesConfig.audit_person_lookup). A person is
named by personal number or by name; the events about them are those of their person and family
pages and those of their family's cases, named by number."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from samspel.cases.models import Case
from samspel.cases.search import as_personal_number
from samspel.families.models import Person
from samspel.organisations.models import Organisation


@dataclass
class PersonLookup:
    persons: int = 0
    objects: list[tuple[str, str]] = field(default_factory=list)  # (object type, object id)
    case_numbers: list[str] = field(default_factory=list)


def about_person(organisation_id: int, text: str, limit: int) -> PersonLookup:
    """The persons of the organisation that `text` names (a personal number exactly, or every
    word in the first or last name), at most `limit` + 1 of them, with what to search."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return PersonLookup()
    persons = Person.objects.filter(family__organisation_id=organisation_id)
    number = as_personal_number(text, organisation.jurisdiction)
    if number:
        persons = persons.filter(personal_number=number)
    else:
        for word in text.split():
            persons = persons.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    found = list(persons.values_list("public_id", "family__public_id", "family_id")[: limit + 1])
    numbers = Case.objects.filter(
        organisation_id=organisation_id, family_id__in={family for _p, _f, family in found}
    ).values_list("number", flat=True)
    return PersonLookup(
        persons=len(found),
        objects=[("families.person", str(person)) for person, _f, _id in found]
        + [("families.family", str(family)) for family in {f for _p, f, _id in found}],
        case_numbers=sorted(numbers),
    )
