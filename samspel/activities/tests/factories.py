"""Activities and appointments for tests, made straight through the ORM."""

import datetime as dt

from django.utils import timezone

from samspel.activities.models import Activity, ActivityStatus, AgencyKind, ExternalAppointment


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local (Europe/Stockholm) time on `day`."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def planned_activity(case, start=None, minutes=60, kind="home_visit", **fields) -> Activity:
    start = start or at(timezone.localdate() + dt.timedelta(days=7), 10)
    return Activity.objects.create(
        case=case,
        kind=kind,
        context=fields.pop("context", "home"),
        status=ActivityStatus.PLANNED,
        planned_start=start,
        planned_end=start + dt.timedelta(minutes=minutes),
        created_by=case.responsible,
        **fields,
    )


def appointment(family, start, minutes=60, **fields) -> ExternalAppointment:
    return ExternalAppointment.objects.create(
        family=family,
        agency_kind=fields.pop("agency_kind", AgencyKind.PSYCHIATRY),
        title=fields.pop("title", "BUP-besök"),
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        created_by=fields.pop("created_by", None) or family.created_by,
        **fields,
    )
