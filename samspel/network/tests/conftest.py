"""Shared objects of the network tests. Dates are frozen at 10 March 2026 (tick on, so that
sessions behave), which makes the consent dates below readable; browser tests keep real time."""

import datetime as dt

import pytest
import time_machine

from samspel.network.models import (
    CaseActor,
    Consent,
    ContactPerson,
    ExternalOrganisation,
    OrganisationKind,
)

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _today(request):
    if request.node.get_closest_marker("browser"):
        yield  # the browser's clock cannot travel with the server's
        return
    with time_machine.travel(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def school(organisation):
    return ExternalOrganisation.objects.create(
        organisation=organisation, kind=OrganisationKind.SCHOOL, name="Solbackaskolan"
    )


@pytest.fixture
def teacher(school):
    return ContactPerson.objects.create(
        external_organisation=school, name="Anna Lind", title="Klasslärare"
    )


@pytest.fixture
def actor(case, school, teacher, personas):
    return CaseActor.objects.create(
        case=case,
        external_organisation=school,
        contact_person=teacher,
        role="Class teacher",
        added_by=personas["worker"],
    )


@pytest.fixture
def consent(actor, parent, personas):
    return Consent.objects.create(
        case_actor=actor,
        given_by=parent,
        scope="Attendance and well-being",
        given_on=dt.date(2026, 3, 1),
        recorded_by=personas["worker"],
    )


@pytest.fixture
def foreign_school(other_organisation):
    """An external organisation of another Samspel organisation."""
    return ExternalOrganisation.objects.create(
        organisation=other_organisation, kind=OrganisationKind.SCHOOL, name="Fremmedskolen"
    )
