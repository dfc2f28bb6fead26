"""Planning, moving, cancelling and recording activities: the one way code changes an Activity.

Each function runs in one transaction: it saves with explicit fields, leaves an audit record
(never the journal note), recomputes the case's due items (held activities feed the programme
engine) and brings the activity's reminders in step. The sequence (RFC 5545 SEQUENCE, read by
the calendar feeds) goes up whenever what a feed shows changes: the time, the status, the kind
(the entry's title) or the place (its location). Participants and interventions are not in
the feeds and leave it alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.db import transaction
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import User
from samspel.activities.models import Activity, ActivityKind, ActivityParticipant, ActivityStatus
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.bounds import PAST, PLANNED
from samspel.cases.models import Case
from samspel.cases.refusals import Refused, refuse_if_closed
from samspel.followup.recompute import recompute_case
from samspel.reminders.scheduling import sync_reminders

MAX_RATING = 10
MAX_MINUTES = 24 * 60  # one contact never takes more than a day
MAX_PLANNED_LENGTH = dt.timedelta(days=7)  # a weekend contact visit, not a season
HELD_IN_FUTURE = _("A held activity cannot be dated in the future.")


class ActivityRefused(Refused):
    """The change to the activity is not possible; `message` says why, in the user's language.
    A closed case raises the shared CaseClosed instead (samspel.cases.refusals)."""


def _once(rows: list) -> list:
    return list({row.pk: row for row in rows}.values())


@dataclass
class Participants:
    """Who takes part: persons of the case's family, users, actors on the case."""

    persons: list = field(default_factory=list)
    users: list = field(default_factory=list)
    actors: list = field(default_factory=list)

    def rows(self, activity: Activity) -> list[ActivityParticipant]:
        # Each one once: the database takes a participant once per activity.
        return (
            [ActivityParticipant(activity=activity, person=p) for p in _once(self.persons)]
            + [ActivityParticipant(activity=activity, user=u) for u in _once(self.users)]
            + [ActivityParticipant(activity=activity, case_actor=a) for a in _once(self.actors)]
        )

    def summary(self) -> dict[str, list[str]]:
        return {
            "persons": [str(p.public_id) for p in self.persons],
            "users": [str(u.public_id) for u in self.users],
            "actors": [str(a.public_id) for a in self.actors],
        }


def _refuse_unless_planned(activity: Activity) -> None:
    if activity.status != ActivityStatus.PLANNED:
        raise ActivityRefused(_("Only a planned activity can be changed. Nothing was changed."))


def planned_times_problem(start: dt.datetime, end: dt.datetime) -> str | Promise | None:
    """Why [start, end) cannot be an activity's planned time, or None: the end comes first,
    it lasts longer than a week, or it lies outside the planning horizon (samspel.bounds)."""
    if end <= start:
        return _("The end must be after the start.")
    if end - start > MAX_PLANNED_LENGTH:
        return _("An activity cannot last more than %(days)d days.") % {
            "days": MAX_PLANNED_LENGTH.days
        }
    return PLANNED.problem(start.date()) or PLANNED.problem(end.date())


def _check_times(start: dt.datetime | None, end: dt.datetime | None) -> None:
    if start is None or end is None:
        raise ActivityRefused(_("Give both the start and the end."))
    if problem := planned_times_problem(start, end):
        raise ActivityRefused(problem)


def _check_participants(case: Case, participants: Participants | None) -> None:
    if participants is None:
        return
    if any(person.family_id != case.family_id for person in participants.persons):
        raise ActivityRefused(_("A participant is not a member of the case's family."))
    if any(user.organisation_id != case.organisation_id for user in participants.users):
        raise ActivityRefused(_("A participant is not a worker of your organisation."))
    if any(actor.case_id != case.pk for actor in participants.actors):
        raise ActivityRefused(_("A participant is not an actor on this case."))


def _set_participants(activity: Activity, participants: Participants | None) -> None:
    if participants is None:
        return
    activity.participants.all().delete()
    ActivityParticipant.objects.bulk_create(participants.rows(activity))


def _after_change(activity: Activity) -> None:
    recompute_case(activity.case)
    sync_reminders(activity)


