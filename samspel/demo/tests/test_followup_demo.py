"""The demo world's follow-up history: held activities, due items in every state for the demo
worker, compliance with both on-time and late periods; seeding twice changes nothing."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from samspel.accounts.models import User
from samspel.activities.models import Activity, ActivityStatus
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import ANSWERING_ROLES, AdultAnswers, Case, CaseStatus
from samspel.demo.builder import build_demo
from samspel.followup.engine import due_state
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.organisations import programmes


@pytest.fixture
def demo(db, demo_world):
    """The module's demo world (conftest.demo_world), in the test's savepoint."""


def _comparable(row: tuple) -> tuple:
    """Planned activities have no held date, held ones no planned start."""
    return tuple("" if value is None else str(value) for value in row)


def _snapshot():
    activities = Activity.objects.values_list("case_id", "kind", "held_on", "planned_start")
    return (
        sorted(activities, key=_comparable),
        sorted(DueItem.objects.values_list("case_id", "rule", "due_on")),
        FollowUpPeriod.objects.count(),
    )


def test_the_demo_has_a_follow_up_history(demo):
    today = timezone.localdate()
    held = Activity.objects.filter(status=ActivityStatus.HELD)
    assert held.count() > 300
    assert not held.filter(held_on__gt=today).exists()
    worker = User.objects.get(username="worker")
    states = Counter(
        due_state(item.due_on, today) for item in DueItem.objects.filter(responsible_id=worker.pk)
    )
    assert states["overdue"] > 0 and states["upcoming"] > 0
    past = FollowUpPeriod.objects.filter(due_on__lt=today, due_on__gte=today - dt.timedelta(365))
    on_time = [p.held_on is not None and p.held_on <= p.due_on for p in past]
    assert on_time.count(True) > on_time.count(False) > 0


def test_seeding_again_changes_nothing(demo):
    before = _snapshot()
    build_demo()
    assert _snapshot() == before


def test_some_fifa_answers_are_recorded_and_some_still_missing(demo):
    today = timezone.localdate()
    fifa = Case.objects.filter(programme=programmes.FIFA, status=CaseStatus.ACTIVE)
    answers = AdultAnswers.objects.filter(case__in=fifa)
    complete = answers.exclude(parenting_support_offered_on=None)
    assert complete.exists() and answers.filter(parenting_support_offered_on=None).exists()
    assert not answers.filter(asked_about_children_on__gt=today).exists()
    open_rules = DueItem.objects.filter(case__in=fifa, rule="fifa:parenting-support-offered")
    assert open_rules.exists()
    assert open_rules.count() < fifa.count()


def test_a_fifa_case_missing_an_answer_has_its_open_item_and_a_complete_one_none(demo):
    fifa = Case.objects.filter(programme=programmes.FIFA, status=CaseStatus.ACTIVE)
    offered = set(
        DueItem.objects.filter(case__in=fifa, rule="fifa:parenting-support-offered").values_list(
            "case_id", flat=True
        )
    )
    missing, complete = set(), set()
    for case in fifa:
        parents = case.family.persons.filter(role__in=ANSWERING_ROLES)
        answered = case.adult_answers.exclude(parenting_support_offered_on=None)
        (complete if answered.count() == parents.count() else missing).add(case.pk)
    assert missing and complete
    assert offered == missing
    # Recorded as the FIFA panel records them: one audit record per adult's answers.
    answers = AdultAnswers.objects.filter(case__in=fifa)
    assert (
        AuditEvent.objects.filter(action=Action.CREATE, object_type="cases.adultanswers").count()
        == answers.count()
    )
