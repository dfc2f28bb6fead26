"""The case list's search: a term is a case number, a personal number or part of a name.
Each path reads an index (PostgreSQL): the case number the (organisation, number) unique
constraint, the personal number its b-tree, part of a number or name their trigram indexes
(cases.0018, families.0004); on SQLite the same queries run without them. Names are matched by
the families they pick out (`family_id IN …`), never by joining families and persons to every
case, and the access list and the search meet on the case's id."""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from samspel.cases.models import Case
from samspel.families.identity import clean_personal_number
from samspel.families.models import Family, Person


def search_cases(cases: QuerySet[Case], term: str, jurisdiction: str) -> QuerySet[Case]:
    """The cases among `cases` that the term names: the one with that case number if there
    is one, else those of the person with that personal number, else those whose number,
    household name or person's first or last name contains the term (in any case)."""
    exact = cases.filter(number=term)
    if exact.exists():
        return exact
    number = as_personal_number(term, jurisdiction)
    if number:
        persons = Person.objects.filter(personal_number=number)
        return cases.filter(family_id__in=persons.values("family_id"))
    return cases.filter(pk__in=_cases_containing(term))


def _cases_containing(term: str) -> QuerySet:
    """Ids of the cases whose number contains the term or whose family is named by it: a
    union, as an OR across the case's number and its family would read every case."""
    numbered = Case.objects.filter(number__icontains=term).values("pk")
    named = Case.objects.filter(family_id__in=_families_named(term)).values("pk")
    return numbered.order_by().union(named.order_by(), all=True)


def _families_named(term: str) -> QuerySet:
    """Ids of the families whose household name or person's name contains the term: a union,
    so that each part reads its own trigram index."""
    households = Family.objects.filter(name__icontains=term).values("pk")
    persons = Person.objects.filter(
        Q(first_name__icontains=term) | Q(last_name__icontains=term)
    ).values("family_id")
    return households.order_by().union(persons.order_by(), all=True)


def as_personal_number(term: str, jurisdiction: str) -> str:
    try:
        return clean_personal_number(term, jurisdiction)[0]
    except ValidationError:
        return ""