class PlannedTimes(TypedDict):
    """Audit detail: the planned time, ISO 8601."""

    start: str | None
    end: str | None


class ParticipantsDetail(TypedDict, total=False):
    """Audit detail: who takes part, by public id (only when the participants were given)."""

    participants: dict[str, list[str]]


class VisitDetail(TypedDict, total=False):
    """Audit detail of a held contact visit: the child's rating (never the notes)."""

    child_safety_rating: int | None


def _times(activity: Activity) -> PlannedTimes:
    start, end = activity.planned_start, activity.planned_end
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
    }


def _participants_detail(participants: Participants | None) -> ParticipantsDetail:
    return {} if participants is None else {"participants": participants.summary()}


class CreatedDetail(ParticipantsDetail, total=False):
    """Audit detail of a new activity besides its case and kind: planned or held."""

    status: str
    start: str | None
    end: str | None
    held_on: str
    minutes: int | None


def _create(
    request: HttpRequest | None,
    case: Case,
    by: User,
    fields: dict[str, Any],
    detail: CreatedDetail,
    participants: Participants | None = None,
) -> Activity:
    """Save a new activity of `case`, audit it (its case, kind and `detail`, never the journal
    note), recompute the case and bring reminders in step, in one transaction."""
    with transaction.atomic():
        activity = Activity.objects.create(case=case, created_by=by, **fields)
        _set_participants(activity, participants)
        record(
            request,
            Action.CREATE,
            activity,
            user=by,
            case=str(case.public_id),
            kind=activity.kind,
            **detail,
        )
        _after_change(activity)
    return activity


def plan_activity(
    case: Case,
    *,
    by,
    kind: str,
    planned_start: dt.datetime,
    planned_end: dt.datetime,
    context: str = "",
    place_detail: str = "",
    interventions: Iterable[str] = (),
    participants: Participants | None = None,
    request: HttpRequest | None = None,
) -> Activity:
    """A new planned activity on the case."""
    refuse_if_closed(case)
    _check_times(planned_start, planned_end)
    _check_participants(case, participants)
    fields = {
        "kind": kind,
        "context": context,
        "status": ActivityStatus.PLANNED,
        "planned_start": planned_start,
        "planned_end": planned_end,
        "place_detail": place_detail,
        "interventions": list(interventions),
    }
    detail: CreatedDetail = {
        "status": ActivityStatus.PLANNED,
        "participants": (participants or Participants()).summary(),
        "start": planned_start.isoformat(),
        "end": planned_end.isoformat(),
    }
    return _create(request, case, by, fields, detail, participants)


UPDATABLE = ("kind", "context", "planned_start", "planned_end", "place_detail", "interventions")
TIME_FIELDS = {"planned_start", "planned_end"}
# What a calendar feed entry shows: changing any of them is a revision its readers must see.
FEED_FIELDS = TIME_FIELDS | {"kind", "context", "place_detail"}


def update_activity(
    activity: Activity,
    *,
    by,
    participants: Participants | None = None,
    request: HttpRequest | None = None,
    **changes,
) -> Activity:
    """Move a planned activity or change its kind, place, participants or interventions."""
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"update_activity cannot change {sorted(unknown)}")
    refuse_if_closed(activity.case)
    _refuse_unless_planned(activity)
    start = changes.get("planned_start", activity.planned_start)
    _check_times(start, changes.get("planned_end", activity.planned_end))
    _check_participants(activity.case, participants)
    changed = sorted(name for name, value in changes.items() if getattr(activity, name) != value)
    with transaction.atomic():
        for name in changed:
            setattr(activity, name, changes[name])
        if FEED_FIELDS & set(changed):
            activity.sequence += 1
        activity.save(update_fields=[*changed, "sequence", "updated_at"])
        _set_participants(activity, participants)
        record(
            request,
            Action.UPDATE,
            activity,
            user=by,
            fields=changed,
            sequence=activity.sequence,
            **_times(activity),
            **_participants_detail(participants),
        )
        _after_change(activity)
    return activity


