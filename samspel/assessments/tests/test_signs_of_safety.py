"""The three-column layout of a mapping."""

from types import SimpleNamespace

from samspel.assessments.models import StatementCategory
from samspel.assessments.signs_of_safety import three_columns


def s(category, text):
    return SimpleNamespace(category=category, text=text)


def test_the_seven_categories_sit_in_the_classic_three_columns():
    columns = three_columns([])
    layout = {c.key: [b.category for b in c.blocks] for c in columns}
    assert layout == {
        "worries": ["harm", "danger_statement", "complicating_factors"],
        "working-well": ["existing_strengths", "existing_safety"],
        "needs-to-happen": ["safety_goal", "next_steps"],
    }
    assert sorted(code for codes in layout.values() for code in codes) == sorted(
        StatementCategory.values
    )


def test_statements_land_in_their_category_in_order():
    columns = three_columns(
        [s("next_steps", "b"), s("harm", "a"), s("next_steps", "c"), s("existing_safety", "d")]
    )
    blocks = {b.category: [x.text for x in b.statements] for c in columns for b in c.blocks}
    assert blocks["next_steps"] == ["b", "c"]
    assert blocks["harm"] == ["a"]
    assert blocks["existing_safety"] == ["d"]
    assert blocks["safety_goal"] == []
