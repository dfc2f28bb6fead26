"""The display rule of families/visibility.py, one relation at a time: address and contact only
for those granted the person by name; name and personal number for the people on the case;
initials for emergency access and for what is sent out of Samspel; the PDF prints names only."""

import pytest

from samspel.cases.access import EMERGENCY, NO_RELATION, ON_CASE, READ_GRANT, WRITE_GRANT
from samspel.cases.family_access import case_display, family_relation
from samspel.families.visibility import PRINTED, SENT, Shown, family_display, person_display

PN = "19850312-2387"


@pytest.fixture
def protected(parent):
    parent.personal_number = PN
    parent.save()
    return parent


@pytest.mark.parametrize("relation", [ON_CASE, WRITE_GRANT, READ_GRANT])
def test_the_people_on_the_case_see_name_and_number_but_no_details(
    personas, family, protected, relation
):
    shown = person_display(personas["buddy"], protected, relation)
    assert (shown.name, shown.personal_number, shown.details) == ("Lena Berg", PN, False)
    assert family_display(personas["buddy"], family, relation).of(protected) == shown


@pytest.mark.parametrize("relation", [EMERGENCY, NO_RELATION])
def test_emergency_access_gets_initials(personas, family, protected, relation):
    shown = person_display(personas["buddy"], protected, relation)
    assert (shown.name, shown.personal_number, shown.details) == ("LB", "", False)
    assert str(family_display(personas["buddy"], family, relation).of(protected)) == "LB"


def test_what_is_sent_names_by_initials_even_for_a_reader_granted_by_name(
    personas, family, protected
):
    protected.authorised_users.add(personas["buddy"])
    relation = SENT
    shown = person_display(personas["buddy"], protected, relation)
    assert (shown.name, shown.personal_number, shown.details) == ("LB", "", False)
    assert str(family_display(personas["buddy"], family, relation).of(protected)) == "LB"


@pytest.mark.parametrize("relation", [ON_CASE, READ_GRANT, EMERGENCY])
def test_a_user_granted_the_person_by_name_sees_everything_on_a_page(
    personas, family, protected, relation
):
    protected.authorised_users.add(personas["buddy"])
    shown = family_display(personas["buddy"], family, relation)
    assert shown.of(protected).details and shown.of(protected).personal_number == PN
    assert shown.places


def test_a_person_without_protected_identity_is_shown_in_full_on_pages_only(
    personas, family, child
):
    assert person_display(personas["buddy"], child, EMERGENCY).details
    assert person_display(personas["buddy"], child, SENT).name == "EB"


def test_exact_places_only_for_a_reader_granted_every_protected_member(personas, family):
    assert not family_display(personas["worker"], family, ON_CASE).places
    family.persons.get(protected_identity=True).authorised_users.add(personas["worker"])
    assert family_display(personas["worker"], family, ON_CASE).places
    assert not family_display(personas["worker"], family, SENT).places


@pytest.mark.parametrize("granted", [False, True])
def test_a_printout_names_a_protected_person_by_initials_whoever_prints_it(
    personas, family, protected, child, granted
):
    """The plan PDF leaves Samspel: a protected person by initials even for a reader granted
    them by name; the others by name; nobody's number or details."""
    if granted:
        protected.authorised_users.add(personas["worker"])
    shown = family_display(personas["worker"], family, PRINTED)
    assert shown.printed(protected) == Shown("LB", "", details=False)
    assert shown.printed(child) == Shown(str(child), "", details=False)
    assert person_display(personas["worker"], protected, PRINTED).name == "LB"
    assert not shown.places


def test_no_person_no_label(personas, family):
    assert family_display(personas["buddy"], family, ON_CASE).label(None) == ""


def test_a_family_page_takes_the_closest_relation_of_its_readable_cases(
    personas, family, case, reader
):
    assert family_relation(personas["buddy"], family) == ON_CASE
    assert family_relation(reader, family) == READ_GRANT
    assert case_display(reader, case).relation == READ_GRANT


def test_the_registering_worker_is_on_a_family_without_a_case(personas, family):
    assert family_relation(personas["worker"], family) == ON_CASE
    assert family_relation(personas["buddy"], family) == NO_RELATION
