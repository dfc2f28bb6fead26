"""Demo follow-up history: the held activities of each active case since its start, mostly on
time and some late, ending where samspel.demo.history says, so that worklists and compliance
charts show realistic data (a handful overdue by days or weeks, some due soon, most ahead).
The foster homes' evaluations of the consultant's support are part of it. Deterministic: the
same case number and place give the same history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from samspel.activities.models import Activity, ActivityKind, ActivityStatus, Context
from samspel.cases.models import Case, CaseStatus
from samspel.demo.history import DemoCase, due_in, held_dates
from samspel.demo.legal_basis import legal_basis_of
from samspel.followup.models import SupportEvaluation
from samspel.followup.recompute import recompute_cases
from samspel.organisations import programmes
from samspel.programmes.definitions import Duration

WEEK, MONTH = Duration(1, "weeks"), Duration(1, "months")
# The held activity that counts as the programme's follow-up, where it happens, how often (the
# programme data's cadence where it has one; elsewhere how often the demo's workers meet).
FOLLOW_UP = {
    programmes.TOGETHER_FOR_THE_FAMILY: (ActivityKind.FOLLOW_UP_MEETING, Context.HOME, None),
    programmes.FOSTER_HOME_PROCESS: (ActivityKind.HOME_VISIT, Context.HOME, WEEK),
    programmes.BFAMILY: (ActivityKind.HOME_VISIT, Context.HOME, Duration(2, "weeks")),
    programmes.FIFA: (ActivityKind.CONTACT_VISIT, Context.NEUTRAL, MONTH),
    programmes.FAMILY_NAVIGATOR: (ActivityKind.HOME_VISIT, Context.HOME, MONTH),
}
# Sammen om familien: every 6 weeks with a child-professional paragraph, else every 3 months.
CHILD_PROFESSIONAL = {"SEL §50", "SEL §52", "BL §20", "BL §32"}
# Where the programme's cadence is a due item, one case in four of a worker is overdue on it.
CADENCE_RULES = {programmes.TOGETHER_FOR_THE_FAMILY, programmes.FOSTER_HOME_PROCESS}
FOSTER_HOME_FOLLOW_UP_OVERDUE = 2  # the slots of samspel.demo.history.due_in
EVALUATION_OVERDUE = 1
EVALUATION_EVERY = Duration(3, "months")  # process-i-rorelse: the foster home evaluates


def _every(case: Case, every: Duration | None) -> Duration:
    if every is not None:
        return every
    if CHILD_PROFESSIONAL & set(legal_basis_of(case)):
        return Duration(6, "weeks")
    return Duration(3, "months")


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


def _next_follow_up(demo: DemoCase, every: Duration, today: dt.date) -> dt.date:
    """When the case's next follow-up falls due: by the worker's slots where the programme
    makes it a due item; elsewhere within its own interval."""
    case = demo.case
    if case.programme in CADENCE_RULES:
        overdue_slot = (
            FOSTER_HOME_FOLLOW_UP_OVERDUE if case.programme == programmes.FOSTER_HOME_PROCESS else 0
        )
        return today + dt.timedelta(days=due_in(demo, every, overdue_slot))
    return today + dt.timedelta(days=1 + demo.seed % max(1, every.approximate_days()))


def demo_activities(demo: DemoCase, today: dt.date) -> list[Activity]:
    """The case's history from its start: the first talks, then the follow-ups about every
    interval (every fourth one late) up to the last one, an SMS now and then."""
    case = demo.case
    start = case.activated_on
    if case.status != CaseStatus.ACTIVE or start is None:
        return []
    kind, context, every = FOLLOW_UP.get(case.programme, FOLLOW_UP[programmes.FIFA])
    every = _every(case, every)
    activities = _start_activities(case, start, today)
    first_talk = start + dt.timedelta(days=3)  # the startup talk starts the cadence
    dates = held_dates(first_talk, _next_follow_up(demo, every, today), every, demo.seed)
    for period, on in enumerate(dates):
        minutes = 45 + (demo.seed + period) % 4 * 15
        activities.append(_held(case, kind, context, on, minutes))
        if period % 3 == 1:
            activities.append(_held(case, ActivityKind.SMS, Context.PHONE, on - dt.timedelta(2), 5))
    return activities


def demo_evaluations(demo: DemoCase, today: dt.date) -> list[SupportEvaluation]:
    """En process i rörelse: the foster home evaluates the consultant's support about every
    three months, as the consultant records it on the case page."""
    case = demo.case
    if case.programme != programmes.FOSTER_HOME_PROCESS or case.activated_on is None:
        return []
    next_due = today + dt.timedelta(days=due_in(demo, EVALUATION_EVERY, EVALUATION_OVERDUE))
    dates = held_dates(case.activated_on, next_due, EVALUATION_EVERY, demo.seed, late=False)
    return [
        SupportEvaluation(case=case, evaluated_on=on, recorded_by=case.responsible) for on in dates
    ]


def add_demo_activities(demos: Iterable[DemoCase], extra: Iterable[Activity] = ()) -> None:
    """Held activities (with `extra`, e.g. the placements' considerations) and evaluations for
    new demo cases: call once, when the cases are made."""
    today = timezone.localdate()
    demos = list(demos)
    Activity.objects.bulk_create(
        [*(activity for demo in demos for activity in demo_activities(demo, today)), *extra]
    )
    SupportEvaluation.objects.bulk_create(
        evaluation for demo in demos for evaluation in demo_evaluations(demo, today)
    )


def recompute_demo(organisation) -> None:
    cases = list(organisation.cases.select_related("organisation"))
    recompute_cases(cases)
