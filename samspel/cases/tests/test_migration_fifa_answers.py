"""Migration 0009 moves a case's one pair of FIFA answers to the case's first parent, and back."""

import datetime as dt

import pytest

from samspel.cases.tests.migrating import migrate_cases_to, migrate_to_latest

BEFORE, AFTER = "0008_fill_investigation_decision", "0009_fifa_adult_answers"


@pytest.mark.django_db(transaction=True)
def test_the_case_answers_go_to_the_first_parent_and_come_back():
    apps = migrate_cases_to(BEFORE)
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

    apps = migrate_cases_to(AFTER)
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

    apps = migrate_cases_to(BEFORE)
    back = apps.get_model("cases", "Case").objects.get(pk=answered.pk)
    assert (
        back.asked_about_children_on,
        back.asked_about_children_answer,
        back.parenting_support_offered_on,
        back.parenting_support_answer,
    ) == (asked, "Barnen mår bra.", offered, "Tackade ja.")
    migrate_to_latest()
