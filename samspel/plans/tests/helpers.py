"""Shared assertions for the plan view tests: URLs, the access trio, "nothing changed"."""

import re

from django.urls import reverse

from samspel.plans.models import CoordinationResponsibility, Goal, Plan, Progress, SubGoal

OUTSIDERS = ("outsider", "auditor", "admin", "stranger")


def url(name: str, case, plan=None, **ids) -> str:
    kwargs = {"case_id": case.public_id, **ids}
    if plan is not None:
        kwargs["plan_id"] = plan.public_id
    return reverse(f"plans:{name}", kwargs=kwargs)


def assert_outsiders_get_404(client, personas, address: str, method: str = "get") -> None:
    for name in OUTSIDERS:
        client.force_login(personas[name])
        response = getattr(client, method)(address)
        assert response.status_code == 404, f"{name} {method} {address}"


def loaded_version(response) -> int:
    """The plan version a rendered form carries, as a browser would send it back."""
    match = re.search(r'name="version" value="(\d+)"', response.content.decode())
    assert match, "the form carries no plan version"
    return int(match.group(1))


def plan_state(plan: Plan) -> tuple:
    """Everything a change could touch, to assert that nothing changed."""
    plan.refresh_from_db()
    goals = Goal.objects.filter(plan=plan)
    return (
        plan.version,
        plan.title,
        plan.starts_on,
        plan.agreed_on,
        plan.revisions.count(),
        list(goals.values_list("text", "goal_areas", "responsible_party", "responsible_actor")),
        list(
            SubGoal.objects.filter(goal__plan=plan).values_list("what", "indicator", "target_date")
        ),
        list(CoordinationResponsibility.objects.filter(plan=plan).values_list("actor", "note")),
        Progress.objects.filter(sub_goal__goal__plan=plan).count(),
    )
