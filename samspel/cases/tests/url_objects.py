"""How to make the object behind each URL argument of a case page, for the access matrix.
A case URL whose argument has no entry here fails the matrix test: add one."""

from samspel.accounts.models import User
from samspel.cases.models import Case, CaseGrant
from samspel.plans.tests import factories as plans


def _grant_user(case: Case) -> str:
    colleague = User.objects.create_user(
        username="granted-colleague", organisation=case.organisation, password="x" * 20
    )
    CaseGrant.objects.create(case=case, user=colleague, granted_by=case.responsible)
    return colleague.public_id


def _planned_activity(case: Case) -> str:
    from samspel.activities.tests.factories import planned_activity

    return planned_activity(case).public_id


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
    "plan_id": lambda case, namespace: plans.plan(case).public_id,
    "goal_id": lambda case, namespace: plans.short_term_goal(case).public_id,
    "subgoal_id": lambda case, namespace: plans.sub_goal(case).public_id,
    "coordination_id": lambda case, namespace: plans.coordination(case).public_id,
    "activity_id": lambda case, namespace: _planned_activity(case),
}
