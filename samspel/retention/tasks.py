"""Retention through the Tasks API: the page's "Run now" and the nightly command queue it."""

from django_tasks import task

from samspel.accounts.models import User
from samspel.calendars.local_time import local_today as organisation_today
from samspel.calendars.timezones import organisation_timezone
from samspel.retention.models import RetentionSchedule
from samspel.retention.services import run


def local_today(schedule: RetentionSchedule):
    return organisation_today(organisation_timezone(schedule.organisation))


@task()
def apply_retention(schedule_id: int, by_id: int | None = None) -> None:
    schedule = RetentionSchedule.objects.select_related("organisation").get(pk=schedule_id)
    by = User.objects.filter(pk=by_id).first() if by_id else None
    run(schedule, local_today(schedule), dry_run=False, by=by)
