"""An organisation's value for an unlocked setting, then a data file that removes the rule or
locks the setting: the value no longer applies. It is left out (the case runs the data file's
value), every write to the organisation's cases keeps working, and the programme settings page
tells the org admin that the value no longer applies (issue 9, item 1).

Before samspel.programmes.effective the engine applied the stored values strictly, so the
recompute that runs inside every write raised ProgrammeError and every change to such a case
failed."""

import datetime as dt
from dataclasses import replace

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samspel.activities import services
from samspel.activities.models import Activity, ActivityStatus
from samspel.cases.models import CaseStatus
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case
from samspel.programmes import effective, loader
from samspel.programmes.definitions import Duration
from samspel.programmes.models import ProgrammeSettings, ProgrammeSettingsChange

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)  # 13:00 in Stockholm
PLACED = dt.date(2026, 3, 2)
KEY = "process-i-rorelse"
WEEKLY = f"{KEY}:weekly-follow-up"
STALE = {"weekly-follow-up.every": {"days": 10}, "places.group_talk": "office"}
STILL_APPLIES = {"places.child_focus_talk": "neutral"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _removed(base):
    """The data file without the weekly follow-up rule and without a place for group talks."""
    return replace(
        base,
        rules=tuple(rule for rule in base.rules if rule.key != "weekly-follow-up"),
        places=tuple(place for place in base.places if place.activity != "group_talk"),
    )


def _locked(base):
    """The data file with the weekly interval and the group talks' place locked."""
    return replace(
        base,
        rules=tuple(
            replace(rule, every=replace(rule.every, locked=True))
            if rule.key == "weekly-follow-up"
            else rule
            for rule in base.rules
        ),
        places=tuple(
            replace(place, locked=True) if place.activity == "group_talk" else place
            for place in base.places
        ),
    )


CHANGES = {"removed": _removed, "locked": _locked}


def _weekly_due(case):
    return DueItem.objects.filter(case=case, rule=WEEKLY).values_list("due_on", flat=True).first()


@pytest.fixture
def foster_case(active_case, team):
    team.programme = active_case.programme = KEY
    team.save()
    active_case.placement_started_on = PLACED
    active_case.save()
    return active_case


@pytest.fixture
def tuned(organisation, foster_case):
    """The organisation's values, saved while the data file allowed them, and the due date they
    gave."""
    settings = ProgrammeSettings.objects.create(
        organisation=organisation, programme=KEY, overrides={**STALE, **STILL_APPLIES}
    )
    recompute_case(foster_case)
    assert _weekly_due(foster_case) == PLACED + dt.timedelta(days=10)
    return settings


@pytest.fixture(params=sorted(CHANGES))
def changed(request, monkeypatch, tuned):
    """The data file changes after the organisation saved its values (the loader's cache)."""
    monkeypatch.setitem(loader.programmes(), KEY, CHANGES[request.param](loader.programme(KEY)))
    return request.param


def test_the_stale_values_are_left_out_and_the_rest_still_applies(changed, organisation):
    found = effective.programme_for(organisation, KEY)
    assert effective.resolve(loader.programme(KEY), {**STALE, **STILL_APPLIES}).stale == tuple(
        sorted(STALE)
    )
    assert found.expected_place("child_focus_talk") == "neutral"  # still the organisation's
    assert found.expected_place("group_talk") == ("" if changed == "removed" else "neutral")
    if changed == "locked":
        assert found.rule("weekly-follow-up").every == Duration(1, "weeks", locked=True)


def test_the_recompute_still_works(changed, foster_case):
    recompute_case(foster_case)
    expected = None if changed == "removed" else PLACED + dt.timedelta(weeks=1)
    assert _weekly_due(foster_case) == expected


def test_a_case_edit_through_the_case_view_still_works(changed, login, personas, foster_case):
    data = {
        "focus_children": [p.pk for p in foster_case.focus_children.all()],
        "programme": foster_case.programme,
        "team": foster_case.team_id,
        "responsible": foster_case.responsible_id,
        "buddy": foster_case.buddy_id,
        "referred_on": (foster_case.referred_on - dt.timedelta(days=1)).isoformat(),
        "placement_started_on": PLACED.isoformat(),
    }
    url = reverse("cases:edit", args=[foster_case.public_id])
    response = login(personas["worker"]).post(url, data)
    assert response.status_code == 302
    foster_case.refresh_from_db()
    assert foster_case.referred_on.isoformat() == data["referred_on"]
    expected = None if changed == "removed" else PLACED + dt.timedelta(weeks=1)
    assert _weekly_due(foster_case) == expected


def test_planning_and_recording_activities_still_work(changed, personas, foster_case):
    start = dt.datetime(2026, 3, 12, 9, tzinfo=dt.UTC)
    planned = services.plan_activity(
        foster_case,
        by=personas["worker"],
        kind="group_talk",
        context="neutral",
        planned_start=start,
        planned_end=start + dt.timedelta(hours=1),
    )
    assert planned.status == ActivityStatus.PLANNED
    services.record_held(
        foster_case, by=personas["worker"], kind="home_visit", held_on=dt.date(2026, 3, 9)
    )
    assert Activity.objects.filter(case=foster_case).count() == 2
    expected = None if changed == "removed" else dt.date(2026, 3, 9) + dt.timedelta(weeks=1)
    assert _weekly_due(foster_case) == expected


def test_the_plan_form_says_the_data_files_place(changed, login, personas, foster_case):
    url = reverse("activities:place", kwargs={"case_id": foster_case.public_id})
    response = login(personas["worker"]).get(url, {"kind": "group_talk", "context": "home"})
    html = response.content.decode()
    assert response.status_code == 200
    if changed == "removed":
        assert "The programme expects no particular place for this kind." in html
    else:
        assert html.startswith("Expected by the programme: neutral or public venue.")
        assert '<option value="neutral" selected>' in html
    assert "Expected by the programme: at the office" not in html  # the stale value


def test_an_own_programme_with_a_stale_value_still_recomputes(changed, own_programme, foster_case):
    own_programme.overrides = STALE
    own_programme.save()
    foster_case.programme = own_programme.key
    foster_case.save()
    recompute_case(foster_case)
    expected = None if changed == "removed" else PLACED + dt.timedelta(weeks=1)
    assert _weekly_due(foster_case) == expected


@pytest.mark.parametrize(
    ("language", "heading", "flag"),
    [
        ("en", "Values that no longer apply", "no longer applies"),
        ("sv", "Värden som inte längre gäller", "gäller inte längre"),
        ("da", "Værdier, der ikke længere gælder", "gælder ikke længere"),
    ],
)
def test_the_settings_page_shows_the_values_as_no_longer_applying(
    changed, admin, personas, language, heading, flag
):
    personas["admin"].language = language
    personas["admin"].save()
    with translation.override(language):
        response = admin.get(
            reverse("programmes:settings", args=[KEY]), HTTP_ACCEPT_LANGUAGE=language
        )
    html = response.content.decode()
    assert response.status_code == 200
    stale = response.context["stale"]
    assert len(stale) == 2
    assert heading in html and html.count(flag) == 2
    # a setting the data file still has (locked) is named; a removed one shows its stored path
    if changed == "removed":
        where = "weekly-follow-up.every"
    else:
        with translation.override(language):
            where = gettext("%(rule)s: interval") % {"rule": gettext("Weekly follow-up")}
    assert any(line.startswith(f"{where}: ") for line in stale), stale


def test_saving_the_settings_drops_the_stale_values_and_keeps_them_in_the_history(
    changed, admin, tuned, foster_case
):
    url = reverse("programmes:settings", args=[KEY])
    form = admin.get(url).context["form"]
    data = {name: str(field.initial) for name, field in form.fields.items()}
    assert admin.post(url, data).status_code == 302
    tuned.refresh_from_db()
    assert tuned.overrides == STILL_APPLIES
    change = ProgrammeSettingsChange.objects.get(programme=KEY)
    assert change.old == {**STALE, **STILL_APPLIES} and change.new == STILL_APPLIES
    assert "Values that no longer apply" not in admin.get(url).content.decode()
    foster_case.refresh_from_db()
    assert foster_case.status == CaseStatus.ACTIVE


def test_the_programme_list_counts_the_values_that_no_longer_apply(changed, admin, own_programme):
    own_programme.overrides = STALE
    own_programme.save()
    response = admin.get(reverse("programmes:list"))
    rows = {row["key"]: (row["changed"], row["stale"]) for row in response.context["built_in"]}
    assert rows[KEY] == (3, 2) and rows["bfamily"] == (0, 0)
    assert [own.stale for own in response.context["own"]] == [2]
    assert response.text.count("2 no longer apply") == 2
