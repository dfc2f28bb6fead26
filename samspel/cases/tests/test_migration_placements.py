"""Migration 0011 makes a case's one stored placement date a Placement of its first focus
child, empties the case field, and leaves a case without a focus child as it was; backwards the
earliest current placement's start goes back to the case."""

import datetime as dt

import pytest

from samspel.cases.tests.migrating import migrate_cases_to, migrate_to_latest

BEFORE, AFTER = "0010_placement", "0011_fill_placements"


@pytest.mark.django_db(transaction=True)
def test_the_case_date_becomes_a_placement_of_the_first_focus_child_and_comes_back():
    apps = migrate_cases_to(BEFORE)
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        name="Kommunen", jurisdiction="SE"
    )
    team = apps.get_model("organisations", "Team").objects.create(
        organisation=organisation, name="Teamet", programme="fifa"
    )
    worker = apps.get_model("accounts", "User").objects.create(
        username="migrating-worker", organisation=organisation
    )
    family = apps.get_model("families", "Family").objects.create(
        organisation=organisation, name="Familjen Ek"
    )
    person = apps.get_model("families", "Person").objects
    first = person.create(family=family, role="child", first_name="Moa", last_name="Ek")
    second = person.create(family=family, role="child", first_name="Leo", last_name="Ek")
    Case = apps.get_model("cases", "Case")
    placed = dt.date(2025, 5, 4)

    def case(number, **fields):
        return Case.objects.create(
            organisation=organisation,
            number=number,
            family=family,
            programme="fifa",
            team=team,
            responsible=worker,
            referred_on=dt.date(2025, 5, 1),
            **fields,
        )

    with_children = case("2025-0901", placement_started_on=placed)
    with_children.focus_children.set([second, first])
    no_child = case("2025-0902", placement_started_on=placed)
    not_placed = case("2025-0903")
    not_placed.focus_children.set([first])

    apps = migrate_cases_to(AFTER)
    rows = list(
        apps.get_model("cases", "Placement").objects.values_list(
            "case_id", "child_id", "started_on", "ended_on", "form", "legal_ground"
        )
    )
    assert rows == [(with_children.pk, first.pk, placed, None, "", "")]
    after = apps.get_model("cases", "Case").objects
    assert after.get(pk=with_children.pk).placement_started_on is None
    assert after.get(pk=no_child.pk).placement_started_on == placed
    assert after.get(pk=not_placed.pk).placement_started_on is None

    apps = migrate_cases_to(BEFORE)
    back = apps.get_model("cases", "Case").objects
    assert back.get(pk=with_children.pk).placement_started_on == placed
    assert back.get(pk=no_child.pk).placement_started_on == placed
    assert not apps.get_model("cases", "Placement").objects.exists()
    migrate_to_latest()


@pytest.mark.django_db
def test_a_migrated_placement_still_starts_the_rules(active_case, child):
    """After the migration the rules count from the placement row, not the case field."""
    from samspel.cases.models import Placement
    from samspel.followup.recompute import facts_for_case

    Placement.objects.create(case=active_case, child=child, started_on=dt.date(2025, 5, 4))
    assert facts_for_case(active_case).placement_started_on == dt.date(2025, 5, 4)
