"""The investigation deadlines with the statutes' own numbers: the Swedish decision whether to
open an investigation within 14 days of the referral (SoL 11 kap. 1 a §), closed by the
decision whether it opened one or not; the investigation finished within 4 months of its start
(SoL 11 kap. 2 §; Barnets lov §20 in Denmark), opened by the start and closed by the end."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samspel.followup import messages as M
from samspel.followup.engine import CaseFacts, due_items
from samspel.programmes.loader import law

SE_DECISION = "law-se:investigation-decision"
SE_INVESTIGATION = "law-se:investigation"
DK_INVESTIGATION = "law-dk:investigation"


def facts(jurisdiction: str, **values) -> CaseFacts:
    values.setdefault("today", dt.date(2026, 12, 1))
    values.setdefault("referred_on", dt.date(2026, 1, 2))
    values.setdefault("started_on", values["referred_on"])
    basis = ("SoL 11:1",) if jurisdiction == "SE" else ("BL §20",)
    values.setdefault("legal_basis", basis)
    return CaseFacts(programme=None, jurisdiction=jurisdiction, law=law(jurisdiction), **values)


def item(found: CaseFacts, rule: str):
    return next((i for i in due_items(found) if i.rule == rule), None)


@pytest.mark.parametrize(
    ("referred_on", "due_on"),
    [
        (dt.date(2026, 1, 2), dt.date(2026, 1, 16)),
        (dt.date(2025, 12, 25), dt.date(2026, 1, 8)),  # over the new year
        (dt.date(2024, 2, 20), dt.date(2024, 3, 5)),  # a leap year's 29 February in between
        (dt.date(2025, 2, 20), dt.date(2025, 3, 6)),  # no 29 February
        (dt.date(2026, 10, 31), dt.date(2026, 11, 14)),
    ],
)
def test_se_decision_is_due_14_days_after_the_referral(referred_on, due_on):
    found = item(facts("SE", referred_on=referred_on), SE_DECISION)
    assert found.due_on == due_on
    assert found.counts_from == referred_on
    assert found.explanation.message == M.LAW_WITHIN
    assert found.explanation.params == {
        "interval": "14 days",
        "anchor": "referred_on",
        "start": referred_on.isoformat(),
        "law": "SoL 11:1a",
    }


def test_se_decision_counts_from_the_referral_not_the_case_start():
    found = facts("SE", referred_on=dt.date(2026, 3, 1), started_on=dt.date(2026, 3, 20))
    assert item(found, SE_DECISION).due_on == dt.date(2026, 3, 15)


def test_se_a_recorded_decision_closes_the_14_day_item_even_when_late():
    # The engine reads the decision's date only: opened or not is the page's (a "not opened"
    # decision records no start, so no 4-month item appears).
    found = facts("SE", investigation_decided_on=dt.date(2026, 2, 20))
    assert item(found, SE_DECISION) is None
    assert item(found, SE_INVESTIGATION) is None


def test_se_the_decision_item_applies_only_to_an_investigation_basis():
    assert item(facts("SE", legal_basis=("SoL 4:1",)), SE_DECISION) is None


MONTHS = [
    (dt.date(2026, 1, 31), dt.date(2026, 5, 31)),
    (dt.date(2025, 10, 31), dt.date(2026, 2, 28)),  # 31 October + 4 months = 28 February
    (dt.date(2023, 10, 31), dt.date(2024, 2, 29)),  # ... a leap year's 29 February
    (dt.date(2024, 2, 29), dt.date(2024, 6, 29)),  # from a leap day
    (dt.date(2026, 6, 30), dt.date(2026, 10, 30)),
    (dt.date(2026, 9, 15), dt.date(2027, 1, 15)),  # over the new year
]


@pytest.mark.parametrize(
    ("jurisdiction", "rule", "law_text"),
    [
        ("SE", SE_INVESTIGATION, "SoL 11:2"),
        ("DK", DK_INVESTIGATION, "Barnets lov §20"),
    ],
)
@pytest.mark.parametrize(("started_on", "due_on"), MONTHS)
def test_the_investigation_is_due_4_months_after_its_start(
    jurisdiction, rule, law_text, started_on, due_on
):
    found = facts(
        jurisdiction,
        referred_on=dt.date(2023, 1, 2),
        investigation_decided_on=dt.date(2023, 1, 9),
        investigation_started_on=started_on,
    )
    due = item(found, rule)
    assert due.due_on == due_on
    assert due.counts_from == started_on
    assert due.explanation.params == {
        "interval": "4 months",
        "anchor": "investigation_started_on",
        "start": started_on.isoformat(),
        "law": law_text,
    }


@pytest.mark.parametrize(
    ("jurisdiction", "rule"),
    [
        ("SE", SE_INVESTIGATION),
        ("DK", DK_INVESTIGATION),
    ],
)
def test_no_investigation_item_before_its_start_and_none_after_its_end(jurisdiction, rule):
    decided = {"investigation_decided_on": dt.date(2026, 1, 9)}
    assert item(facts(jurisdiction, **decided), rule) is None
    started = facts(jurisdiction, investigation_started_on=dt.date(2026, 1, 12), **decided)
    assert item(started, rule) is not None
    finished = facts(
        jurisdiction,
        investigation_started_on=dt.date(2026, 1, 12),
        investigation_finished_on=dt.date(2026, 3, 1),
        **decided,
    )
    assert item(finished, rule) is None


def test_dk_investigation_item_needs_paragraph_20():
    found = facts("DK", legal_basis=("BL §32",), investigation_started_on=dt.date(2026, 1, 12))
    assert item(found, DK_INVESTIGATION) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_four_months_lands_on_the_same_day_or_the_months_last(started_on):
    found = facts("DK", referred_on=started_on, investigation_started_on=started_on)
    due = item(found, DK_INVESTIGATION).due_on
    months = (due.year - started_on.year) * 12 + due.month - started_on.month
    assert months == 4
    next_day = due + dt.timedelta(days=1)
    assert due.day == started_on.day or (due.day < started_on.day and next_day.day == 1)
