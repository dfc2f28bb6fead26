"""A realistic Signs of Safety mapping for a demo case: statements in the case's language and
a safety scale rated by the worker, a parent and the focus child over a few dates."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from samspel.assessments.models import (
    Mapping,
    ParticipantRole,
    SafetyRating,
    Statement,
    StatementCategory,
)
from samspel.cases.models import Case
from samspel.families.models import PersonRole
from samspel.organisations.models import Jurisdiction

C = StatementCategory
STATEMENTS = {
    Jurisdiction.SWEDEN: [
        (C.HARM, "{child} har flera gånger varit ensam hemma på kvällen när {parent} druckit."),
        (C.HARM, "Skolan har berättat att {child} kommit utan frukost och varit trött i höst."),
        (
            C.DANGER_STATEMENT,
            "Vi är oroliga att {child} lämnas utan tillsyn igen om {parent} börjar dricka, "
            "och att ingen nykter vuxen då finns nära.",
        ),
        (
            C.COMPLICATING_FACTORS,
            "{parent} har nyligen förlorat sitt arbete; familjen har skulder.",
        ),
        (C.COMPLICATING_FACTORS, "Familjen har få vuxna omkring sig i staden."),
        (C.EXISTING_STRENGTHS, "{parent} tar emot hjälp och kommer till alla bokade möten."),
        (C.EXISTING_STRENGTHS, "{child} har en nära relation till sin mormor."),
        (
            C.EXISTING_SAFETY,
            "Mormor har de senaste två månaderna hämtat {child} på fredagar; "
            "{child} sover hos henne när det behövs.",
        ),
        (
            C.SAFETY_GOAL,
            "Alla i nätverket vet att {child} har en nykter vuxen hos sig varje kväll.",
        ),
        (C.NEXT_STEPS, "Nätverksmöte med mormor, skolan och {parent} inom två veckor."),
        (C.NEXT_STEPS, "{parent} bokar en tid på beroendemottagningen före nästa möte."),
    ],
    Jurisdiction.DENMARK: [
        (
            C.HARM,
            "To gange i efteråret har skolen set blå mærker på armene hos {child} "
            "efter en weekend, hvor {parent} var alene og meget presset.",
        ),
        (
            C.DANGER_STATEMENT,
            "Vi er bekymrede for, at {child} igen kommer til skade, hvis {parent} står alene "
            "med plejen uden aflastning.",
        ),
        (
            C.COMPLICATING_FACTORS,
            "{child} sover dårligt og har brug for hjælp flere gange hver nat.",
        ),
        (C.COMPLICATING_FACTORS, "Aflastningstilbuddet har venteliste til foråret."),
        (
            C.EXISTING_STRENGTHS,
            "{parent} kender {child} godt og ved, hvad der hjælper, når {child} bliver urolig.",
        ),
        (C.EXISTING_STRENGTHS, "Familien har et godt samarbejde med skolens pædagog."),
        (
            C.EXISTING_SAFETY,
            "Morfar har de sidste seks uger overtaget to aftener om ugen, så {parent} kan sove.",
        ),
        (
            C.SAFETY_GOAL,
            "Alle omkring {child} ved, at {parent} aldrig står alene med plejen mere end to døgn.",
        ),
        (C.NEXT_STEPS, "Netværksmøde med morfar, skolen og rådgiveren inden for 14 dage."),
        (C.NEXT_STEPS, "Rådgiveren undersøger midlertidig aflastning, indtil der er plads."),
    ],
}
FALLBACK_NAMES = {
    Jurisdiction.SWEDEN: ("barnet", "föräldern"),
    Jurisdiction.DENMARK: ("barnet", "forælderen"),
}
COMMENTS = {
    Jurisdiction.SWEDEN: (
        "Kvällarna är det stora orosmomentet.",
        "Mormor är nu en fast del av planen.",
    ),
    Jurisdiction.DENMARK: (
        "Nætterne er det store bekymringspunkt.",
        "Morfar er nu en fast del af planen.",
    ),
}
# The scale moves up as the safety plan takes hold: worker, parent, child.
VALUES = ((3, 4, 5, 6), (5, 6, 6, 7), (4, 4, 6, 7))


def rating_dates(start: dt.date, today: dt.date, count: int = 4) -> list[dt.date]:
    """Up to `count` dates spread evenly from start to today, without repeats."""
    span = max((today - start).days, 0)
    return sorted({start + dt.timedelta(days=round(span * i / (count - 1))) for i in range(count)})


def _raters(case: Case, author) -> list[dict]:
    persons = list(case.family.persons.all())
    parent = next((p for p in persons if p.role == PersonRole.PARENT), None)
    child = case.focus_children.first() or next(
        (p for p in persons if p.role == PersonRole.CHILD), None
    )
    raters = [{"role": ParticipantRole.WORKER, "name": author.get_full_name() or str(author)}]
    if parent is not None:
        raters.append({"role": ParticipantRole.PARENT, "person": parent})
    if child is not None:
        raters.append({"role": ParticipantRole.CHILD, "person": child})
    return raters


def _statements(mapping: Mapping, case: Case, author, jurisdiction: str) -> None:
    persons = {p.role: p for p in reversed(case.family.persons.all())}
    child = case.focus_children.first() or persons.get(PersonRole.CHILD)
    fallback_child, fallback_parent = FALLBACK_NAMES[jurisdiction]
    names = {
        "child": child.first_name if child else fallback_child,
        "parent": persons[PersonRole.PARENT].first_name
        if PersonRole.PARENT in persons
        else fallback_parent,
    }
    for category, text in STATEMENTS[jurisdiction]:
        Statement.objects.create(
            mapping=mapping, category=category, text=text.format(**names), created_by=author
        )


def _ratings(case: Case, author, dates: list[dt.date], jurisdiction: str) -> None:
    first_comment, last_comment = COMMENTS[jurisdiction]
    for rater, values in zip(_raters(case, author), VALUES, strict=False):
        for index, on in enumerate(dates):
            comment = ""
            if rater["role"] == ParticipantRole.WORKER and index in (0, len(dates) - 1):
                comment = first_comment if index == 0 else last_comment
            SafetyRating.objects.create(
                case=case,
                role=rater["role"],
                person=rater.get("person"),
                name=rater.get("name", ""),
                value=values[min(index, len(values) - 1)],
                rated_on=on,
                comment=comment,
                created_by=author,
            )


@transaction.atomic
def add_demo_mapping(case: Case, author) -> Mapping:
    """The case's mapping with statements and two or three raters over a few dates.
    Running it again on the same case changes nothing."""
    existing = case.safety_mappings.first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    start = min(max(case.referred_on, today - dt.timedelta(days=84)), today)
    jurisdiction = case.organisation.jurisdiction
    if jurisdiction not in STATEMENTS:
        jurisdiction = Jurisdiction.SWEDEN
    mapping = Mapping.objects.create(case=case, held_on=start, held_by=author, created_by=author)
    _statements(mapping, case, author, jurisdiction)
    _ratings(case, author, rating_dates(start, today), jurisdiction)
    return mapping
