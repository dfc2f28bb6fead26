"""The shared personas of STYLE.md, built once per test from the same definitions."""

import datetime as dt

import pytest
from django.utils import translation
from django.utils.html import escape

from samspel.accounts.models import Role, User
from samspel.cases.models import Case, CaseStatus
from samspel.families.models import Family, Person, PersonRole
from samspel.organisations.models import Jurisdiction, Membership, Organisation, Team

# The browser fixtures (Chromium, the demo world, screenshots) for every app's tests/browser/.
pytest_plugins = ["samspel.web.tests.browser.fixtures"]

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 takes ~0.2 s a hash, which would dominate the suite; Argon2 stays listed so
    stored Argon2 hashes still verify."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


def translated(message: str, language: str) -> str:
    """`message` as a page in `language` shows it (HTML-escaped); fails when the catalogue has
    no translation for it, so that a test asserting it proves the page is translated."""
    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"no {language} translation of {message!r}"
    return escape(text)


def make_user(organisation, username, role=Role.WORKER, team=None, is_leader=False, **extra):
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        organisation=organisation,
        role=role,
        first_name=username.capitalize(),
        last_name="Testsson",
        language="en",
        **extra,
    )
    if team is not None:
        Membership.objects.create(team=team, user=user, is_leader=is_leader)
    return user


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        name="Testkommun",
        jurisdiction=Jurisdiction.SWEDEN,
        default_language="sv",
        require_second_factor=False,
    )


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(
        name="Andra kommunen",
        jurisdiction=Jurisdiction.DENMARK,
        default_language="da",
        require_second_factor=False,
    )


@pytest.fixture
def team(organisation):
    return Team.objects.create(organisation=organisation, name="Team A", programme="fifa")


@pytest.fixture
def other_team(organisation):
    return Team.objects.create(organisation=organisation, name="Team B", programme="bfamily")


@pytest.fixture
def personas(organisation, other_organisation, team, other_team):
    """worker, buddy, leader, outsider, auditor, admin and stranger."""
    stranger_team = Team.objects.create(
        organisation=other_organisation, name="Team X", programme="sammen-om-familien"
    )
    return {
        "worker": make_user(organisation, "worker", team=team),
        "buddy": make_user(organisation, "buddy", team=team),
        "leader": make_user(organisation, "leader", Role.TEAM_LEADER, team=team, is_leader=True),
        "outsider": make_user(organisation, "outsider", team=other_team),
        "auditor": make_user(organisation, "auditor", Role.AUDITOR),
        "admin": make_user(organisation, "admin", Role.ORG_ADMIN),
        "stranger": make_user(other_organisation, "stranger", team=stranger_team),
    }


