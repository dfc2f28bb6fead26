"""Plan objects for tests, including the access matrix of samspel.cases: every factory returns
objects of the same (demo) plan of the case, so URLs built from several of them agree."""

from samspel.plans.demo import add_demo_plan
from samspel.plans.models import CoordinationResponsibility, Goal, Plan, SubGoal


def plan(case) -> Plan:
    return case.plans.order_by("id").first() or add_demo_plan(case, case.responsible)


def short_term_goal(case) -> Goal:
    return Goal.objects.filter(plan=plan(case), parent__isnull=False).order_by("id").first()


def sub_goal(case) -> SubGoal:
    return SubGoal.objects.filter(goal__plan=plan(case)).order_by("id").first()


def coordination(case) -> CoordinationResponsibility:
    return plan(case).coordination.order_by("id").first()
