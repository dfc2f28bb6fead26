"""The display rule of families/visibility.py on every page, PDF, feed and message that names a
person. One family with a protected parent, "Protected Parentsson", and one case; every page is
visited by each way of reaching the case, and the expectation comes from the rule alone:

- the name appears exactly for the people on the case (responsible worker, buddy, team leader,
  users granted the case by name to read or to write), never under emergency access, which gets
  the initials;
- the personal number appears only where a page lists the family's persons, for the same people;
- address and contact details appear only for a user granted the person by name;
- a calendar feed and a reminder never carry the name, the number or the details."""

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import make_user
from samspel.activities.models import (
    Activity,
    ActivityParticipant,
    AgencyKind,
    ExternalAppointment,
)
from samspel.assessments.models import ParticipantRole, SafetyRating
from samspel.calendars.feeds import create_feed
from samspel.cases.models import Case, CaseGrant, CaseStatus, EmergencyAccess
from samspel.families.models import Family, Person, PersonRole
from samspel.network.models import CaseActor, Consent, ExternalOrganisation, OrganisationKind
from samspel.organisations.models import Team
from samspel.plans.models import PlanKind
from samspel.plans.versioning import create_plan
from samspel.reminders.messages import reminder_text
from samspel.reminders.models import Channel, Reminder

NAME = "Protected Parentsson"
INITIALS = re.compile(r"\bPP\b")
NUMBER = "19850312-2387"
DETAILS = ["Hemliga gränd 3", "070-765 43 21", "protected@example.org"]

ON_THE_CASE = ["responsible", "buddy", "leader", "write_grant", "read_grant", "granted_by_name"]
READERS = [*ON_THE_CASE, "emergency"]
WRITERS = {"responsible", "buddy", "leader", "write_grant"}


@dataclass
class Scene:
    case: Case
    parent: Person
    activity: Activity
    plan: object
    users: dict


@pytest.fixture
def scene(organisation, team, personas) -> Scene:
    family = Family.objects.create(
        organisation=organisation, name="Familjen P", created_by=personas["worker"]
    )
    parent = Person.objects.create(
        family=family,
        role=PersonRole.PARENT,
        first_name="Protected",
        last_name="Parentsson",
        personal_number=NUMBER,
        protected_identity=True,
        address=DETAILS[0],
        phone=DETAILS[1],
        email=DETAILS[2],
    )
    child = Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Elsa", last_name="Parentsson"
    )
    today = timezone.localdate()
    case = Case.objects.create(
        organisation=organisation,
        number="2026-0099",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
        buddy=personas["buddy"],
        status=CaseStatus.ACTIVE,
        referred_on=today - dt.timedelta(days=30),
        activated_on=today - dt.timedelta(days=20),
    )
    case.focus_children.add(child)
    users = {
        "responsible": personas["worker"],
        "buddy": personas["buddy"],
        "leader": personas["leader"],
        **_outside_the_team(organisation, case, personas["worker"]),
    }
    parent.authorised_users.add(users["granted_by_name"])
    return Scene(case, parent, _activity(case, parent), _records(case, parent), users)


def _outside_the_team(organisation, case, worker) -> dict:
    team = Team.objects.create(organisation=organisation, name="Team D", programme="fifa")
    users = {name: make_user(organisation, name, team=team) for name in READERS[3:]}
    for name, can_write in [("write_grant", True), ("read_grant", False)]:
        grant = {"can_write": can_write, "granted_by": worker}
        CaseGrant.objects.create(case=case, user=users[name], **grant)
    CaseGrant.objects.create(case=case, user=users["granted_by_name"], granted_by=worker)
    EmergencyAccess.objects.create(
        case=case,
        user=users["emergency"],
        reason="The family called at night",
        expires_at=timezone.now() + dt.timedelta(hours=4),
    )
    return users


def _activity(case, parent) -> Activity:
    start = timezone.now() + dt.timedelta(days=2)
    activity = Activity.objects.create(
        case=case,
        kind="home_visit",
        context="home",
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
        created_by=case.responsible,
    )
    ActivityParticipant.objects.create(activity=activity, person=parent)
    Reminder.objects.create(
        activity=activity,
        person=parent,
        channel=Channel.SMS,
        lead_hours=24,
        send_at=start - dt.timedelta(hours=24),
    )
    return activity


