"""A realistic shared plan for a demo case, in the organisation's language and goal-area
framework. Built through the same versioned saves as the pages, so its history is real."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samspel.families.models import PersonRole
from samspel.organisations import programmes
from samspel.plans.models import (
    AssessedBy,
    CoordinationResponsibility,
    Coordinator,
    Goal,
    Plan,
    PlanChange,
    PlanKind,
    Progress,
    ResponsibleParty,
    SubGoal,
)
from samspel.plans.versioning import create_plan, plan_change

KIND_BY_PROGRAMME = {
    programmes.FOSTER_HOME_PROCESS: PlanKind.CARE_PLAN,
    programmes.TOGETHER_FOR_THE_FAMILY: PlanKind.CHILD_PLAN,
}

FAMILY, WORKER, ACTOR = ResponsibleParty.FAMILY, ResponsibleParty.WORKER, ResponsibleParty.ACTOR

# Each goal: text, goal areas, responsible, actor; each sub-goal: what, indicator, days from the
# start to the target date, responsible, actor, progress as (days from the start, value).
CONTENT = {
    "SE": {
        "names": {"child": "barnet", "parent": "föräldern"},
        "title": "Gemensam plan för {child}",
        "agreed_by": "{parent} och {child}",
        "agreement": "Vi vill att mornarna blir lugnare och att {child} trivs i skolan.",
        "long_term": (
            "{child} har en trygg och stabil vardag och går i skolan varje dag.",
            ["bbic-education", "bbic-stability"],
            FAMILY,
            "",
        ),
        "short_term": [
            (
                "{child} kommer till skolan i tid minst fyra dagar i veckan.",
                ["bbic-education"],
                FAMILY,
                "",
                [
                    (
                        "En morgonrutin med väckning 07.00 och gemensam frukost.",
                        "Antal dagar i veckan som {child} är i skolan före 08.15 "
                        "(skolans närvaroregistrering).",
                        90,
                        FAMILY,
                        "",
                        [(14, 3), (42, 5), (70, 6)],
                    ),
                    (
                        "Mentorn och familjen stämmer av närvaron varje fredag.",
                        "Avstämningen är gjord fyra fredagar i rad.",
                        60,
                        ACTOR,
                        "Ekens skola, mentor",
                        [(30, 4), (58, 8)],
                    ),
                ],
            ),
            (
                "Föräldrarna och {child} har färre konflikter vid läggdags.",
                ["bbic-guidance", "bbic-emotional-warmth"],
                WORKER,
                "",
                [
                    (
                        "Föräldrarna prövar Trygghetscirkelns förhållningssätt vid läggningen.",
                        "Föräldrarnas skattning av kvällarna i veckodagboken.",
                        120,
                        WORKER,
                        "",
                        [(21, 2), (63, 4)],
                    ),
                ],
            ),
        ],
        "coordination": [
            ("Ekens skola", Coordinator.FAMILY, "Frånvaro och mentorssamtal."),
            ("BUP Linköping", Coordinator.WORKER, "Före och efter varje behandlingsbesök."),
        ],
    },
    "DK": {
        "names": {"child": "barnet", "parent": "forælderen"},
        "title": "Barnets plan for {child}",
        "agreed_by": "{parent} og {child}",
        "agreement": "Vi er enige i planen. Det vigtigste for os er, at {child} trives i skolen.",
        "long_term": (
            "{child} trives i hverdagen og er en del af fællesskabet i skolen.",
            ["ics-school", "ics-friendships-leisure"],
            FAMILY,
            "",
        ),
        "short_term": [
            (
                "{child} deltager i skolens aktiviteter med den rette støtte.",
                ["ics-school"],
                WORKER,
                "",
                [
                    (
                        "Støtte i frikvartererne aftales med skolen.",
                        "Antal frikvarterer om ugen, hvor {child} leger med andre "
                        "(skolens registrering).",
                        90,
                        ACTOR,
                        "Skolen, klasselærer",
                        [(14, 2), (45, 5), (75, 7)],
                    ),
                    (
                        "Familien får aflastning en weekend om måneden (§ 84).",
                        "Aflastningsweekender gennemført som aftalt.",
                        120,
                        WORKER,
                        "",
                        [(35, 5)],
                    ),
                ],
            ),
            (
                "Familien oplever mindre belastning i hverdagen.",
                ["ics-family-relations", "ics-network"],
                FAMILY,
                "",
                [
                    (
                        "Forældrene beder netværket om hjælp med søskende to gange om ugen.",
                        "Forældrenes egen vurdering af hverdagens belastning.",
                        120,
                        FAMILY,
                        "",
                        [(21, 3), (60, 5)],
                    ),
                ],
            ),
        ],
        "coordination": [
            ("Skolen", Coordinator.FAMILY, "Den daglige kontakt om trivsel og fravær."),
            ("PPR", Coordinator.WORKER, "Udtalelse før hvert opfølgningsmøde."),
        ],
    },
}


def _names(case, defaults: dict[str, str]) -> dict[str, str]:
    persons = case.family.persons
    child = case.focus_children.first() or persons.filter(role=PersonRole.CHILD).first()
    parent = persons.filter(role__in=[PersonRole.PARENT, PersonRole.FOSTER_PARENT]).first()
    return {
        "child": child.first_name if child else defaults["child"],
        "parent": parent.first_name if parent else defaults["parent"],
    }


def _fill(text: str, names: dict[str, str]) -> str:
    return text.format(**names)


def _add_goals(plan: Plan, content: dict, names: dict[str, str], author) -> list:
    text, areas, party, actor = content["long_term"]
    with plan_change(plan, plan.version, author, PlanChange.GOAL_ADDED):
        long_term = Goal.objects.create(
            plan=plan,
            text=_fill(text, names),
            goal_areas=areas,
            responsible_party=party,
            responsible_actor=actor,
        )
    short_term = []
    for text, areas, party, actor, sub_goals in content["short_term"]:
        with plan_change(plan, plan.version, author, PlanChange.GOAL_ADDED):
            goal = Goal.objects.create(
                plan=plan,
                parent=long_term,
                text=_fill(text, names),
                goal_areas=areas,
                responsible_party=party,
                responsible_actor=actor,
            )
        short_term.append((goal, sub_goals))
    return short_term


def _add_sub_goals(plan: Plan, short_term: list, names: dict[str, str], author) -> None:
    today = timezone.localdate()
    for goal, sub_goals in short_term:
        for what, indicator, days, party, actor, ratings in sub_goals:
            with plan_change(plan, plan.version, author, PlanChange.SUBGOAL_ADDED):
                sub_goal = SubGoal.objects.create(
                    goal=goal,
                    what=_fill(what, names),
                    indicator=_fill(indicator, names),
                    target_date=plan.starts_on + dt.timedelta(days=days),
                    responsible_party=party,
                    responsible_actor=actor,
                )
            for offset, value in ratings:
                on = plan.starts_on + dt.timedelta(days=offset)
                if on <= today:
                    Progress.objects.create(
                        sub_goal=sub_goal,
                        on=on,
                        value=value,
                        assessed_by=AssessedBy.TOGETHER,
                        recorded_by=author,
                    )


def _add_coordination_and_agreement(plan: Plan, content: dict, names, author) -> None:
    with plan_change(plan, plan.version, author, PlanChange.COORDINATION_ADDED):
        for actor, coordinator, note in content["coordination"]:
            CoordinationResponsibility.objects.create(
                plan=plan, actor=actor, coordinator=coordinator, note=note
            )
    agreed_on = plan.starts_on + dt.timedelta(days=7)
    if agreed_on > timezone.localdate():
        return
    with plan_change(plan, plan.version, author, PlanChange.AGREED):
        plan.agreed_on = agreed_on
        plan.agreed_by = _fill(content["agreed_by"], names)
        plan.agreement_text = _fill(content["agreement"], names)
        plan.agreed_version = plan.version
        plan.save(update_fields=["agreed_on", "agreed_by", "agreement_text", "agreed_version"])


def add_demo_plan(case, author) -> Plan:
    """A plan with a long-term goal, two short-term goals, three sub-goals with progress, two
    coordination responsibilities and the family's agreement. Running it twice adds nothing."""
    jurisdiction = case.organisation.jurisdiction
    content = CONTENT.get(jurisdiction, CONTENT["SE"])
    names = _names(case, content["names"])
    title = _fill(content["title"], names)
    existing = case.plans.filter(title=title).first()
    if existing is not None:
        return existing
    # A Danish organisation's plans are barnets plan / handleplan (programmes.vocabulary).
    other = PlanKind.CHILD_PLAN if jurisdiction == "DK" else PlanKind.IMPLEMENTATION_PLAN
    kind = KIND_BY_PROGRAMME.get(case.programme, other)
    starts_on = case.activated_on or case.referred_on
    plan = create_plan(case, author, kind=kind, title=title, starts_on=starts_on)
    short_term = _add_goals(plan, content, names, author)
    _add_sub_goals(plan, short_term, names, author)
    _add_coordination_and_agreement(plan, content, names, author)
    return plan
