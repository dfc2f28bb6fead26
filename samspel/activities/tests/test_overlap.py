import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from samspel.activities.models import ActivityParticipant, ActivityStatus, AppointmentStatus
from samspel.activities.overlap import conflicts, overlaps
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import appointment, at, planned_activity
from samspel.cases.models import Case
from samspel.families.models import Family

BASE = dt.datetime(2026, 3, 10, tzinfo=dt.UTC)
minutes = st.integers(min_value=0, max_value=600)


def _t(minute: int) -> dt.datetime:
    return BASE + dt.timedelta(minutes=minute)


@given(minutes, st.integers(1, 300), minutes, st.integers(1, 300))
def test_overlap_is_a_shared_minute(a, a_length, b, b_length):
    shared = set(range(a, a + a_length)) & set(range(b, b + b_length))
    assert overlaps(_t(a), _t(a + a_length), _t(b), _t(b + b_length)) == bool(shared)


@given(minutes, st.integers(1, 300), minutes, st.integers(1, 300))
def test_overlap_is_symmetric(a, a_length, b, b_length):
    one = overlaps(_t(a), _t(a + a_length), _t(b), _t(b + b_length))
    assert one == overlaps(_t(b), _t(b + b_length), _t(a), _t(a + a_length))


@given(minutes, st.integers(1, 300), minutes)
def test_an_appointment_without_end_is_its_start(a, a_length, b):
    assert overlaps(_t(a), _t(a + a_length), _t(b), None) == (a <= b < a + a_length)


def test_touching_ends_do_not_overlap():
    assert not overlaps(_t(0), _t(60), _t(60), _t(120))
    assert not overlaps(_t(60), _t(120), _t(0), _t(60))


DAY = TODAY + dt.timedelta(days=2)


def _other_case_of(family, case, number="2026-0002", responsible=None):
    return Case.objects.create(
        organisation=case.organisation,
        number=number,
        family=family,
        programme=case.programme,
        team=case.team,
        responsible=responsible or case.responsible,
    )


def test_the_family_appointments_and_other_cases_activities_collide(case, family, personas):
    sibling_case = _other_case_of(family, case)
    planned_activity(sibling_case, start=at(DAY, 9, 30), kind="network_meeting")
    appointment(family, at(DAY, 10, 15), minutes=30, title="BUP")
    appointment(family, at(DAY, 12), title="Later")  # after the end: no collision
    found = conflicts(family, [], at(DAY, 10), at(DAY, 11))
    assert [(c.whose, c.what) for c in found] == [
        ("family", "Network meeting"),
        ("family", "Psychiatry: BUP"),
    ]


def test_cancelled_ones_and_the_activity_itself_do_not_count(case, family):
    own = planned_activity(case, start=at(DAY, 10))
    gone = planned_activity(case, start=at(DAY, 10))
    gone.status = ActivityStatus.CANCELLED
    gone.save()
    cancelled = appointment(family, at(DAY, 10))
    cancelled.status = AppointmentStatus.CANCELLED
    cancelled.save()
    assert conflicts(family, [], at(DAY, 10), at(DAY, 11), exclude=own) == []
    assert len(conflicts(family, [], at(DAY, 10), at(DAY, 11))) == 1


def test_the_workers_other_families_count_without_naming_them(case, personas):
    other_family = Family.objects.create(
        organisation=case.organisation, name="Familjen Ek", created_by=case.responsible
    )
    other = _other_case_of(other_family, case, responsible=personas["buddy"])
    busy = planned_activity(other, start=at(DAY, 10, 30))
    ActivityParticipant.objects.create(activity=busy, user=personas["leader"])
    planned_activity(other, start=at(DAY, 14))
    found = conflicts(case.family, [personas["leader"]], at(DAY, 10), at(DAY, 11))
    assert [(c.whose, c.what, c.worker) for c in found] == [
        ("worker", "Home visit", "Leader Testsson")
    ]
    assert "Ek" not in repr(found)
    # The buddy is responsible for the other case; the worker has nothing on it.
    assert len(conflicts(case.family, [personas["buddy"]], at(DAY, 10), at(DAY, 11))) == 1
    assert conflicts(case.family, [personas["worker"]], at(DAY, 10), at(DAY, 11)) == []


def test_another_family_is_not_a_conflict(case, personas):
    other_family = Family.objects.create(
        organisation=case.organisation, name="Familjen Ek", created_by=case.responsible
    )
    appointment(other_family, at(DAY, 10))
    assert conflicts(case.family, [], at(DAY, 10), at(DAY, 11)) == []


def test_an_empty_or_reversed_time_has_no_conflicts(case, family):
    appointment(family, at(DAY, 10))
    assert conflicts(family, [], at(DAY, 11), at(DAY, 10)) == []
    assert conflicts(family, [], None, at(DAY, 10)) == []
