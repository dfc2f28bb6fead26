"""Demo follow-up history: held activities over the past months, mostly on time, some late and
some cases left overdue, so that worklists and compliance charts show realistic data.
Deterministic: the same case number gives the same history."""

from __future__ import annotations

import datetime as dt
import zlib

from django.utils import timezone

from samspel.activities.models import Activity, ActivityKind, ActivityStatus, Context
from samspel.cases.models import ANSWERING_ROLES, AdultAnswers, Case, CaseStatus, SupportAnswer
from samspel.followup.recompute import recompute_cases
from samspel.organisations import programmes

# The held activity that counts as the programme's follow-up, where it happens, how often.
FOLLOW_UP = {
    programmes.TOGETHER_FOR_THE_FAMILY: (ActivityKind.FOLLOW_UP_MEETING, Context.HOME, 42),
    programmes.FOSTER_HOME_PROCESS: (ActivityKind.HOME_VISIT, Context.HOME, 7),
    programmes.BFAMILY: (ActivityKind.HOME_VISIT, Context.HOME, 14),
    programmes.FIFA: (ActivityKind.CONTACT_VISIT, Context.NEUTRAL, 30),
    programmes.FAMILY_NAVIGATOR: (ActivityKind.HOME_VISIT, Context.HOME, 30),
}
CHILD_PROFESSIONAL = {"SEL §50", "SEL §52", "BL §20", "BL §32"}


def _interval(case: Case, every: int) -> int:
    if case.programme == programmes.TOGETHER_FOR_THE_FAMILY:
        basis = {measure.paragraph for measure in case.measures.all()}
        return 42 if CHILD_PROFESSIONAL & basis else 91
    return every


def _held(case: Case, kind: str, context: str, on: dt.date, minutes: int) -> Activity:
    return Activity(
        case=case,
        kind=kind,
        context=context,
        status=ActivityStatus.HELD,
        held_on=on,
        minutes=minutes,
        created_by=case.responsible,
    )


def _start_activities(case: Case, start: dt.date, today: dt.date) -> list[Activity]:
    firsts = [
        (ActivityKind.STARTUP_TALK, Context.HOME, 3),
        (ActivityKind.CHILD_CONVERSATION, Context.HOME, 12),
        (ActivityKind.NETWORK_MEETING, Context.OFFICE, 25),
    ]
    return [
        _held(case, kind, context, start + dt.timedelta(days=days), 60)
        for kind, context, days in firsts
        if start + dt.timedelta(days=days) < today
    ]


def demo_activities(case: Case, today: dt.date) -> list[Activity]:
    """The case's history from its start: follow-ups about every interval, every fourth one
    late, an SMS now and then; one case in three stopped short, so it is overdue today."""
    start = case.activated_on
    if case.status != CaseStatus.ACTIVE or start is None:
        return []
    seed = zlib.crc32(case.number.encode())
    kind, context, every = FOLLOW_UP.get(case.programme, FOLLOW_UP[programmes.FIFA])
    interval = _interval(case, every)
    overdue = seed % 3 == 0
    stop = today - dt.timedelta(days=interval + 5 + seed % 20) if overdue else today
    activities = _start_activities(case, start, today)
    on, period = start, 0
    while True:
        late = period % 4 == 3
        on += dt.timedelta(days=interval + (3 + seed % 10 if late else -(1 + seed % 3)))
        if on >= stop:
            break
        minutes = 45 + (seed + period) % 4 * 15
        activities.append(_held(case, kind, context, on, minutes))
        if period % 3 == 1:
            activities.append(_held(case, ActivityKind.SMS, Context.PHONE, on - dt.timedelta(2), 5))
        period += 1
    return activities


def add_demo_activities(cases: list[Case]) -> None:
    """Held activities for new demo cases (call once, when the cases are made), and FIFA's
    answers of the adults on some active FIFA cases (demo_adult_answers)."""
    today = timezone.localdate()
    Activity.objects.bulk_create(
        activity for case in cases for activity in demo_activities(case, today)
    )
    AdultAnswers.objects.bulk_create(
        answers for case in cases for answers in demo_adult_answers(case, today)
    )


def demo_adult_answers(case: Case, today: dt.date) -> list[AdultAnswers]:
    """FIFA's answers on an active FIFA case, by its number (deterministic): a third of the
    cases have every parent's two answers, a third the first parent's answer about the children
    only (the offer of support still due), a third nothing yet."""
    if case.programme != programmes.FIFA or not case.activated_on:
        return []
    parents = list(case.family.persons.filter(role__in=ANSWERING_ROLES).order_by("pk"))
    share = zlib.crc32(case.number.encode()) % 3
    if share == 2 or not parents:
        return []
    asked = min(case.activated_on + dt.timedelta(days=2), today)
    offered = min(case.activated_on + dt.timedelta(days=9), today)
    if share == 1:
        return [AdultAnswers(case=case, person=parents[0], **_asked(asked))]
    return [
        AdultAnswers(
            case=case,
            person=person,
            **_asked(asked),
            parenting_support_offered_on=offered,
            support_answer=SupportAnswer.ACCEPTED if n % 2 == 0 else SupportAnswer.THINKING,
        )
        for n, person in enumerate(parents)
    ]


def _asked(on: dt.date) -> dict:
    return {
        "asked_about_children_on": on,
        "children_answer": "Barnen bor hos mormor i veckorna och mår bra, säger hen.",
    }


def recompute_demo(organisation) -> None:
    cases = list(organisation.cases.select_related("organisation"))
    recompute_cases(cases)
