"""The plain plan rules: goal areas from the catalogue, snapshots and the goal tree."""

import datetime as dt
from types import SimpleNamespace as Obj

from samspel.plans.rules import (
    build_snapshot,
    earliest_target_date,
    framework,
    goal_area_choices,
    goal_areas_for_display,
    goal_tree,
    latest_progress,
    unknown_goal_areas,
)


def test_the_framework_follows_the_jurisdiction():
    assert framework("SE") == "BBIC"
    assert framework("DK") == "ICS"


def test_goal_areas_are_grouped_by_side_of_the_triangle():
    groups = dict(goal_area_choices("SE"))
    assert len(groups) == 3
    assert sum(len(areas) for areas in groups.values()) == 19  # BBIC: 7 + 6 + 6
    codes = {code for areas in groups.values() for code, _title in areas}
    assert "bbic-education" in codes
    assert sum(len(areas) for _side, areas in goal_area_choices("DK")) == 10  # ICS


def test_codes_of_the_other_jurisdiction_are_unknown():
    assert unknown_goal_areas(["bbic-education", "ics-school"], "SE") == ["ics-school"]
    assert unknown_goal_areas(["ics-school"], "DK") == []


def test_a_code_the_catalogue_dropped_still_shows():
    shown = goal_areas_for_display(["bbic-health", "gone"], "SE")
    assert shown[0]["area"].title == "Hälsa"
    assert shown[1] == {"code": "gone", "area": None}


def _goal(pk, parent=None, text="", areas=()):
    return Obj(
        pk=pk,
        public_id=f"g{pk}",
        parent_id=parent,
        text=text or f"goal {pk}",
        goal_areas=list(areas),
        responsible_party="family",
        responsible_actor="",
    )


def _sub_goal(pk, goal, target=dt.date(2026, 5, 1), ratings=None):
    sub_goal = Obj(
        pk=pk,
        public_id=f"s{pk}",
        goal_id=goal,
        what=f"sub {pk}",
        indicator="seen",
        target_date=target,
        responsible_party="actor",
        responsible_actor="Skolan",
    )
    if ratings is not None:
        sub_goal.ratings = ratings
    return sub_goal


def _plan():
    return Obj(
        version=3,
        kind="care_plan",
        title="Plan",
        starts_on=dt.date(2026, 3, 1),
        agreed_on=None,
        agreed_by="",
        agreement_text="",
        agreed_version=None,
    )


def test_the_snapshot_holds_the_whole_goal_tree_and_coordination():
    goals = [_goal(1, areas=["bbic-health"]), _goal(2, parent=1), _goal(3)]
    coordination = [Obj(actor="PPR", coordinator="worker", note="")]
    snapshot = build_snapshot(_plan(), goals, [_sub_goal(7, goal=2)], coordination)
    assert snapshot["version"] == 3
    assert snapshot["starts_on"] == "2026-03-01"
    assert [goal["id"] for goal in snapshot["goals"]] == ["g1", "g3"]
    short_term = snapshot["goals"][0]["short_term_goals"]
    assert [goal["id"] for goal in short_term] == ["g2"]
    assert short_term[0]["sub_goals"][0] == {
        "id": "s7",
        "what": "sub 7",
        "indicator": "seen",
        "target_date": "2026-05-01",
        "responsible": {"party": "actor", "actor": "Skolan"},
    }
    assert snapshot["coordination"] == [{"actor": "PPR", "coordinator": "worker", "note": ""}]


def test_the_goal_tree_nests_goals_and_orders_ratings():
    ratings = [
        Obj(pk=2, on=dt.date(2026, 4, 1), value=6),
        Obj(pk=1, on=dt.date(2026, 3, 5), value=2),
    ]
    tree = goal_tree([_goal(1), _goal(2, parent=1)], [_sub_goal(5, goal=2, ratings=ratings)], "SE")
    assert len(tree) == 1
    (child,) = tree[0]["short_term"]
    (row,) = child["sub_goals"]
    assert [rating.value for rating in row["ratings"]] == [2, 6]
    assert row["latest"].value == 6


def test_latest_progress_goes_by_date_then_entry():
    same_day = [
        Obj(pk=1, on=dt.date(2026, 4, 1), value=3),
        Obj(pk=2, on=dt.date(2026, 4, 1), value=4),
    ]
    assert latest_progress(same_day).value == 4
    assert latest_progress([]) is None


def test_earliest_target_date():
    assert earliest_target_date([dt.date(2026, 5, 1), dt.date(2026, 4, 1)]) == dt.date(2026, 4, 1)
    assert earliest_target_date([]) is None
