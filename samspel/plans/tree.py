"""A plan's goals as a tree, each sub-goal with its progress ratings: what the plan page and the
plan PDF show."""

from samspel.plans.models import Goal, Progress, SubGoal
from samspel.plans.rules import goal_tree


def _sub_goals_with_ratings(plan) -> list[SubGoal]:
    sub_goals = list(SubGoal.objects.filter(goal__plan=plan).order_by("target_date", "id"))
    ratings: dict[int, list[Progress]] = {sub_goal.pk: [] for sub_goal in sub_goals}
    for rating in Progress.objects.filter(sub_goal__goal__plan=plan).select_related("recorded_by"):
        ratings[rating.sub_goal_id].append(rating)
    for sub_goal in sub_goals:
        sub_goal.ratings = ratings[sub_goal.pk]
    return sub_goals


def plan_tree(plan) -> list[dict]:
    goals = list(Goal.objects.filter(plan=plan).order_by("id"))
    return goal_tree(goals, _sub_goals_with_ratings(plan), plan.case.organisation.jurisdiction)
