import datetime as dt

import pytest
from django.utils import translation

from samspel.followup import messages as M
from samspel.followup.engine import CaseFacts, HeldActivity, due_items
from samspel.programmes.loader import law, laws, programme, programmes
from samspel.programmes.wording import TITLES


def test_every_rule_title_is_listed_for_translation():
    titles = {rule.title for p in programmes().values() for rule in p.rules}
    titles |= {rule.title for law in laws().values() for rule in law.rules}
    assert titles <= TITLES


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Every 6 weeks because the case holds SEL §50 (BL §20); counted from the follow-up "
            "meeting held",
        ),
        (
            "da",
            "Med højst 6 uger imellem, fordi sagen omfatter SEL §50 (BL §20); regnet fra "
            "opfølgningsmøde den",
        ),
        (
            "sv",
            "Var 6 veckor eftersom ärendet omfattar SEL §50 (BL §20); räknat från "
            "uppföljningsmöte den",
        ),
    ],
)
def test_an_explanation_reads_in_every_language(language, expected):
    facts = CaseFacts(
        today=dt.date(2025, 3, 10),
        programme=programme("sammen-om-familien"),
        jurisdiction="DK",
        law=law("DK"),
        legal_basis=("SEL §41", "SEL §50"),
        started_on=dt.date(2025, 1, 6),
        held=(HeldActivity("follow_up_meeting", dt.date(2025, 3, 3)),),
    )
    item = next(i for i in due_items(facts) if i.rule == "sammen-om-familien:follow-up")
    with translation.override(language):
        text = M.describe(item.explanation.message, item.explanation.params)
    assert text.startswith(expected)
    assert "2025-03-03" not in text  # the date is in the local format


def test_activities_and_anchors_are_translated():
    params = {
        "interval": "1 weeks",
        "activities": "home_visit,video_call",
        "held": "home_visit",
        "last": "2025-03-03",
    }
    with translation.override("sv"):
        text = M.describe(M.EVERY_LAST, params)
    assert text.startswith("Var 1 vecka (")
    assert " eller " in text
    assert "räknat från hembesök den " in text
    with translation.override("da"):
        text = M.describe(
            M.WITHIN, {"interval": "14 days", "anchor": "referred_on", "start": "2025-01-02"}
        )
    assert text.startswith("Inden for 14 dage fra henvendelsen den ")


def test_describe_never_breaks_on_bad_stored_params():
    assert M.describe(M.WITHIN, {"interval": "soon", "anchor": "x", "start": "?"}) == (
        "Within soon of x on ?"
    )
    assert M.describe(M.WITHIN, {}) == M.WITHIN
