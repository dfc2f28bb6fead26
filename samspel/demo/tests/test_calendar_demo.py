"""The demo calendar: the demo worker has planned activities in the coming two weeks, families
have appointments with other agencies, and seeding again adds nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus, ExternalAppointment
from samspel.demo.calendar_demo import add_demo_calendar
from samspel.organisations.models import Organisation


@pytest.fixture(scope="module")
def built(demo_world):
    """The module's demo world (conftest.demo_world)."""


def test_demo_worker_has_planned_activities_in_the_coming_two_weeks(db, built):
    now = timezone.now()
    planned = Activity.objects.filter(
        case__responsible__username="worker",
        status=ActivityStatus.PLANNED,
        planned_start__gt=now,
        planned_start__lt=now + dt.timedelta(days=15),
    )
    assert planned.count() >= 5
    # This week and next week both have something, whatever day of the week it is.
    weeks = {start.isocalendar()[:2] for start in planned.values_list("planned_start", flat=True)}
    today = timezone.localdate()
    assert (today + dt.timedelta(days=7)).isocalendar()[:2] in weeks


def test_families_have_appointments_with_other_agencies(db, built):
    for organisation in Organisation.objects.all():
        kinds = set(
            ExternalAppointment.objects.filter(family__organisation=organisation).values_list(
                "agency_kind", flat=True
            )
        )
        assert {"psychiatry", "school", "social_insurance"} <= kinds, organisation.name


def test_running_again_adds_nothing(db, built):
    before = (Activity.objects.count(), ExternalAppointment.objects.count())
    for organisation in Organisation.objects.all():
        add_demo_calendar(organisation)
    assert (Activity.objects.count(), ExternalAppointment.objects.count()) == before


def test_planned_demo_activities_show_scheduled_reminders_and_none_went_out(db, built):
    from samspel.reminders.models import Reminder, ReminderStatus

    planned = Activity.objects.filter(
        case__responsible__username="worker", status=ActivityStatus.PLANNED
    )
    invited = planned.filter(participants__person__isnull=False).distinct()
    assert invited.exists()
    assert not invited.filter(participants__person__protected_identity=True).exists()
    reminders = Reminder.objects.filter(activity__in=invited)
    assert reminders.filter(status=ReminderStatus.SCHEDULED).exists()
    assert {"email", "sms"} <= set(reminders.values_list("channel", flat=True))
    assert not Reminder.objects.filter(status=ReminderStatus.SENT).exists()
