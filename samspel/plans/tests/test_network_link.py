import datetime as dt

from django.utils import timezone

from samspel.plans.network_link import actor_without_consent, case_actors, matching_actor


def test_actors_are_found_by_organisation_or_contact_person(case, school_actor):
    actors = case_actors(case)
    assert set(actors) == {"ekens skola", "anna lind"}
    assert matching_actor("Ekens skola", actors) == school_actor
    assert matching_actor("  EKENS   skola, mentor", actors) == school_actor
    assert matching_actor("Anna Lind", actors) == school_actor
    assert matching_actor("Ekens skolans bibliotek", actors) is None
    assert matching_actor("BUP", actors) is None


def test_only_actors_without_valid_consent_are_returned(case, school_actor, give_consent):
    assert actor_without_consent("Ekens skola", case_actors(case)) == school_actor
    assert actor_without_consent("", case_actors(case)) is None
    give_consent(school_actor)
    assert actor_without_consent("Ekens skola", case_actors(case)) is None


def test_a_withdrawn_consent_does_not_count(case, school_actor, give_consent):
    give_consent(school_actor, withdrawn_on=timezone.localdate() - dt.timedelta(days=1))
    assert actor_without_consent("Ekens skola", case_actors(case)) == school_actor


def test_actors_of_other_cases_are_not_found(case, school_actor, family, team, personas):
    from samspel.cases.models import Case

    other = Case.objects.create(
        organisation=case.organisation,
        number="2026-0009",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
    )
    assert case_actors(other) == {}


def test_without_the_network_app_nothing_is_found(case, school_actor, monkeypatch):
    from django.apps import apps

    monkeypatch.setattr(apps, "is_installed", lambda name: False)
    assert case_actors(case) == {}


def test_a_family_home_the_child_is_placed_in_is_never_suggested(case, school_actor, personas):
    """A plan is shared with the family: the foster home's name could lead to the child."""
    from samspel.network.models import CaseActor, ExternalOrganisation, OrganisationKind

    home = ExternalOrganisation.objects.create(
        organisation=case.organisation, kind=OrganisationKind.FOSTER_HOME, name="Familjen Ås"
    )
    CaseActor.objects.create(
        case=case, external_organisation=home, role="Placeringshem", added_by=personas["worker"]
    )
    actors = case_actors(case)
    assert set(actors) == {"ekens skola", "anna lind"}
    assert matching_actor("Familjen Ås", actors) is None
