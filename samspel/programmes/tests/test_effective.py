"""samspel.programmes.effective is the one answer to "which programme does a case run, with which
settings": one case, a batch and the recompute's own read agree, and the recompute reads the
settings without statements of its own."""

import datetime as dt

import pytest
import time_machine
from django.db import connection

from samspel.activities.models import Activity, ActivityStatus
from samspel.followup import recompute
from samspel.followup.recompute import facts_for_case, recompute_case
from samspel.programmes import effective
from samspel.programmes.definitions import Duration
from samspel.programmes.loader import law, programme, programmes
from samspel.programmes.models import OrganisationProgramme, ProgrammeSettings

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)
TEN_DAYS = {"weekly-follow-up.every": {"days": 10}}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def settings_rows(organisation, other_organisation, own_programme, foreign_programme):
    """Both organisations' values: a built-in programme tuned (with one value its data file
    does not allow: En process i rörelse has no time band), an own programme each."""
    ProgrammeSettings.objects.create(
        organisation=organisation,
        programme="process-i-rorelse",
        overrides={"places.group_talk": "office", "time_band.min_hours": 4},
    )
    ProgrammeSettings.objects.create(
        organisation=other_organisation,
        programme="sammen-om-familien",
        overrides={"startup-talk.within": {"days": 7}},
    )


def weekly(found) -> Duration:
    return found.rule("weekly-follow-up").every


def test_a_built_in_programme_without_settings_is_the_data_files(organisation):
    assert effective.programme_for(organisation, "fifa") is programme("fifa")
    assert effective.programme_for(None, "fifa") is programme("fifa")


def test_the_organisations_values_apply_to_its_own_cases_only(
    organisation, other_organisation, settings_rows
):
    mine = effective.programme_for(organisation, "process-i-rorelse")
    assert mine.expected_place("group_talk") == "office"
    theirs = effective.programme_for(other_organisation, "process-i-rorelse")
    assert theirs == programme("process-i-rorelse")


def test_an_own_programme_runs_its_base_with_its_values(
    organisation, other_organisation, own_programme
):
    found = effective.programme_for(organisation.pk, own_programme.key)
    assert found.key == "process-i-rorelse"  # rule keys stay those of the base programme
    assert weekly(found) == Duration(10, "days")
    assert effective.programme_for(other_organisation, own_programme.key) is None
    assert effective.base_key(organisation.pk, own_programme.key) == "process-i-rorelse"


def test_an_unknown_key_names_no_programme(organisation):
    assert effective.programme_for(organisation, "no-such-programme") is None
    assert effective.base_key(organisation, "no-such-programme") == "no-such-programme"
    OrganisationProgramme.objects.create(
        organisation=organisation, key="orphan", name="Orphan", based_on="gone-programme"
    )
    assert effective.programme_for(organisation, "orphan") is None


def test_one_case_a_batch_and_the_recompute_give_the_same_answer(
    organisation, other_organisation, settings_rows, case
):
    ids = [organisation.pk, other_organisation.pk]
    batch = effective.programmes_for(ids)
    keys = [*programmes(), "tata-fosterhem", "egen-model"]
    for org_id in ids:
        for key in keys:
            assert batch.get((org_id, key)) == effective.programme_for(org_id, key), (org_id, key)
    assert (organisation.pk, "egen-model") not in batch  # the other organisation's own
    sql, params = recompute._facts_sql([case.pk], ids)
    loaded = recompute._Loaded()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        recompute._sort_facts(cursor.fetchall(), loaded)
    assert loaded.programmes == batch


def test_the_engine_gets_the_resolved_programme_and_the_law(
    organisation, own_programme, active_case
):
    active_case.programme = own_programme.key
    active_case.save()
    facts = facts_for_case(active_case)
    assert facts.programme == effective.programme_for(organisation, own_programme.key)
    assert facts.law == law("SE") == effective.law_for("SE")


def test_resolve_applies_what_still_applies_and_names_the_rest():
    base = programme("process-i-rorelse")
    stored = {
        **TEN_DAYS,
        "no-such-rule.every": {"days": 3},
        "places.no_such_kind": "home",
        "places.group_talk": "office",
    }
    resolved = effective.resolve(base, stored)
    assert resolved.stale == ("no-such-rule.every", "places.no_such_kind")
    assert weekly(resolved.programme) == Duration(10, "days")
    assert resolved.programme.expected_place("group_talk") == "office"
    assert effective.resolve(base, {}).programme is base
    assert effective.resolve(base, TEN_DAYS).stale == ()


def test_one_query_for_one_case_and_one_for_a_batch(
    organisation, other_organisation, settings_rows, django_assert_num_queries
):
    with django_assert_num_queries(1):
        effective.programme_for(organisation, "tata-fosterhem")
    with django_assert_num_queries(1):
        effective.programmes_for([organisation.pk, other_organisation.pk])
    with django_assert_num_queries(0):
        effective.base_key(organisation, "fifa")


def test_the_per_change_recompute_stays_at_five_statements(
    settings_rows, own_programme, active_case, personas, django_assert_num_queries
):
    """docs/benchmark.md: a held follow-up costs the facts UNION (which also reads the settings),
    the stored due items, and the writes of what moved; resolving the programme adds none."""
    active_case.programme = own_programme.key
    active_case.placement_started_on = dt.date(2026, 3, 2)
    active_case.save()
    recompute_case(active_case)
    with django_assert_num_queries(2):  # nothing changed: only the two reads
        assert not recompute_case(active_case).changed
    Activity.objects.create(
        case=active_case,
        kind="home_visit",
        status=ActivityStatus.HELD,
        held_on=dt.date(2026, 3, 9),
        created_by=personas["worker"],
    )
    with django_assert_num_queries(5):
        change = recompute_case(active_case)
    assert [rule for rule, _old, _new in change.moved] == ["process-i-rorelse:weekly-follow-up"]