def cancel_activity(
    activity: Activity, *, by, reason: str, request: HttpRequest | None = None
) -> Activity:
    """Cancel a planned activity, giving the reason; its reminders are dropped."""
    refuse_if_closed(activity.case)
    _refuse_unless_planned(activity)
    reason = reason.strip()
    if not reason:
        raise ActivityRefused(_("Give the reason for cancelling."))
    with transaction.atomic():
        activity.status = ActivityStatus.CANCELLED
        activity.cancelled_reason = reason
        activity.sequence += 1
        activity.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
        record(
            request,
            Action.UPDATE,
            activity,
            user=by,
            status=[ActivityStatus.PLANNED, ActivityStatus.CANCELLED],
            sequence=activity.sequence,
        )
        _after_change(activity)
    return activity


def held_on_problem(case: Case, held_on: dt.date) -> str | Promise | None:
    """Why `held_on` cannot be the day an activity of `case` took place, or None."""
    code = PAST.problem_code(held_on)
    if code is not None:
        return HELD_IN_FUTURE if code == "too_late" else PAST.message(code)
    if held_on < case.referred_on:
        return _("The date is before the case was referred.")
    return None


def minutes_problem(minutes: int | None) -> str | None:
    """Why `minutes` cannot be the time an activity took, or None."""
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        return _("Minutes must be between 0 and %(max)d.") % {"max": MAX_MINUTES}
    return None


def _check_held(
    case: Case, held_on: dt.date | None, minutes: int | None, rating: int | None
) -> None:
    if held_on is None:
        raise ActivityRefused(_("Give the date the activity was held."))
    if problem := held_on_problem(case, held_on) or minutes_problem(minutes):
        raise ActivityRefused(problem)
    if rating is not None and not 0 <= rating <= MAX_RATING:
        raise ActivityRefused(_("The child's rating must be between 0 and 10."))


def mark_held(
    activity: Activity,
    *,
    by,
    held_on: dt.date,
    minutes: int | None = None,
    note: str = "",
    interventions: Iterable[str] | None = None,
    participants: Participants | None = None,
    child_safety_rating: int | None = None,
    child_safety_note: str = "",
    request: HttpRequest | None = None,
) -> Activity:
    """Record that a planned activity took place. For a contact visit, the child's own rating
    of how safe it felt (0–10) and notes on the visit."""
    case = activity.case
    refuse_if_closed(case)
    _refuse_unless_planned(activity)
    _check_held(case, held_on, minutes, child_safety_rating)
    _check_participants(case, participants)
    visit = activity.kind == ActivityKind.CONTACT_VISIT
    with transaction.atomic():
        activity.status = ActivityStatus.HELD
        activity.held_on = held_on
        activity.minutes = minutes
        activity.note = note
        if interventions is not None:
            activity.interventions = list(interventions)
        activity.child_safety_rating = child_safety_rating if visit else None
        activity.child_safety_note = child_safety_note if visit else ""
        activity.sequence += 1
        activity.save(update_fields=[*HELD_COLUMNS, "sequence", "updated_at"])
        _set_participants(activity, participants)
        visit_detail: VisitDetail = {"child_safety_rating": child_safety_rating} if visit else {}
        record(
            request,
            Action.UPDATE,
            activity,
            user=by,
            status=[ActivityStatus.PLANNED, ActivityStatus.HELD],
            held_on=held_on.isoformat(),
            minutes=minutes,
            sequence=activity.sequence,
            **visit_detail,
        )
        _after_change(activity)
    return activity


# The columns marking a planned activity held saves (views.HELD_FIELDS are the form's fields).
HELD_COLUMNS = [
    "status",
    "held_on",
    "minutes",
    "note",
    "interventions",
    "child_safety_rating",
    "child_safety_note",
]


def record_held(
    case: Case,
    *,
    by,
    kind: str,
    held_on: dt.date,
    context: str = "",
    minutes: int | None = None,
    note: str = "",
    request: HttpRequest | None = None,
) -> Activity:
    """An activity recorded after the fact, never planned (an SMS, a call, a visit)."""
    refuse_if_closed(case)
    _check_held(case, held_on, minutes, None)
    fields = {
        "kind": kind,
        "context": context,
        "status": ActivityStatus.HELD,
        "held_on": held_on,
        "minutes": minutes,
        "note": note,
    }
    detail: CreatedDetail = {"held_on": held_on.isoformat(), "minutes": minutes}
    return _create(request, case, by, fields, detail)
