import datetime as dt

import pytest

from samspel.activities import services
from samspel.activities.models import Activity, ActivityStatus
from samspel.activities.services import ActivityRefused, Participants
from samspel.activities.tests.conftest import TODAY
from samspel.activities.tests.factories import at, planned_activity
from samspel.audit.models import Action, AuditEvent
from samspel.cases.models import CaseStatus
from samspel.cases.refusals import CaseClosed
from samspel.families.models import Family, Person
from samspel.followup.models import DueItem

WEEKLY = "process-i-rorelse:weekly-follow-up"
DAY = TODAY + dt.timedelta(days=3)


@pytest.fixture
def synced(monkeypatch):
    """The activities whose reminders were brought in step."""
    calls = []
    monkeypatch.setattr(services, "sync_reminders", calls.append)
    return calls


def _plan(case, user, **changes):
    fields = {
        "kind": "home_visit",
        "context": "home",
        "planned_start": at(DAY, 10),
        "planned_end": at(DAY, 11),
    }
    fields.update(changes)
    return services.plan_activity(case, by=user, **fields)


def test_planning_saves_audits_and_syncs_reminders(active_case, personas, parent, synced):
    worker = personas["worker"]
    activity = _plan(active_case, worker, participants=Participants(persons=[parent]))
    assert activity.status == ActivityStatus.PLANNED and activity.sequence == 0
    assert [p.person for p in activity.participants.all()] == [parent]
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(activity.public_id))
    assert event.actor_id == worker.pk and event.detail["kind"] == "home_visit"
    assert event.detail["participants"]["persons"] == [str(parent.public_id)]
    assert synced == [activity]


def test_what_a_feed_shows_raises_the_sequence_other_changes_do_not(active_case, personas, synced):
    activity = _plan(active_case, personas["worker"])
    services.update_activity(activity, by=personas["worker"], interventions=["marte_meo"])
    assert activity.sequence == 0
    services.update_activity(activity, by=personas["worker"], place_detail="Rum 3")
    assert activity.sequence == 1
    services.update_activity(
        activity, by=personas["worker"], planned_start=at(DAY, 13), planned_end=at(DAY, 14)
    )
    activity.refresh_from_db()
    assert activity.sequence == 2 and activity.planned_start == at(DAY, 13)
    changes = AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(activity.public_id))
    assert [e.detail["fields"] for e in changes.order_by("id")] == [
        ["interventions"],
        ["place_detail"],
        ["planned_end", "planned_start"],
    ]
    assert len(synced) == 4


def test_cancelling_needs_a_reason_and_raises_the_sequence(active_case, personas, synced):
    activity = _plan(active_case, personas["worker"])
    with pytest.raises(ActivityRefused):
        services.cancel_activity(activity, by=personas["worker"], reason="  ")
    services.cancel_activity(activity, by=personas["worker"], reason="Barnet sjukt")
    activity.refresh_from_db()
    assert (activity.status, activity.cancelled_reason, activity.sequence) == (
        "cancelled",
        "Barnet sjukt",
        1,
    )
    event = AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(activity.public_id))
    assert event.get().detail["status"] == ["planned", "cancelled"]
    assert synced[-1] == activity
    with pytest.raises(ActivityRefused):  # a cancelled activity is not moved any more
        services.update_activity(activity, by=personas["worker"], place_detail="x")


def test_holding_a_weekly_follow_up_moves_the_due_item(foster_case, personas):
    assert DueItem.objects.get(case=foster_case, rule=WEEKLY).due_on == dt.date(2026, 1, 12)
    activity = planned_activity(foster_case, start=at(TODAY - dt.timedelta(days=1), 10))
    services.mark_held(
        activity, by=personas["worker"], held_on=TODAY - dt.timedelta(days=1), minutes=50
    )
    assert DueItem.objects.get(case=foster_case, rule=WEEKLY).due_on == dt.date(2026, 3, 16)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.HELD and activity.sequence == 1


