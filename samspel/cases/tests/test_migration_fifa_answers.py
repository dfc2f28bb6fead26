"""Migration 0009 moves a case's one pair of FIFA answers to the case's first parent, and back."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("cases", "0008_fill_investigation_decision")
AFTER = ("cases", "0009_fifa_adult_answers")


def _migrate(cases_target):
    """Every app at its latest migration, cases at `cases_target` (nothing depends on 0009)."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    targets = [node for node in leaves if node[0] != "cases"] + [cases_target]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _migrate_to_latest():
    """Every app at its latest migration again, so later tests find every table."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_case_answers_go_to_the_first_parent_and_come_back():
    apps = _migrate(BEFORE)
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        name="Kommunen", jurisdiction="SE"
    )
    team = apps.get_model("organisations", "Team").objects.create(
        organisation=organisation, name="FIFA-teamet", programme="fifa"
    )
    worker = apps.get_model("accounts", "User").objects.create(
        username="migrating-worker", organisation=organisation
    )
    family = apps.get_model("families", "Family").objects.create(
        organisation=organisation, name="Familjen Ek"
    )
    person = apps.get_model("families", "Person").objects
    person.create(family=family, role="child", first_name="Moa", last_name="Ek")
    first = person.create(family=family, role="parent", first_name="Per", last_name="Ek")
    person.create(family=family, role="parent", first_name="Eva", last_name="Ek")
    Case = apps.get_model("cases", "Case")
    asked, offered = dt.date(2026, 2, 3), dt.date(2026, 2, 10)
    answered = Case.objects.create(
        organisation=organisation,
        number="2026-0900",
        family=family,
        programme="fifa",
        team=team,
        responsible=worker,
        referred_on=dt.date(2026, 2, 1),
        asked_about_children_on=asked,
        asked_about_children_answer="Barnen mår bra.",
        parenting_support_offered_on=offered,
        parenting_support_answer="Tackade ja.",
    )
    Case.objects.create(
        organisation=organisation,
        number="2026-0901",
        family=family,
        programme="fifa",
        team=team,
        responsible=worker,
        referred_on=dt.date(2026, 2, 1),
    )

    apps = _migrate(AFTER)
    rows = list(
        apps.get_model("cases", "AdultAnswers").objects.values_list(
            "case_id",
            "person_id",
            "asked_about_children_on",
            "children_answer",
            "parenting_support_offered_on",
            "support_answer",
            "support_note",
        )
    )
    assert rows == [(answered.pk, first.pk, asked, "Barnen mår bra.", offered, "", "Tackade ja.")]

    apps = _migrate(BEFORE)
    back = apps.get_model("cases", "Case").objects.get(pk=answered.pk)
    assert (
        back.asked_about_children_on,
        back.asked_about_children_answer,
        back.parenting_support_offered_on,
        back.parenting_support_answer,
    ) == (asked, "Barnen mår bra.", offered, "Tackade ja.")
    _migrate_to_latest()
