"""The demo's cases: one per family, spread over the teams, opened, activated and decided on
through the case write path (samspel.cases.services), so that the audit log and the due items
come about as in the app. Every date counts back from the day the demo is seeded: a referral is
days old, an active case months, a family-home placement up to about three years."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils import timezone

from samspel.accounts.models import Role, User
from samspel.assessments.demo import add_demo_mapping
from samspel.cases.models import ANSWERING_ROLES, Case, CaseStatus, SupportAnswer
from samspel.cases.services import (
    change_status,
    open_case,
    record_adult_answers,
    record_investigation,
    record_investigation_decision,
)
from samspel.demo.followup_demo import add_demo_activities
from samspel.demo.history import REFERRED_BEFORE_START, SLOTS, DemoCase
from samspel.demo.legal_basis import decide_legal_basis, legal_basis_of
from samspel.demo.placements_demo import add_demo_placements
from samspel.demo.world import caseload_holder
from samspel.families.models import PersonRole
from samspel.network.demo import add_demo_network
from samspel.organisations import programmes
from samspel.organisations.models import Jurisdiction, Organisation, Team
from samspel.plans.demo import add_demo_plan

# The legal bases of each working model's cases, in turn over each worker's cases.
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
    programmes.FIFA: [["SoL 11:1"], ["SoL 4:1"]],
    programmes.FAMILY_NAVIGATOR: [["SoL 4:1", "SoL 11:1"], ["SoL 4:1"]],
}

# Days since each active case of a team started, by its place in the team (cycled; the team's
# caseload holder takes the even places). Family-home cases count from the child's placement:
# 725 days is two years less a few, so the custody-transfer consideration is due within the
# week; 745 is two years and a fortnight, so it is overdue by about two weeks. B'family's 95 is
# a case past the two months of its Allians phase; FIFA's 40 and 22 still miss answers.
AGES = {
    programmes.FOSTER_HOME_PROCESS: (725, 0, 400, 1010, 60, 745, 250, 540),
    programmes.BFAMILY: (95, 160, 200, 50, 24, 320, 28, 130),
    programmes.FIFA: (40, 12, 115, 22, 260, 70, 110, 190),
    programmes.FAMILY_NAVIGATOR: (130, 150, 55, 300, 30, 200, 45, 400),
}
# A family-home case older than two years and a month began two weeks after the placement, and
# its care plan (written when the case began) is the revision SoL 6:8 asks for at two years.
REVISED_CARE_PLAN_AFTER = 760
REVISED_CARE_PLAN_GAP = dt.timedelta(days=14)


def _age(programme: str, nth: int) -> int:
    ages = AGES.get(programme)
    return ages[nth % len(ages)] if ages else 30 + (nth * 41) % 500


def _referral_age(nth: int) -> int:
    """A referral waiting for its first contact is days old (3 to 18)."""
    return 3 + (nth * 5) % 16


def add_demo_cases(organisation: Organisation) -> None:
    """One case per demo family without one, with its plan, mapping, network, investigation,
    placements, FIFA answers and follow-up history."""
    teams = list(organisation.teams.order_by("name"))
    today = timezone.localdate()
    families = organisation.families.filter(cases__isnull=True).order_by("name")
    demos: list[DemoCase] = []
    nth_in_team: dict[int, int] = defaultdict(lambda: -1)
    k_of_worker: dict[int, int] = defaultdict(lambda: -1)
    for index, family in enumerate(families):
        team = _team_for(organisation, teams, index)
        nth_in_team[team.pk] += 1
        nth = nth_in_team[team.pk]
        responsible, buddy = _people_for(organisation, team, index, nth)
        k_of_worker[responsible.pk] += 1
        k = k_of_worker[responsible.pk]
        referred_on, started_on = _dates(team.programme, nth, index % 7 == 6, today)
        case = open_case(
            family,
            by=responsible,
            focus_children=family.persons.filter(role=PersonRole.CHILD),
            programme=team.programme,
            team=team,
            responsible=responsible,
            buddy=buddy,
            referred_on=referred_on,
        )
        bases = LEGAL_BASES[team.programme]
        decide_legal_basis(case, bases[k % len(bases)], starts_on=started_on, by=responsible)
        demo = DemoCase(case, nth, k)
        if started_on > referred_on:
            change_status(case, by=responsible, status=CaseStatus.ACTIVE, on=started_on)
            _phase(demo, today)
        _investigate(demo, today)
        _case_records(case)
        _answer(demo, today)
        demos.append(demo)
    considerations = add_demo_placements(demos, today)
    add_demo_activities(demos, considerations)


def _dates(programme: str, nth: int, referral: bool, today: dt.date) -> tuple[dt.date, dt.date]:
    """(referred on, started on) of a case: a referral starts on its referral day (it is not
    active yet); an active case was referred ten days before it started."""
    if referral:
        referred_on = today - dt.timedelta(days=_referral_age(nth))
        return referred_on, referred_on
    started_on = today - dt.timedelta(days=_age(programme, nth))
    referred_on = started_on - REFERRED_BEFORE_START
    old = started_on < today - dt.timedelta(days=REVISED_CARE_PLAN_AFTER)
    if programme == programmes.FOSTER_HOME_PROCESS and old:
        started_on += REVISED_CARE_PLAN_GAP  # the age was the placement's
    return referred_on, started_on


# B'family: about 25 days in Uppstart, about 50 in Allians; a worker's case in the first slot
# has stayed in Allians past its two months (by a month at most): nobody has moved it on.
UPPSTART_DAYS, ALLIANS_DAYS, STUCK_IN_ALLIANS_UNTIL = 25, 50, 125


def _phase(demo: DemoCase, today: dt.date) -> None:
    """Where a B'family case is in its phases, as the phase panel would have moved it."""
    case = demo.case
    if case.programme != programmes.BFAMILY or case.activated_on is None:
        return
    age = (today - case.activated_on).days
    if age < UPPSTART_DAYS:
        return
    stuck = demo.k % SLOTS == 0 and age < STUCK_IN_ALLIANS_UNTIL
    if age < UPPSTART_DAYS + ALLIANS_DAYS or stuck:
        phase, days = "allians", UPPSTART_DAYS
    else:
        phase, days = "forandring", UPPSTART_DAYS + ALLIANS_DAYS
    case.phase, case.phase_started_on = phase, case.activated_on + dt.timedelta(days=days)
    case.save(update_fields=["phase", "phase_started_on", "updated_at"])


