"""Migration 0016 makes each placement's free-text home an external organisation of the case's
organisation (the registered one of that name, else a new family home or residential unit by
the form of placement), linked to the case once; a placement without a home is left alone.
Backwards, the home's name goes back to the text."""

import datetime as dt

import pytest

from samspel.cases.tests.migrating import migrate_cases_to, migrate_to_latest

BEFORE, AFTER = "0015_placement_home_actor", "0016_fill_placement_home"


def _world(apps):
    """A Swedish organisation with two cases and a Danish one with one, their placements'
    homes typed in as text; one home registered already and on its case."""
    get = apps.get_model
    sweden = get("organisations", "Organisation").objects.create(name="Kommunen", jurisdiction="SE")
    denmark = get("organisations", "Organisation").objects.create(name="Kommune", jurisdiction="DK")
    made = {"SE": sweden, "DK": denmark}
    for code, organisation in list(made.items()):
        team = get("organisations", "Team").objects.create(
            organisation=organisation, name="Teamet", programme="fifa"
        )
        worker = get("accounts", "User").objects.create(
            username=f"migrating-{code}", organisation=organisation
        )
        made[f"{code}-team"], made[f"{code}-worker"] = team, worker
    unit = get("network", "ExternalOrganisation").objects.create(
        organisation=sweden, kind="residential", name="Ekens HVB"
    )
    made["unit"] = unit
    return made


def _case(apps, made, code, number):
    get = apps.get_model
    organisation = made[code]
    family = get("families", "Family").objects.create(organisation=organisation, name=number)
    child = get("families", "Person").objects.create(
        family=family, role="child", first_name="Moa", last_name="Ek"
    )
    case = get("cases", "Case").objects.create(
        organisation=organisation,
        number=number,
        family=family,
        programme="fifa",
        team=made[f"{code}-team"],
        responsible=made[f"{code}-worker"],
        referred_on=dt.date(2025, 5, 1),
    )
    return case, child


@pytest.mark.django_db(transaction=True)
def test_free_text_homes_become_network_actors_and_come_back():
    apps = migrate_cases_to(BEFORE)
    made = _world(apps)
    Placement = apps.get_model("cases", "Placement")
    first, moa = _case(apps, made, "SE", "2025-0901")
    second, leo = _case(apps, made, "SE", "2025-0902")
    danish, ida = _case(apps, made, "DK", "2025-0903")
    apps.get_model("network", "CaseActor").objects.create(
        case=second, external_organisation=made["unit"], role="HVB", added_by=made["SE-worker"]
    )

    def placed(case, child, form, home):
        return Placement.objects.create(
            case=case, child=child, started_on=dt.date(2025, 6, 1), form=form, home=home
        ).pk

    lund = placed(first, moa, "familjehem", "Familjehemmet Lund")
    lund_again = placed(second, leo, "natverkshem", " familjehemmet  lund ")
    hvb = placed(second, leo, "hvb", "Ekens HVB")
    none = placed(first, moa, "familjehem", "")
    holst = placed(danish, ida, "dogninstitution", "Opholdsstedet Holst")

    apps = migrate_cases_to(AFTER)
    register = apps.get_model("network", "ExternalOrganisation").objects
    rows = apps.get_model("cases", "Placement").objects
    home = {pk: rows.get(pk=pk).home_organisation for pk in (lund, lund_again, hvb, none, holst)}
    assert home[lund] == home[lund_again]
    assert (home[lund].name, home[lund].kind) == ("Familjehemmet Lund", "foster_home")
    assert home[hvb].pk == made["unit"].pk  # the registered one, not a second
    assert home[none] is None
    assert (home[holst].organisation_id, home[holst].kind) == (made["DK"].pk, "residential_unit")
    assert register.count() == 3
    assert not rows.exclude(home="").exists()
    actors = apps.get_model("network", "CaseActor").objects
    assert sorted(actors.values_list("case__number", "external_organisation__name", "role")) == [
        ("2025-0901", "Familjehemmet Lund", "Placeringshem"),
        ("2025-0902", "Ekens HVB", "HVB"),  # already on the case: not linked twice
        ("2025-0902", "Familjehemmet Lund", "Placeringshem"),
        ("2025-0903", "Opholdsstedet Holst", "Anbringelsessted"),
    ]

    apps = migrate_cases_to(BEFORE)
    back = apps.get_model("cases", "Placement").objects
    assert dict(back.values_list("pk", "home")) == {
        lund: "Familjehemmet Lund",
        lund_again: "Familjehemmet Lund",
        hvb: "Ekens HVB",
        none: "",
        holst: "Opholdsstedet Holst",
    }
    assert not back.filter(home_organisation__isnull=False).exists()
    migrate_to_latest()
