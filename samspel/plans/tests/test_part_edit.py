"""The one edit page of a part of the plan (`editing.edit_part` with a `PartEdit`), as the goal,
sub-goal and coordination edits use it: where it returns to, what it audits, its translated
texts; and `form_page`'s Cancel anchor."""

import pytest
from django.test import RequestFactory

from conftest import translated
from samspel.audit.models import Action, AuditEvent
from samspel.plans.editing import form_page, plan_url
from samspel.plans.models import CoordinationResponsibility, Goal, PlanChange, SubGoal
from samspel.plans.tests.helpers import loaded_version, url


def _goal(plan):
    return Goal.objects.filter(plan=plan, parent__isnull=False).first()


def _sub_goal(plan):
    return SubGoal.objects.filter(goal__plan=plan).first()


def _coordination(plan):
    return CoordinationResponsibility.objects.create(
        plan=plan, actor="Skolan", coordinator="family", note="Veckobrev"
    )


# name, id keyword, the part, the posted change, anchor after saving, anchor on Cancel, heading
EDITS = [
    (
        "goal_edit",
        "goal_id",
        _goal,
        {"text": "Elsa trivs i skolan.", "goal_areas": ["bbic-guidance"]},
        "goal-{}",
        "",
        "Edit the goal",
    ),
    (
        "subgoal_edit",
        "subgoal_id",
        _sub_goal,
        {"what": "Elsa går till skolan varje dag."},
        "subgoal-{}",
        "",
        "Edit the sub-goal",
    ),
    (
        "coordination_edit",
        "coordination_id",
        _coordination,
        {"actor": "Ekens skola"},
        "coordination",
        "#coordination",
        "Edit the coordination responsibility",
    ),
]


def _form_data(response) -> dict:
    """The form as loaded: its initial values, to post back with one change."""
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


@pytest.mark.parametrize("name, key, part_of, change, anchor, cancel, heading", EDITS)
def test_saves_the_change_audits_it_and_returns_to_the_part(
    client, personas, case, full_plan, name, key, part_of, change, anchor, cancel, heading
):
    part = part_of(full_plan)
    client.force_login(personas["worker"])
    address = url(name, case, full_plan, **{key: part.public_id})
    page = client.get(address)
    assert f'href="{plan_url(full_plan)}{cancel}" id="cancel"' in page.content.decode()
    response = client.post(address, {**_form_data(page), **change})
    assert response.status_code == 302
    assert response.url == plan_url(full_plan, anchor.format(part.public_id))
    part.refresh_from_db()
    assert all(getattr(part, field) == value for field, value in change.items())
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(part.public_id))
    assert event.detail["fields"] == sorted(change)
    assert full_plan.revisions.filter(version=loaded_version(page) + 1).exists()


@pytest.mark.parametrize("name, key, part_of, change, anchor, cancel, heading", EDITS)
def test_the_page_texts_follow_the_reader_s_language(
    client, personas, case, full_plan, name, key, part_of, change, anchor, cancel, heading
):
    worker = personas["worker"]
    worker.language = "da"
    worker.save(update_fields=["language"])
    client.force_login(worker)
    page = client.get(url(name, case, full_plan, **{key: part_of(full_plan).public_id}))
    assert f'<h2 id="form-heading">{translated(heading, "da")}</h2>' in page.content.decode()


def test_each_edit_records_its_own_plan_change(client, personas, case, full_plan):
    client.force_login(personas["worker"])
    changes = []
    for name, key, part_of, change, *_ in EDITS:
        address = url(name, case, full_plan, **{key: part_of(full_plan).public_id})
        client.post(address, {**_form_data(client.get(address)), **change})
        full_plan.refresh_from_db()
        changes.append(full_plan.revisions.get(version=full_plan.version).change)
    assert changes == [
        PlanChange.GOAL_CHANGED,
        PlanChange.SUBGOAL_CHANGED,
        PlanChange.COORDINATION_CHANGED,
    ]


def test_form_page_cancels_to_the_plan_or_to_an_anchor_on_it(personas, case, plan):
    request = RequestFactory().get("/")
    request.user = personas["worker"]
    texts = ("Heading", "Submit", "submit-id", "Saved.")
    plain = form_page(request, case, plan, *texts)
    anchored = form_page(request, case, plan, *texts, cancel_anchor="coordination", danger=True)
    assert plain["cancel_url"] == plan_url(plan)
    assert anchored["cancel_url"] == plan_url(plan) + "#coordination"
    assert (anchored["heading"], anchored["submit_id"], anchored["saved"]) == (
        "Heading",
        "submit-id",
        "Saved.",
    )
    assert anchored["danger"] is True and "danger" not in plain
    assert plain["case"] == case and plain["emergency"] is False
