import datetime as dt

from samspel.cases.models import Case
from samspel.families.models import Family, Person, PersonRole
from samspel.network.demo import add_demo_network
from samspel.network.models import CaseActor, Consent, ExternalOrganisation
from samspel.organisations.models import Team


def _states(case):
    return {a.external_organisation.kind: a.consent_state for a in case.actors.all()}


def test_swedish_case_gets_school_with_consent_and_psychiatry_without(case, parent):
    actors = add_demo_network(case)
    assert len(actors) == 2
    assert _states(case) == {"school": "valid", "psychiatry": "none"}
    consent = Consent.objects.get()
    assert consent.given_by == parent
    assert consent.given_on <= dt.date(2026, 3, 10)
    assert all(a.contact_person for a in actors)


def _danish_case(other_organisation, personas):
    team = Team.objects.get(organisation=other_organisation)
    family = Family.objects.create(organisation=other_organisation, name="Familien Holm")
    Person.objects.create(family=family, role=PersonRole.CHILD, first_name="Ida", last_name="H")
    Person.objects.create(family=family, role=PersonRole.PARENT, first_name="Eva", last_name="H")
    return Case.objects.create(
        organisation=other_organisation,
        number="2026-0001",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["stranger"],
    )


def test_danish_case_gets_school_with_consent_and_ppr_without(other_organisation, personas):
    case = _danish_case(other_organisation, personas)
    add_demo_network(case)
    assert _states(case) == {"school": "valid", "ppr": "none"}
    assert Consent.objects.get().given_by.first_name == "Eva"  # the parent, not the child
    assert set(ExternalOrganisation.objects.values_list("organisation", flat=True)) == {
        other_organisation.pk
    }


def test_running_twice_changes_nothing(case):
    add_demo_network(case)
    add_demo_network(case)
    assert CaseActor.objects.count() == 2
    assert Consent.objects.count() == 1
    assert ExternalOrganisation.objects.count() == 2
