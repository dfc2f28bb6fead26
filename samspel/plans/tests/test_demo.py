import datetime as dt

from django.utils import timezone

from samspel.cases.models import Case
from samspel.families.models import Family, Person, PersonRole
from samspel.organisations import programmes
from samspel.organisations.models import Team
from samspel.plans.demo import add_demo_plan
from samspel.plans.models import CoordinationResponsibility, Goal, PlanKind, Progress, SubGoal
from samspel.plans.rules import unknown_goal_areas


def test_a_swedish_demo_plan_is_complete_and_valid(case, personas):
    case.activated_on = timezone.localdate() - dt.timedelta(days=100)
    case.save()
    plan = add_demo_plan(case, personas["worker"])
    goals = Goal.objects.filter(plan=plan)
    sub_goals = SubGoal.objects.filter(goal__plan=plan)
    assert plan.title == "Gemensam plan för Elsa"
    assert plan.kind == PlanKind.IMPLEMENTATION_PLAN  # FIFA
    assert plan.starts_on == case.activated_on
    assert goals.filter(parent=None).count() == 1
    assert goals.exclude(parent=None).count() == 2
    assert sub_goals.count() == 3
    assert {s.responsible_party for s in sub_goals} == {"family", "worker", "actor"}
    assert all(s.target_date >= plan.starts_on for s in sub_goals)
    for goal in goals:
        assert goal.goal_areas and not unknown_goal_areas(goal.goal_areas, "SE")
    assert CoordinationResponsibility.objects.filter(plan=plan).count() == 2
    ratings = Progress.objects.filter(sub_goal__goal__plan=plan)
    assert ratings.count() == 7
    assert all(0 <= r.value <= 10 and r.on <= timezone.localdate() for r in ratings)
    assert plan.agreed_version == plan.version
    assert plan.revisions.count() == plan.version  # every step was a versioned save
    assert "Lena" in plan.agreed_by


def test_running_it_twice_adds_nothing(case, personas):
    first = add_demo_plan(case, personas["worker"])
    again = add_demo_plan(case, personas["worker"])
    assert first == again
    assert case.plans.count() == 1


def test_a_new_case_gets_no_progress_or_agreement_in_the_future(case, personas):
    plan = add_demo_plan(case, personas["worker"])  # the case was referred today
    assert not Progress.objects.filter(sub_goal__goal__plan=plan).exists()
    assert plan.agreed_on is None


def test_a_danish_case_gets_a_childs_plan_with_ics_areas(other_organisation, personas):
    stranger = personas["stranger"]
    team = Team.objects.get(organisation=other_organisation)
    family = Family.objects.create(organisation=other_organisation, name="Familien Holm")
    child = Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Ida", last_name="Holm"
    )
    case = Case.objects.create(
        organisation=other_organisation,
        number="2026-0100",
        family=family,
        programme=programmes.TOGETHER_FOR_THE_FAMILY,
        team=team,
        responsible=stranger,
        referred_on=timezone.localdate() - dt.timedelta(days=200),
    )
    case.focus_children.add(child)
    plan = add_demo_plan(case, stranger)
    assert plan.kind == PlanKind.CHILD_PLAN
    assert plan.title == "Barnets plan for Ida"
    for goal in Goal.objects.filter(plan=plan):
        assert not unknown_goal_areas(goal.goal_areas, "DK")
    assert "Skolen" in plan.coordination.values_list("actor", flat=True)
