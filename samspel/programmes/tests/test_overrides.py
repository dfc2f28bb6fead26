import pytest

from samspel.programmes.definitions import Duration
from samspel.programmes.loader import ProgrammeError, programme
from samspel.programmes.overrides import LockedValue, apply_overrides


def test_unlocked_values_can_be_changed_without_touching_the_original():
    process = programme("process-i-rorelse")
    changed = apply_overrides(
        process,
        {
            "weekly-follow-up.every": {"days": 10},
            "places.group_talk": "office",
        },
    )
    assert changed.rule("weekly-follow-up").every == Duration(10, "days")
    assert changed.expected_place("group_talk") == "office"
    assert process.rule("weekly-follow-up").every == Duration(1, "weeks")


def test_phase_lengths_and_time_band_can_be_changed():
    changed = apply_overrides(
        programme("bfamily"),
        {"phases.uppstart.max_length": {"weeks": 6}, "time_band.min_hours": 15},
    )
    assert changed.phase("uppstart").max_length == Duration(6, "weeks")
    assert changed.time_band.min_hours == 15


@pytest.mark.parametrize("path", ["follow-up.cadences[0].every", "follow-up.cadences[1].every"])
def test_sammen_om_familien_cadence_is_locked(path):
    with pytest.raises(LockedValue, match="locked by the working model"):
        apply_overrides(programme("sammen-om-familien"), {path: {"months": 6}})


def test_unlocked_sammen_om_familien_defaults_can_change():
    changed = apply_overrides(programme("sammen-om-familien"), {"startup-talk.within": {"days": 7}})
    assert changed.rule("startup-talk").within == Duration(7, "days")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"nope.every": {"days": 1}}, "no such setting"),
        ({"weekly-follow-up.colour": "red"}, "no such setting"),
        ({"weekly-follow-up.every": {"days": 0}}, "longer than 0"),
        ({"weekly-follow-up.every": {"fortnights": 1}}, "must name exactly one of"),
        ({"places.group_talk": "moon"}, "unknown place"),
        ({"places.sms": "home"}, "no such setting"),
    ],
)
def test_bad_overrides_are_refused(overrides, message):
    with pytest.raises(ProgrammeError, match=message):
        apply_overrides(programme("process-i-rorelse"), overrides)


def test_time_band_minimum_cannot_exceed_maximum():
    with pytest.raises(ProgrammeError, match="must not exceed"):
        apply_overrides(programme("bfamily"), {"time_band.min_hours": 70})
