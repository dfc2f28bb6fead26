"""The demo world. Deterministic (seeded Faker) so that running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from faker import Faker

from samspel.accounts.models import Role, User
from samspel.demo.calendar_demo import add_demo_calendar
from samspel.demo.cases_demo import add_demo_cases
from samspel.demo.followup_demo import recompute_demo
from samspel.demo.world import DANISH_ORG, ORGANISATIONS, PERSONAS, SWEDISH_ORG, TEAMS
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.recompute import deferred
from samspel.organisations.models import Jurisdiction, Membership, Organisation, Team

DEMO_PASSWORD = "demo"  # noqa: S105 - demo mode only; the command refuses production
FAMILIES_PER_ORGANISATION = 30
# A child who is 17 turned 17 in the last four months: the transition to adult services is due
# three months after the birthday, so the demo's are upcoming or overdue by weeks, not months.
SEVENTEEN_FOR_AT_MOST = 120

__all__ = ["DANISH_ORG", "DEMO_PASSWORD", "FAMILIES_PER_ORGANISATION", "SWEDISH_ORG", "build_demo"]


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
            add_demo_cases(organisation)
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
            if role == PersonRole.CHILD and age == 17:
                extra_days %= SEVENTEEN_FOR_AT_MOST
            Person.objects.create(
                family=family,
                role=role,
                first_name=first_name,
                last_name=last_name,
                birth_date=today - dt.timedelta(days=age * 365 + extra_days),
            )
