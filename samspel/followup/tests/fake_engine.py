"""A small stand-in for the engine, so that storage and views are tested on rules whose numbers
the test knows: a follow-up every 30 days from the last held follow-up meeting or home visit
(else from the case's start), and one period per qualifying held activity."""

import datetime as dt

from samspel.followup import engine
from samspel.followup.engine import CaseFacts, Due, Evaluation, Explanation, Period

RULE = "fake:follow-up"
EVERY = dt.timedelta(days=30)
QUALIFYING = {"follow_up_meeting", "home_visit"}


def _last(facts: CaseFacts) -> dt.date | None:
    dates = [held.held_on for held in facts.held if held.kind in QUALIFYING]
    return max(dates) if dates else None


def due_items(facts: CaseFacts) -> list[Due]:
    counts_from = _last(facts) or facts.started_on
    if counts_from is None:
        return []
    items = [
        Due(
            rule=RULE,
            title="Follow-up meeting",
            due_on=counts_from + EVERY,
            counts_from=counts_from,
            source="programme",
            explanation=Explanation(
                "every 30 days; last held %(last)s", {"last": str(counts_from)}
            ),
        )
    ]
    if "SoL 11:1" in facts.legal_basis:
        items.append(
            Due(
                rule="fake:law",
                title="Investigation finished",
                due_on=facts.referred_on + dt.timedelta(days=120),
                counts_from=facts.referred_on,
                source="law",
                explanation=Explanation("within 4 months"),
            )
        )
    return items


def follow_up_periods(facts: CaseFacts) -> list[Period]:
    start = facts.started_on
    periods = []
    for held in sorted(h.held_on for h in facts.held if h.kind in QUALIFYING):
        periods.append(Period(RULE, start + EVERY, held))
        start = held
    if start is not None:
        periods.append(Period(RULE, start + EVERY, None))
    return periods


def evaluate(facts: CaseFacts) -> Evaluation:
    return Evaluation(due_items(facts), follow_up_periods(facts))


def install(monkeypatch) -> None:
    monkeypatch.setattr(engine, "evaluate", evaluate)
    monkeypatch.setattr(engine, "due_items", due_items)
    monkeypatch.setattr(engine, "follow_up_periods", follow_up_periods)