def _records(case, parent):
    """An appointment, a consent and a safety rating of the parent, and a plan."""
    worker = case.responsible
    start = timezone.now() + dt.timedelta(days=3)
    ExternalAppointment.objects.create(
        family=case.family,
        person=parent,
        agency_kind=AgencyKind.PSYCHIATRY,
        title="BUP-besök",
        start=start,
        end=start + dt.timedelta(hours=1),
        created_by=worker,
    )
    school = ExternalOrganisation.objects.create(
        organisation=case.organisation, kind=OrganisationKind.SCHOOL, name="Solbackaskolan"
    )
    actor = CaseActor.objects.create(
        case=case, external_organisation=school, role="School", added_by=worker
    )
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Consent.objects.create(
        case_actor=actor,
        given_by=parent,
        scope="Attendance",
        given_on=yesterday,
        recorded_by=worker,
    )
    SafetyRating.objects.create(
        case=case, role=ParticipantRole.PARENT, person=parent, value=6, created_by=worker
    )
    kind = PlanKind.IMPLEMENTATION_PLAN
    return create_plan(case, worker, kind=kind, title="Plan", starts_on=yesterday)


@dataclass(frozen=True)
class Page:
    name: str
    address: Callable[[Scene], str]
    lists_persons: bool = False  # the persons table: personal number, address and contact
    writers_only: bool = False
    pdf: bool = False


def _case(name: str) -> Callable[[Scene], str]:
    return lambda s: reverse(name, args=[s.case.public_id])


def _activity_page(name: str) -> Callable[[Scene], str]:
    return lambda s: reverse(name, args=[s.case.public_id, s.activity.public_id])


def _family(name: str) -> Callable[[Scene], str]:
    return lambda s: reverse(name, args=[s.case.family.public_id])


PAGES = [
    Page("case", lambda s: reverse("cases:detail", args=[s.case.public_id]), lists_persons=True),
    Page("family", _family("families:detail"), lists_persons=True),
    Page("activity list", _case("activities:list")),
    Page("activity and its reminders", _activity_page("activities:detail")),
    Page("activity plan form", _case("activities:plan"), writers_only=True),
    Page("activity edit form", _activity_page("activities:edit"), writers_only=True),
    Page("activity held form", _activity_page("activities:held"), writers_only=True),
    Page("family calendar", _family("family_calendar:calendar")),
    Page("appointment form", _family("family_calendar:appointment_add"), writers_only=True),
    Page("network", _case("network:page")),
    Page("signs of safety", _case("assessments:safety")),
    Page(
        "plan PDF",
        lambda s: reverse("plans:pdf", args=[s.case.public_id, s.plan.public_id]),
        pdf=True,
    ),
]


def _visits():
    for page in PAGES:
        for reader in READERS:
            if page.writers_only and reader not in WRITERS:
                continue
            yield pytest.param(page, reader, id=f"{page.name}-{reader}")


def _text(response, page: Page) -> str:
    assert response.status_code == 200, response.status_code
    if page.pdf:
        reader = PdfReader(io.BytesIO(response.content))
        return " ".join(p.extract_text() for p in reader.pages)
    return response.content.decode()


@pytest.mark.parametrize(("page", "reader"), list(_visits()))
def test_every_page_shows_a_protected_person_by_the_one_rule(client, scene, page, reader):
    client.force_login(scene.users[reader])
    text = _text(client.get(page.address(scene)), page)
    on_the_case = reader in ON_THE_CASE and not page.pdf  # a printed plan leaves Samspel
    assert (NAME in text) is on_the_case
    assert bool(INITIALS.search(text)) is not on_the_case
    assert (NUMBER in text) is (on_the_case and page.lists_persons)
    shown_details = [detail for detail in DETAILS if detail in text]
    expected = DETAILS if page.lists_persons and reader == "granted_by_name" else []
    assert shown_details == expected


@pytest.mark.parametrize("kind", ["worker", "family"])
def test_a_calendar_feed_names_by_initials_only(client, scene, kind):
    worker = scene.users["granted_by_name"] if kind == "worker" else scene.case.responsible
    year = dt.timedelta(days=365)
    owner = {"owner": worker} if kind == "worker" else {"family": scene.case.family}
    if kind == "worker":
        ActivityParticipant.objects.create(activity=scene.activity, user=worker)
    token = create_feed(created_by=scene.case.responsible, lifetime=year, **owner)[1]
    body = client.get(reverse("ical:feed", kwargs={"token": token})).content.decode()
    assert "BEGIN:VEVENT" in body
    assert NAME not in body and NUMBER not in body and "Elsa Parentsson" not in body
    assert not [detail for detail in DETAILS if detail in body]
    assert "EP" in body  # the focus child's initials
    if kind == "family":
        assert INITIALS.search(body)  # the parent's appointment


def test_a_reminder_names_nobody(scene):
    text = reminder_text(scene.activity, scene.parent)
    for part in (text.subject, text.body):
        assert NAME not in part and NUMBER not in part and not INITIALS.search(part)
        assert not [detail for detail in DETAILS if detail in part]