INVESTIGATION_BASIS = {"SoL 11:1", "BL §20", "SEL §50"}
INVESTIGATION_DAYS = 100  # a finished demo investigation took about three months ...
OVERRUN_DAYS = 140  # ... except on a worker's case in the first slot, which runs over
UNDECIDED_DAYS = dt.timedelta(days=30)  # Swedish referrals younger than this wait for it


def _investigate(demo: DemoCase, today: dt.date) -> None:
    """In Sweden the recent referrals still wait for the decision whether to open an
    investigation (SoL 11 kap. 1 a §), of the older ones one in three was decided not to be
    opened and the rest were opened; in Denmark every §20 case has its investigation started.
    An investigation started longer ago than it takes is finished."""
    case = demo.case
    if not INVESTIGATION_BASIS & set(legal_basis_of(case)):
        return
    start = min(case.referred_on + dt.timedelta(days=5), today)
    if case.organisation.jurisdiction == Jurisdiction.SWEDEN:
        if case.referred_on > today - UNDECIDED_DAYS:
            return
        opened = demo.nth % 3 != 1
        record_investigation_decision(
            case, by=case.responsible, decided_on=start, opened=opened, today=today
        )
        if not opened:
            return
    takes = OVERRUN_DAYS if demo.k % SLOTS == 0 else INVESTIGATION_DAYS
    finished = start + dt.timedelta(days=takes)
    record_investigation(
        case,
        by=case.responsible,
        started_on=start,
        finished_on=finished if finished < today else None,
        today=today,
    )


FIFA_ANSWERS_DAYS = 50  # an older FIFA case has every adult's two answers


def _answer(demo: DemoCase, today: dt.date) -> None:
    """FIFA's two answers of each adult, as the worker records them on the case page: every
    adult of an older case has both; a case younger than a fortnight has none yet; in between,
    the first adult has answered about the children and the offer of support is still due."""
    case = demo.case
    if case.programme != programmes.FIFA or case.activated_on is None:
        return
    age = (today - case.activated_on).days
    parents = list(case.family.persons.filter(role__in=ANSWERING_ROLES).order_by("pk"))
    asked = case.activated_on + dt.timedelta(days=2)
    offered = case.activated_on + dt.timedelta(days=9)
    if age < 14 or not parents:
        return
    if age < FIFA_ANSWERS_DAYS:
        record_adult_answers(case, parents[0], by=case.responsible, **_asked(asked))
        return
    for n, person in enumerate(parents):
        record_adult_answers(
            case,
            person,
            by=case.responsible,
            **_asked(asked),
            parenting_support_offered_on=offered,
            support_answer=SupportAnswer.ACCEPTED if n % 2 == 0 else SupportAnswer.THINKING,
        )


def _asked(on: dt.date) -> dict:
    return {
        "asked_about_children_on": on,
        "children_answer": "Barnen bor hos mormor i veckorna och mår bra, säger hen.",
    }


def _team_for(organisation, teams, index):
    if organisation.jurisdiction == Jurisdiction.DENMARK:
        # Most Danish families belong to the demo worker's team, Handicaprådgivning Nord.
        north = next(t for t in teams if t.name == "Handicaprådgivning Nord")
        return north if index % 4 != 3 else next(t for t in teams if t is not north)
    return teams[index % len(teams)]


def _people_for(organisation, team: Team, index: int, nth: int) -> tuple[User, User | None]:
    """The demo worker is responsible for two cases in three, with the demo buddy on half; a
    team's caseload holder (world.DemoUser.caseload) takes every other case of the team; the
    other workers take the team's cases in turn (`nth` counts the team's cases)."""
    workers = list(team.members.filter(role=Role.WORKER).order_by("username")) or list(
        team.members.order_by("username")
    )
    by_name = {w.username: w for w in workers}
    if "worker" in by_name and "buddy" in by_name:
        if index % 3 != 2:
            return by_name["worker"], by_name["buddy"] if index % 2 == 0 else None
        return by_name["buddy"], by_name["worker"]
    holder = by_name.get(caseload_holder(organisation.name, team.name) or "")
    if holder is not None:
        others = [w for w in workers if w != holder] or [holder]
        if nth % 2 == 0:
            return holder, (others[nth // 2 % len(others)] if nth % 3 == 0 else None)
        responsible = others[nth // 2 % len(others)]
        return responsible, (holder if nth % 3 == 0 else None)
    responsible = workers[nth % len(workers)]
    others = [w for w in workers if w != responsible]
    return responsible, (others[nth % len(others)] if others and nth % 3 == 0 else None)


def _case_records(case: Case) -> None:
    """Every demo case gets a shared plan, a Signs of Safety mapping and a network."""
    add_demo_plan(case, case.responsible)
    add_demo_mapping(case, case.responsible)
    add_demo_network(case)
