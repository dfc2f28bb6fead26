"""Migration 0013 makes a case's stored legal-basis list measures: one per paragraph, decided on
and starting at the case's start (its measure start, else its activation, else its referral),
open-ended; backwards the paragraphs in force go back to the list."""

import datetime as dt

import pytest

from samspel.cases.tests.migrating import migrate_cases_to, migrate_to_latest

BEFORE, AFTER = "0012_measure", "0013_fill_measures"


@pytest.mark.django_db(transaction=True)
def test_the_legal_basis_becomes_measures_from_the_case_start_and_comes_back():
    apps = migrate_cases_to(BEFORE)
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        name="Kommunen", jurisdiction="DK"
    )
    team = apps.get_model("organisations", "Team").objects.create(
        organisation=organisation, name="Teamet", programme="sammen-om-familien"
    )
    worker = apps.get_model("accounts", "User").objects.create(
        username="migrating-worker", organisation=organisation
    )
    family = apps.get_model("families", "Family").objects.create(
        organisation=organisation, name="Familien Holm"
    )
    Case = apps.get_model("cases", "Case")

    def case(number, **fields):
        return Case.objects.create(
            organisation=organisation,
            number=number,
            family=family,
            programme="sammen-om-familien",
            team=team,
            responsible=worker,
            referred_on=dt.date(2025, 5, 1),
            **fields,
        )

    measured = case(
        "2025-0901", legal_basis=["SEL §41", "SEL §50"], measure_started_on=dt.date(2025, 6, 2)
    )
    active = case("2025-0902", legal_basis=["BL §32", "BL §32"], activated_on=dt.date(2025, 5, 9))
    referral = case("2025-0903", legal_basis=["BL §86"])
    none = case("2025-0904")

    apps = migrate_cases_to(AFTER)
    rows = apps.get_model("cases", "Measure").objects.order_by("case_id", "paragraph")
    assert list(rows.values_list("case_id", "paragraph", "decided_on", "starts_on", "ends_on")) == [
        (measured.pk, "SEL §41", dt.date(2025, 6, 2), dt.date(2025, 6, 2), None),
        (measured.pk, "SEL §50", dt.date(2025, 6, 2), dt.date(2025, 6, 2), None),
        (active.pk, "BL §32", dt.date(2025, 5, 9), dt.date(2025, 5, 9), None),
        (referral.pk, "BL §86", dt.date(2025, 5, 1), dt.date(2025, 5, 1), None),
    ]

    apps = migrate_cases_to(BEFORE)
    back = apps.get_model("cases", "Case").objects
    assert back.get(pk=measured.pk).legal_basis == ["SEL §41", "SEL §50"]
    assert back.get(pk=measured.pk).measure_started_on == dt.date(2025, 6, 2)
    assert back.get(pk=active.pk).legal_basis == ["BL §32"]
    assert back.get(pk=none.pk).legal_basis == []
    assert not apps.get_model("cases", "Measure").objects.exists()
    migrate_to_latest()


@pytest.mark.django_db
def test_a_migrated_measure_is_the_legal_basis(active_case):
    """After the migration the engine reads the basis from the measures in force."""
    from samspel.followup.recompute import facts_for_case

    facts = facts_for_case(active_case, dt.date(2026, 3, 1))
    assert facts.legal_basis == ("SoL 4:1",)
    assert facts.measure_started_on == dt.date(2026, 1, 2)
