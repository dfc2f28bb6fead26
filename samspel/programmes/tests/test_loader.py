import pytest

from samspel.activities.models import ActivityKind, Context
from samspel.organisations.programmes import PROGRAMME_CHOICES
from samspel.plans.models import PlanKind
from samspel.programmes.activity_kinds import ACTIVITY_KINDS, CONTEXTS
from samspel.programmes.definitions import Duration
from samspel.programmes.loader import (
    ProgrammeError,
    UnknownProgramme,
    law,
    load_programme_file,
    parse_law,
    parse_programme,
    programme,
    programmes,
)
from samspel.programmes.plan_kinds import PLAN_KINDS


def test_the_five_seed_programmes_ship():
    assert set(programmes()) == {key for key, _label in PROGRAMME_CHOICES}


def test_unknown_programme_is_refused():
    with pytest.raises(UnknownProgramme):
        programme("no-such-programme")


def test_the_model_free_values_are_the_models_choices():
    """The loader checks the data files against samspel.programmes.activity_kinds and
    plan_kinds; the models' choices are built from the same values."""
    assert set(ActivityKind.values) == ACTIVITY_KINDS
    assert set(Context.values) == CONTEXTS
    assert set(PlanKind.values) == PLAN_KINDS


def test_foster_home_process_places_and_weekly_follow_up():
    process = programme("process-i-rorelse")
    assert process.expected_place("child_focus_talk") == "home"
    assert process.expected_place("parent_focus_talk") == "office"
    assert process.expected_place("group_talk") == "neutral"
    weekly = process.rule("weekly-follow-up")
    assert weekly.every == Duration(1, "weeks")
    assert set(weekly.activities) == {"home_visit", "video_call"}
    assert process.rule("consultant-evaluation").every == Duration(3, "months")


def test_sammen_om_familien_cadences_are_locked():
    cadences = programme("sammen-om-familien").rule("follow-up").cadences
    assert [c.every for c in cadences] == [
        Duration(6, "weeks", locked=True),
        Duration(3, "months", locked=True),
    ]
    sof = programme("sammen-om-familien")
    assert sof.rule("transition").at_age == 17
    assert {r.key for r in sof.rules} >= {"startup-talk", "child-conversation", "network-meeting"}
    assert sof.team_rules[0].every == Duration(3, "months")


def test_bfamily_phases_and_time_band():
    bfamily = programme("bfamily")
    uppstart, allians, forandring = bfamily.phases
    assert (uppstart.name, uppstart.max_length) == ("Uppstart", Duration(1, "months"))
    assert uppstart.exit.plans == ("care_plan",)
    assert (uppstart.exit.team_min, uppstart.exit.team_max) == (2, 3)
    assert (allians.min_length, allians.max_length) == (
        Duration(1, "months"),
        Duration(2, "months"),
    )
    assert allians.exit.plans == ("implementation_plan",)
    assert allians.exit.min_subgoals == 1
    assert forandring.min_length == Duration(4, "months")
    assert (bfamily.time_band.min_hours, bfamily.time_band.max_hours) == (20, 60)


def test_fifa_asks_about_children_and_offers_parenting_support():
    fifa = programme("fifa")
    assert fifa.rule("asked-about-children").closed_by_fact == "asked_about_children_on"
    assert fifa.rule("parenting-support-offered").closed_by_fact == "parenting_support_offered_on"


def test_law_paragraphs_are_stored_in_the_current_numbering():
    assert law("DK").rules[0].when_paragraphs == ("BL §20",)
    assert all(d.locked for r in law("SE").rules for d in (r.every, r.within) if d)


def good_programme(**rule_changes):
    rule = {
        "key": "r",
        "kind": "recurring",
        "title": "Follow-up",
        "activities": ["home_visit"],
        "every": {"weeks": 2},
    }
    rule.update(rule_changes)
    return {"key": "p", "name": "P", "jurisdiction": "DK", "rules": [rule]}


def test_a_good_programme_parses():
    assert parse_programme(good_programme(), "p.toml").rules[0].every == Duration(2, "weeks")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"key": "p", "jurisdiction": "DK"}, "missing field 'name'"),
        ({"key": "p", "name": "P", "jurisdiction": "NO"}, "field 'jurisdiction' has unknown"),
        ({"key": "p", "name": "P", "jurisdiction": "DK", "rulez": []}, "unknown field 'rulez'"),
        ({**good_programme(), "rules": "x"}, "field 'rules' must be a non-empty list"),
        (good_programme(every={"weeks": "two"}), "rules[0] (r): field 'every.weeks' must be"),
        (good_programme(every={"fortnights": 1}), "field 'every' must name exactly one of"),
        (good_programme(every={"weeks": 0}), "must be longer than 0"),
        (good_programme(every=True), "field 'every' must be a non-empty dict"),
        (good_programme(activities=["dance"]), "field 'activities' has unknown value 'dance'"),
        (good_programme(kind="sometimes"), "field 'kind' has unknown value"),
        (good_programme(title="Anything"), "field 'title' 'Anything' is not listed"),
        (good_programme(every=None), "missing field 'every' (a recurring rule needs it)"),
        (good_programme(activities=[]), "missing field 'activities'"),
        (good_programme(when_paragraphs=["SEL §999"]), "field 'when_paragraphs'"),
        (
            good_programme(cadences=[{"any_class": ["magic"], "every": {"weeks": 6}}]),
            "cadences[0]: field 'any_class' has unknown value 'magic'",
        ),
        (good_programme(kind="fixed"), "missing field 'first'"),
        (
            {**good_programme(), "places": [{"activity": "group_talk", "context": "moon"}]},
            "places[0]: field 'context' has unknown value 'moon'",
        ),
        (
            {**good_programme(), "time_band": {"min_hours": 60, "max_hours": 20}},
            "time_band: field 'min_hours' must be between",
        ),
    ],
)
def test_bad_programmes_name_file_and_field(data, message):
    data = {k: v for k, v in data.items() if v is not None}
    for rule in data.get("rules", []) if isinstance(data.get("rules"), list) else []:
        for key in [k for k, v in rule.items() if v is None]:
            del rule[key]
    with pytest.raises(ProgrammeError) as error:
        parse_programme(data, "bad.toml")
    assert str(error.value).startswith("bad.toml")
    assert message in str(error.value)


def test_law_rules_must_name_their_law():
    data = good_programme()
    del data["key"], data["name"]
    with pytest.raises(ProgrammeError, match=r"law_xx.toml: rules\[0\] \(r\): missing field 'law'"):
        parse_law(data, "law_xx.toml")


def test_invalid_toml_and_wrong_key_name_the_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("key = ")
    with pytest.raises(ProgrammeError, match="broken.toml: not valid TOML"):
        load_programme_file(broken)
    misnamed = tmp_path / "other.toml"
    misnamed.write_text('key = "p"\nname = "P"\njurisdiction = "SE"\n')
    with pytest.raises(ProgrammeError, match="other.toml: field 'key' must be the file's name"):
        load_programme_file(misnamed)