@pytest.fixture
def login(client):
    """Log a persona in through the session, as after a full (verified) login."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


# A case of the worker's team: worker responsible, buddy as makker, a protected parent.
@pytest.fixture
def family(organisation, personas):
    family = Family.objects.create(
        organisation=organisation, name="Familjen Berg", created_by=personas["worker"]
    )
    Person.objects.create(
        family=family,
        role=PersonRole.PARENT,
        first_name="Lena",
        last_name="Berg",
        protected_identity=True,
        address="Skyddade vägen 7",
    )
    return family


@pytest.fixture
def child(family):
    return Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Elsa", last_name="Berg"
    )


@pytest.fixture
def case(family, child, team, personas):
    case = Case.objects.create(
        organisation=family.organisation,
        number="2026-0001",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
        buddy=personas["buddy"],
    )
    case.focus_children.add(child)
    set_legal_basis(case, ["SoL 4:1"], starts_on=dt.date(2026, 1, 2))
    return case


@pytest.fixture
def active_case(case):
    """The shared case, active since 5 January 2026 (referred on 2 January)."""
    case.status = CaseStatus.ACTIVE
    case.referred_on = dt.date(2026, 1, 2)
    case.activated_on = dt.date(2026, 1, 5)
    case.save()
    return case


@pytest.fixture
def parent(family):
    return family.persons.get(role=PersonRole.PARENT)


@pytest.fixture
def reader(case, personas):
    """A colleague granted read-only access to the case by name."""
    from samspel.cases.models import CaseGrant

    user = personas["outsider"]
    CaseGrant.objects.create(case=case, user=user, can_write=False, granted_by=personas["worker"])
    return user


@pytest.fixture
def emergency_reader(case, organisation):
    """A worker of another team who reads the case only through an unexpired emergency access."""
    from django.utils import timezone

    from samspel.cases.models import EmergencyAccess

    team = Team.objects.create(organisation=organisation, name="Team E", programme="fifa")
    user = make_user(organisation, "emergency", team=team)
    EmergencyAccess.objects.create(
        case=case,
        user=user,
        reason="The family called",
        expires_at=timezone.now() + dt.timedelta(hours=4),
    )
    return user


@pytest.fixture
def open_case(organisation, team, personas):
    """A second case whose family has no one with protected identity, so that exact places
    and names reach feeds and messages."""
    from samspel.cases.models import Case
    from samspel.families.models import Family, Person, PersonRole

    family = Family.objects.create(
        organisation=organisation, name="Familjen Ek", created_by=personas["worker"]
    )
    child = Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Moa", last_name="Ek"
    )
    case = Case.objects.create(
        organisation=organisation,
        number="2026-0002",
        family=family,
        programme=team.programme,
        team=team,
        responsible=personas["worker"],
    )
    case.focus_children.add(child)
    set_legal_basis(case, ["SoL 4:1"], starts_on=dt.date(2026, 1, 2))
    return case


def set_legal_basis(case, codes, *, starts_on=None, recompute=False):
    """Test set-up: the case's measures are exactly `codes`, decided on and starting on
    `starts_on` (default: the case's start, as migration cases 0013 made them), open-ended.
    Written straight to the table; the app writes through samspel.cases.services.add_measure."""
    from samspel.cases.models import Measure
    from samspel.followup.recompute import recompute_case

    start = starts_on or case.activated_on or case.referred_on
    case.measures.all().delete()
    Measure.objects.bulk_create(
        [Measure(case=case, paragraph=code, decided_on=start, starts_on=start) for code in codes]
    )
    if recompute:
        recompute_case(case)


def make_danish_case(organisation, worker, team=None, *, legal_basis, number="2026-0100", **dates):
    """A Sammen om familien case of the Danish organisation: the Holm family with one focus
    child, Ida, the case recomputed. `dates` are the case's status and dates (referred_on,
    activated_on, status …)."""
    from samspel.followup.recompute import recompute_case

    family = Family.objects.create(
        organisation=organisation, name="Familien Holm", created_by=worker
    )
    child = Person.objects.create(
        family=family, role=PersonRole.CHILD, first_name="Ida", last_name="Holm"
    )
    case = Case.objects.create(
        organisation=organisation,
        number=number,
        family=family,
        programme="sammen-om-familien",
        team=team or Team.objects.get(organisation=organisation),
        responsible=worker,
        **dates,
    )
    case.focus_children.add(child)
    set_legal_basis(case, legal_basis)
    recompute_case(case)
    return case


# Tests that share an expensive per-process world run in one test process (`--dist loadgroup`,
# see pytest_configure): the demo world is built once per process and date, and the settings
# tests start a dozen Django processes in a module fixture, so splitting either over two
# processes builds it twice.
SHARED_WORLDS = {
    "samspel/demo/tests/": "demo-world",
    "samspel/tests/test_settings.py": "settings-processes",
}


def pytest_configure(config):
    """`-n 2` distributes as `--dist loadgroup`, so that the groups below stay together."""
    if getattr(config.option, "dist", None) == "load":
        config.option.dist = "loadgroup"


def pytest_collection_modifyitems(items):
    for item in items:
        path = item.nodeid.split("::")[0]
        for prefix, group in SHARED_WORLDS.items():
            if path.startswith(prefix):
                item.add_marker(pytest.mark.xdist_group(group))
