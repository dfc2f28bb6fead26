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


def _placement(case: Case) -> str:
    import datetime as dt

    from samspel.cases.models import Placement

    child = case.focus_children.first()
    return Placement.objects.create(
        case=case, child=child, started_on=dt.date(2026, 1, 10), form="familjehem"
    ).public_id


def _handover(case: Case) -> str:
    from samspel.handovers.models import Handover

    leader = case.team.members.filter(membership__is_leader=True).first()
    return Handover.objects.create(
        case=case,
        kind="responsible",
        from_user=case.responsible,
        to_user=leader,
        created_by=case.responsible,
        goals="Keep the routine at school",
    ).public_id


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
    "placement_id": lambda case, namespace: _placement(case),
    "measure_id": lambda case, namespace: case.measures.first().public_id,
    "handover_id": lambda case, namespace: _handover(case),
}


# Pages without a case in the URL (test_list_page_matrix.py): a world of cases that each
# persona reaches in a different way, or not at all, with due items, periods and activities on
# every one, so that each list has something to leak.
LIST_PAGES = {
    "web:home": {},
    "worklists:mine": {},
    "worklists:team": {},
    "worklists:compliance": {},
    "worklists:intake": {},
    "team_handovers:leaving?worker": {"worker": lambda case: case.responsible.public_id},
    "calendars:week": {},
    "calendars:month": {},
    "cases:list": {},
    "cases:list?search": {"q": "Familjen"},
    "family_calendar:calendar": {},
}


def list_page_world(case: Case, personas: dict) -> dict[str, Case]:
    """Cases around the shared one (worker responsible, buddy, team A led by leader):
    one more of team A that only the leader reaches, one of team B that the worker opened under
    emergency access and the buddy's emergency access to which has expired, one of team B that
    nobody here reaches but whose copied due-item columns claim the worker and team A, and one
    of the other organisation. The outsider holds a read grant and an unreviewed emergency
    access on the shared case (the leader's home lists it for review)."""
    import datetime as dt

    from django.utils import timezone

    from samspel.activities.tests.factories import planned_activity
    from samspel.cases.models import EmergencyAccess
    from samspel.followup.tests.due import another_case, due_item, period

    outsider, worker, buddy = personas["outsider"], personas["worker"], personas["buddy"]
    other_team = outsider.teams.get()
    world = {
        "shared": case,
        "team_a_leader_only": another_case(case, "2026-0102", responsible=buddy, buddy=None),
        "emergency": another_case(
            case, "2026-0103", team=other_team, responsible=outsider, buddy=None
        ),
        "poisoned": another_case(
            case, "2026-0104", team=other_team, responsible=outsider, buddy=None
        ),
        "foreign": another_case(
            case,
            "2026-0905",
            organisation=personas["stranger"].organisation,
            team=personas["stranger"].teams.get(),
            responsible=personas["stranger"],
            buddy=None,
        ),
    }
    today = timezone.localdate()
    for number, each in enumerate(world.values()):
        due_item(each, today + dt.timedelta(days=number - 2))
        period(each, today - dt.timedelta(days=20 + number), today - dt.timedelta(days=20))
        planned_activity(each, start=timezone.now() + dt.timedelta(hours=2 + number))
    # A referral in team A's intake queue: no responsible worker yet, only the leader's.
    world["intake"] = another_case(case, "2026-0106", responsible=None, buddy=None)
    due_item(world["intake"], today)
    poisoned = world["poisoned"].due_items.get()
    poisoned.responsible_id, poisoned.buddy_id, poisoned.team_id = worker.pk, buddy.pk, case.team_id
    poisoned.save()
    world["poisoned"].follow_up_periods.update(team_id=case.team_id)
    later = timezone.now() + dt.timedelta(hours=4)
    EmergencyAccess.objects.create(
        case=world["emergency"], user=worker, reason="Police call", expires_at=later
    )
    EmergencyAccess.objects.create(
        case=world["emergency"],
        user=buddy,
        reason="Old",
        expires_at=timezone.now() - dt.timedelta(hours=1),
    )
    EmergencyAccess.objects.create(case=case, user=outsider, reason="Night duty", expires_at=later)
    CaseGrant.objects.create(case=case, user=outsider, can_write=False, granted_by=worker)
    return world
