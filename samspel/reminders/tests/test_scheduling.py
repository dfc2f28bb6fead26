import datetime as dt

import pytest
from django.db import transaction

from samspel.activities.models import ActivityStatus
from samspel.reminders.models import Reminder, ReminderSettings, ReminderStatus
from samspel.reminders.scheduling import missing_contacts, send_times, sync_reminders
from samspel.reminders.tests.conftest import in_hours, move, plan

pytestmark = pytest.mark.django_db


def keys(activity):
    return sorted(
        (r.person.first_name, r.channel, r.lead_hours, r.status)
        for r in Reminder.objects.filter(activity=activity)
    )


def test_one_reminder_per_family_member_channel_and_lead_time(
    case, mother, child, personas, frozen
):
    ReminderSettings.objects.create(organisation=case.organisation, lead_times=[24, 2])
    activity = plan(case, [mother, child], in_hours(48), user=personas["worker"])

    # The child has neither phone nor e-mail: no reminder, and a note instead.
    assert keys(activity) == [
        ("Anna", "email", 2, "scheduled"),
        ("Anna", "email", 24, "scheduled"),
        ("Anna", "sms", 2, "scheduled"),
        ("Anna", "sms", 24, "scheduled"),
    ]
    reminder = Reminder.objects.get(activity=activity, channel="sms", lead_hours=24)
    assert reminder.send_at == in_hours(24)
    assert {(m.person.first_name, m.channel) for m in missing_contacts(activity)} == {
        ("Elsa", "email"),
        ("Elsa", "sms"),
    }


def test_disabled_channel_gets_no_reminders(case, mother, personas, frozen):
    ReminderSettings.objects.create(organisation=case.organisation, sms_enabled=False)
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    assert keys(activity) == [("Anna", "email", 24, "scheduled")]


def test_a_number_that_is_not_a_phone_number_gets_no_sms(case, mother, personas, frozen):
    mother.phone = "call me"
    mother.save()
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    assert [r[1] for r in keys(activity)] == ["email"]
    assert [m.channel for m in missing_contacts(activity)] == ["sms"]


def test_moving_reschedules_pending_reminders(case, mother, personas, frozen):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    before = {r.pk: r.version for r in Reminder.objects.all()}
    move(activity, in_hours(72))
    for reminder in Reminder.objects.all():
        assert reminder.send_at == in_hours(48)
        assert reminder.status == ReminderStatus.SCHEDULED
        assert reminder.version == before[reminder.pk] + 1


def test_cancelling_or_holding_drops_pending_reminders(case, mother, personas, frozen):
    cancelled = plan(case, [mother], in_hours(48), user=personas["worker"])
    held = plan(case, [mother], in_hours(50), user=personas["worker"])
    for activity, status in ((cancelled, ActivityStatus.CANCELLED), (held, ActivityStatus.HELD)):
        activity.status = status
        activity.save()
        sync_reminders(activity)
        assert {r[3] for r in keys(activity)} == {"dropped"}


def test_a_sent_reminder_is_never_scheduled_again(case, mother, personas, frozen):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    Reminder.objects.filter(channel="sms").update(status=ReminderStatus.SENT)
    move(activity, in_hours(30))
    move(activity, in_hours(60))
    sms = Reminder.objects.get(channel="sms")
    assert sms.status == ReminderStatus.SENT
    assert sms.send_at == in_hours(24)  # untouched
    assert Reminder.objects.count() == 2


def test_short_notice_collapses_passed_lead_times_into_one_sent_now(frozen):
    start = in_hours(3)
    times = send_times(start, [48, 24, 2], frozen)
    assert times == {24: frozen, 2: in_hours(1)}
    assert send_times(in_hours(1), [24, 2], frozen) == {2: frozen}


def test_removing_a_participant_drops_their_reminders(case, mother, personas, frozen):
    activity = plan(case, [mother], in_hours(48), user=personas["worker"])
    activity.participants.all().delete()
    sync_reminders(activity)
    assert {r[3] for r in keys(activity)} == {"dropped"}
    # Added again: the same rows come back to life; no duplicates.
    activity.participants.create(person=mother)
    sync_reminders(activity)
    assert {r[3] for r in keys(activity)} == {"scheduled"}
    assert Reminder.objects.count() == 2


def test_reminders_roll_back_with_the_activity(case, mother, personas, frozen):
    with pytest.raises(RuntimeError), transaction.atomic():
        plan(case, [mother], in_hours(48), user=personas["worker"])
        raise RuntimeError
    assert not Reminder.objects.exists()


def test_past_activity_gets_no_reminders(case, mother, personas, frozen):
    activity = plan(case, [mother], frozen - dt.timedelta(hours=1), user=personas["worker"])
    assert keys(activity) == []
