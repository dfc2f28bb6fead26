"""The demo world. Deterministic (seeded Faker) so that running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from faker import Faker

from samspel.accounts.models import Role, User
from samspel.cases.models import Case, CaseStatus, Measure
from samspel.cases.numbering import next_case_number
from samspel.demo.calendar_demo import add_demo_calendar
from samspel.demo.followup_demo import add_demo_activities, recompute_demo
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.recompute import deferred
from samspel.organisations import programmes
from samspel.organisations.models import Jurisdiction, Membership, Organisation, Team

DEMO_PASSWORD = "demo"  # noqa: S105 - demo mode only; the command refuses production
FAMILIES_PER_ORGANISATION = 30


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str | None = None
    is_leader: bool = False


DANISH_ORG = "Aarhus Kommune – Børn og Unge med handicap"
SWEDISH_ORG = "Linköpings kommun – Socialförvaltningen"

TEAMS = {
    DANISH_ORG: [
        ("Handicaprådgivning Nord", programmes.TOGETHER_FOR_THE_FAMILY),
        ("Handicaprådgivning Syd", programmes.TOGETHER_FOR_THE_FAMILY),
    ],
    SWEDISH_ORG: [
        ("Familjehemsteamet", programmes.FOSTER_HOME_PROCESS),
        ("B'family öppenvård", programmes.BFAMILY),
        ("FIFA-teamet", programmes.FIFA),
        ("Familjelotsen", programmes.FAMILY_NAVIGATOR),
    ],
}

PERSONAS = {
    DANISH_ORG: [
        DemoUser("worker", "Mette", "Kristensen", Role.WORKER, "Handicaprådgivning Nord"),
        DemoUser("buddy", "Jonas", "Mikkelsen", Role.WORKER, "Handicaprådgivning Nord"),
        DemoUser(
            "leader", "Hanne", "Østergaard", Role.TEAM_LEADER, "Handicaprådgivning Nord", True
        ),
        DemoUser("outsider", "Peter", "Lund", Role.WORKER, "Handicaprådgivning Syd"),
        DemoUser("auditor", "Birgitte", "Holm", Role.AUDITOR),
        DemoUser("admin", "Søren", "Dahl", Role.ORG_ADMIN),
    ],
    SWEDISH_ORG: [
        DemoUser("stranger", "Sara", "Lindqvist", Role.WORKER, "Familjehemsteamet"),
        # A worker in each Swedish working model, a team leader and an org admin (issue 10).
        DemoUser("konsulent", "Anna", "Berglund", Role.WORKER, "Familjehemsteamet"),
        DemoUser("behandlare", "Erik", "Holmgren", Role.WORKER, "B'family öppenvård"),
        DemoUser("fifa", "Maria", "Sandberg", Role.WORKER, "FIFA-teamet"),
        DemoUser("lots", "Johan", "Ek", Role.WORKER, "Familjelotsen"),
        DemoUser("ledare", "Karin", "Nyström", Role.TEAM_LEADER, "Familjehemsteamet", True),
        DemoUser("admin-se", "Lars", "Öberg", Role.ORG_ADMIN),
    ],
}

ORGANISATIONS = {
    DANISH_ORG: (Jurisdiction.DENMARK, "da", "da_DK"),
    SWEDISH_ORG: (Jurisdiction.SWEDEN, "sv", "sv_SE"),
}


def build_demo() -> list[str]:
    """Create whatever of the demo is missing and describe the result."""
    summary = []
    for index, (org_name, (jurisdiction, language, locale)) in enumerate(ORGANISATIONS.items()):
        organisation, _created = Organisation.objects.get_or_create(
            name=org_name,
            defaults={
                "jurisdiction": jurisdiction,
                "default_language": language,
                # Demo logins work with the password alone; real organisations keep the default.
                "require_second_factor": False,
            },
        )
        teams = _teams(organisation)
        faker = Faker(locale)
        faker.seed_instance(2026 + index)
        _personas(organisation, teams, language)
        _colleagues(organisation, teams, faker, language)
        _families(organisation, faker)
        with deferred():  # the demo plans save each case many times: recompute once
            _cases(organisation)
        add_demo_calendar(organisation)
        recompute_demo(organisation)
        summary.append(
            f"{organisation.name}: {organisation.teams.count()} teams, "
            f"{organisation.users.count()} users, {organisation.families.count()} families, "
            f"{organisation.cases.count()} cases"
        )
    summary.append(
        "Logins: worker, buddy, leader, outsider, auditor, admin (Aarhus); stranger, konsulent, "
        "behandlare, fifa, lots, ledare, admin-se (Linköping)"
    )
    return summary


def _teams(organisation: Organisation) -> dict[str, Team]:
    teams = {}
    for name, programme in TEAMS[organisation.name]:
        team, _created = Team.objects.get_or_create(
            organisation=organisation, name=name, defaults={"programme": programme}
        )
        teams[name] = team
    return teams


def _user(organisation, username, first_name, last_name, role, language) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "organisation": organisation,
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.samspel.invalid",
            "role": role,
            "language": language,
        },
    )
    if created:
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    return user


@cache
def _demo_password_hash() -> str:
    """One (slow, Argon2) hash of the demo password, shared by every demo login."""
    return make_password(DEMO_PASSWORD)


def _personas(organisation, teams, language) -> None:
    for persona in PERSONAS[organisation.name]:
        user = _user(
            organisation,
            persona.username,
            persona.first_name,
            persona.last_name,
            persona.role,
            language,
        )
        if persona.team:
            Membership.objects.get_or_create(
                team=teams[persona.team], user=user, defaults={"is_leader": persona.is_leader}
            )


def _colleagues(organisation, teams, faker: Faker, language) -> None:
    """Two more workers per team, and a leader where the personas gave none."""
    prefix = organisation.jurisdiction.lower()
    for team_index, team in enumerate(teams.values()):
        has_leader = team.membership_set.filter(is_leader=True).exists()
        for slot in range(3):
            first, last = faker.first_name(), faker.last_name()
            is_leader = slot == 2
            if is_leader and has_leader:
                continue
            role = Role.TEAM_LEADER if is_leader else Role.WORKER
            username = f"{prefix}-team{team_index + 1}-{slot + 1}"
            user = _user(organisation, username, first, last, role, language)
            Membership.objects.get_or_create(
                team=team, user=user, defaults={"is_leader": is_leader}
            )


def _family_plan(faker: Faker, household_word: str, today: dt.date) -> list[tuple]:
    """Draw every name and birth date first, so the plan is the same on every run."""
    plan, seen = [], set()
    while len(plan) < FAMILIES_PER_ORGANISATION:
        last_name = faker.last_name()
        members = [
            (
                PersonRole.PARENT,
                faker.first_name(),
                faker.random_int(28, 52),
                faker.random_int(0, 364),
            )
            for _ in range(faker.random_int(1, 2))
        ] + [
            (
                PersonRole.CHILD,
                faker.first_name(),
                faker.random_int(1, 17),
                faker.random_int(0, 364),
            )
            for _ in range(faker.random_int(1, 3))
        ]
        if last_name in seen:
            continue
        seen.add(last_name)
        plan.append((f"{household_word} {last_name}", last_name, members))
    return plan


def _families(organisation, faker: Faker) -> None:
    household_word = "Familien" if organisation.jurisdiction == Jurisdiction.DENMARK else "Familjen"
    today = timezone.localdate()
    for name, last_name, members in _family_plan(faker, household_word, today):
        family, created = Family.objects.get_or_create(organisation=organisation, name=name)
        if not created:
            continue
        for role, first_name, age, extra_days in members:
            Person.objects.create(
                family=family,
                role=role,
                first_name=first_name,
                last_name=last_name,
                birth_date=today - dt.timedelta(days=age * 365 + extra_days),
            )


LEGAL_BASES = {
    programmes.TOGETHER_FOR_THE_FAMILY: [
        ["SEL §41", "SEL §42"],
        ["SEL §41", "SEL §50"],
        ["BL §20"],
        ["SEL §52"],
        ["SEL §41", "SEL §44", "SEL §11"],
        ["BL §86", "BL §90"],
    ],
    programmes.FOSTER_HOME_PROCESS: [["SoL 6:1", "SoL 6:8"], ["LVU 2 §", "LVU 13 §"]],
    programmes.BFAMILY: [["SoL 4:1"]],
    programmes.FIFA: [["SoL 4:1"], ["SoL 11:1"]],
    programmes.FAMILY_NAVIGATOR: [["SoL 4:1"]],
}


def _cases(organisation: Organisation) -> None:
    """One case per demo family, spread over the teams; the demo worker gets a full list."""
    teams = list(organisation.teams.order_by("name"))
    today = timezone.localdate()
    families = organisation.families.filter(cases__isnull=True).order_by("name")
    new_cases = []
    nth_in_team: dict[int, int] = {}
    for index, family in enumerate(families):
        team = _team_for(organisation, teams, index)
        nth = nth_in_team[team.pk] = nth_in_team.get(team.pk, -1) + 1
        workers = list(team.members.filter(role=Role.WORKER).order_by("username")) or list(
            team.members.order_by("username")
        )
        responsible, buddy = _people_for(workers, index, nth)
        referred_on = today - dt.timedelta(days=20 + (index * 37) % 400)
        status = CaseStatus.REFERRAL if index % 7 == 6 else CaseStatus.ACTIVE
        bases = LEGAL_BASES[team.programme]
        case = Case.objects.create(
            organisation=organisation,
            number=next_case_number(organisation, referred_on),
            family=family,
            programme=team.programme,
            team=team,
            responsible=responsible,
            buddy=buddy,
            status=status,
            referred_on=referred_on,
            activated_on=referred_on + dt.timedelta(days=10)
            if status == CaseStatus.ACTIVE
            else None,
            **_investigation(bases[index % len(bases)], referred_on, today, responsible),
        )
        case.focus_children.set(family.persons.filter(role=PersonRole.CHILD))
        _measures(case, bases[index % len(bases)])
        _case_records(case)
        new_cases.append(case)
    add_demo_activities(new_cases)


def _measures(case: Case, codes: list[str]) -> None:
    """The demo case's legal basis: a measure per paragraph, decided and starting when the case
    became active (a referral's, at the referral), open-ended."""
    start = case.activated_on or case.referred_on
    Measure.objects.bulk_create(
        Measure(case=case, paragraph=code, decided_on=start, starts_on=start) for code in codes
    )


INVESTIGATION_BASIS = {"SoL 11:1", "BL §20", "SEL §50"}
INVESTIGATION_DAYS = 100  # a finished demo investigation took about three months
UNDECIDED_DAYS = dt.timedelta(days=60)  # referrals younger than this wait for the decision


def _investigation(
    basis: list[str], referred_on: dt.date, today: dt.date, responsible: User
) -> dict:
    """A mix of investigations: in Sweden the recent referrals still wait for the decision
    whether to open one (SoL 11 kap. 1 a §; overdue by weeks), of the older ones some were
    decided not to be opened and the rest were opened; in Denmark every §20 case has its
    investigation started. An investigation started longer ago than it takes is finished."""
    if not INVESTIGATION_BASIS & set(basis):
        return {}
    facts: dict = {}
    start = referred_on + dt.timedelta(days=5)
    if "SoL 11:1" in basis:
        if referred_on > today - UNDECIDED_DAYS:
            return {}
        opened = (today - referred_on).days % 5 in (1, 2, 3)  # spread by the referral's age
        facts = {
            "investigation_decided_on": start,
            "investigation_opened": opened,
            "investigation_decided_by": responsible,
        }
        if not opened:
            return facts
    facts["investigation_started_on"] = start
    finished = start + dt.timedelta(days=INVESTIGATION_DAYS)
    if finished < today:
        facts["investigation_finished_on"] = finished
    return facts


def _team_for(organisation, teams, index):
    if organisation.jurisdiction == Jurisdiction.DENMARK:
        # Most Danish families belong to the demo worker's team, Handicaprådgivning Nord.
        north = next(t for t in teams if t.name == "Handicaprådgivning Nord")
        return north if index % 4 != 3 else next(t for t in teams if t is not north)
    return teams[index % len(teams)]


def _people_for(workers: list[User], index: int, nth: int) -> tuple[User, User | None]:
    """The demo worker is responsible for two cases in three, with the demo buddy on half; in
    other teams the workers take the team's cases in turn (`nth` counts the team's cases)."""
    by_name = {w.username: w for w in workers}
    if "worker" in by_name and "buddy" in by_name:
        if index % 3 != 2:
            return by_name["worker"], by_name["buddy"] if index % 2 == 0 else None
        return by_name["buddy"], by_name["worker"]
    responsible = workers[nth % len(workers)]
    others = [w for w in workers if w != responsible]
    return responsible, (others[nth % len(others)] if others and nth % 3 == 0 else None)


def _case_records(case: Case) -> None:
    """Every demo case gets a shared plan, a Signs of Safety mapping and a network."""
    from samspel.assessments.demo import add_demo_mapping
    from samspel.network.demo import add_demo_network
    from samspel.plans.demo import add_demo_plan

    add_demo_plan(case, case.responsible)
    add_demo_mapping(case, case.responsible)
    add_demo_network(case)
