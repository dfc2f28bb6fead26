"""How to make the object behind each URL argument of a case page, for the access matrix.
A case URL whose argument has no entry here fails the matrix test: add one."""

from samspel.accounts.models import User
from samspel.cases.models import Case, CaseGrant


def _grant_user(case: Case) -> str:
    colleague = User.objects.create_user(
        username="granted-colleague", organisation=case.organisation, password="x" * 20
    )
    CaseGrant.objects.create(case=case, user=colleague, granted_by=case.responsible)
    return colleague.public_id


def _first_person(case: Case) -> str:
    return case.family.persons.first().public_id


FACTORIES = {
    "public_id": lambda case, namespace: (
        case.family.public_id if namespace == "families" else case.public_id
    ),
    "case_id": lambda case, namespace: case.public_id,
    "family_id": lambda case, namespace: case.family.public_id,
    "user_id": lambda case, namespace: _grant_user(case),
    "person_id": lambda case, namespace: _first_person(case),
}