def test_a_held_contact_visit_keeps_the_childs_rating(active_case, personas):
    visit = planned_activity(active_case, kind="contact_visit", start=at(TODAY, 9))
    services.mark_held(
        visit,
        by=personas["worker"],
        held_on=TODAY,
        note="Umgänge på kontoret.",
        child_safety_rating=7,
        child_safety_note="Ville gå hem tidigare.",
    )
    visit.refresh_from_db()
    assert (visit.child_safety_rating, visit.child_safety_note) == (7, "Ville gå hem tidigare.")
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(visit.public_id))
    assert event.detail["child_safety_rating"] == 7
    assert "Umgänge" not in str(event.detail)  # the journal note stays out of the audit trail


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": TODAY + dt.timedelta(days=1)}, "cannot be dated in the future"),
        ({"held_on": dt.date(2025, 12, 1)}, "before the case was referred"),
        ({"child_safety_rating": 11}, "between 0 and 10"),
        ({"minutes": -1}, "Minutes must be between 0 and 1440"),
        ({"minutes": 1441}, "Minutes must be between 0 and 1440"),
    ],
)
def test_bad_held_input_changes_nothing(active_case, personas, changes, message):
    visit = planned_activity(active_case, kind="contact_visit")
    fields = {"held_on": TODAY, **changes}
    with pytest.raises(ActivityRefused, match=message):
        services.mark_held(visit, by=personas["worker"], **fields)
    visit.refresh_from_db()
    assert visit.status == ActivityStatus.PLANNED and visit.sequence == 0


def test_the_end_must_follow_the_start(active_case, personas):
    with pytest.raises(ActivityRefused, match="after the start"):
        _plan(active_case, personas["worker"], planned_end=at(DAY, 9))
    assert not Activity.objects.exists()


def test_participants_from_elsewhere_are_refused(active_case, personas, organisation):
    other = Family.objects.create(organisation=organisation, name="Ek", created_by=None)
    stranger_child = Person.objects.create(
        family=other, role="child", first_name="A", last_name="Ek"
    )
    with pytest.raises(ActivityRefused, match="family"):
        _plan(active_case, personas["worker"], participants=Participants(persons=[stranger_child]))
    with pytest.raises(ActivityRefused, match="organisation"):
        _plan(
            active_case,
            personas["worker"],
            participants=Participants(users=[personas["stranger"]]),
        )
    assert not Activity.objects.exists()


def test_a_closed_case_takes_no_changes(active_case, personas):
    activity = planned_activity(active_case)
    active_case.status = CaseStatus.CLOSED
    active_case.closed_on = TODAY
    active_case.save()
    for change in (
        lambda: _plan(active_case, personas["worker"]),
        lambda: services.update_activity(activity, by=personas["worker"], place_detail="x"),
        lambda: services.cancel_activity(activity, by=personas["worker"], reason="x"),
        lambda: services.mark_held(activity, by=personas["worker"], held_on=TODAY),
    ):
        with pytest.raises(CaseClosed, match="closed"):
            change()
    assert Activity.objects.get().status == ActivityStatus.PLANNED
    assert not AuditEvent.objects.filter(object_type="activities.activity").exists()


def test_a_participant_given_twice_takes_part_once(active_case, personas, parent, synced):
    activity = _plan(active_case, personas["worker"], participants=Participants([parent, parent]))
    assert [p.person for p in activity.participants.all()] == [parent]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (at(DAY, 10), at(DAY + dt.timedelta(days=8), 10), "cannot last more than 7 days"),
        (at(DAY.replace(year=2032), 10), at(DAY.replace(year=2032), 11), "within 5 years"),
    ],
)
def test_times_far_off_are_refused(active_case, personas, synced, start, end, message):
    with pytest.raises(ActivityRefused, match=message):
        _plan(active_case, personas["worker"], planned_start=start, planned_end=end)
    activity = _plan(active_case, personas["worker"])
    with pytest.raises(ActivityRefused, match=message):
        services.update_activity(
            activity, by=personas["worker"], planned_start=start, planned_end=end
        )
    assert Activity.objects.count() == 1 and synced == [activity]
