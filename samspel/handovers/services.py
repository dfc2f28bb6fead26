"""Starting, accepting and cancelling a handover, and recording when the family was told and
met the new worker: the one way code changes a Handover. Each refusal is a `Refused` raised
before anything is written; each change one audit event naming the case."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import User
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.bounds import PAST
from samspel.cases import services as case_services
from samspel.cases.access import cases_for_user, leads_team
from samspel.cases.models import Case, CaseGrant
from samspel.cases.refusals import Refused, refuse_if_closed
from samspel.handovers.models import NOTE_FIELDS, Handover, Kind, State
from samspel.organisations.models import Team


def holder(case: Case, kind: str) -> User | None:
    """Who hands over: the buddy their role; the responsible worker their role or the case."""
    return case.buddy if kind == Kind.BUDDY else case.responsible


def may_start(user, case: Case, kind: str) -> bool:
    """The one who holds the role hands it over, or the team's leader does."""
    current = holder(case, kind)
    return (current is not None and current.pk == user.pk) or leads_team(user, case)


def waiting(case: Case):
    return case.handovers.filter(state=State.WAITING).select_related("from_user", "to_user")


def start(
    case: Case,
    *,
    by: User,
    kind: str,
    to_user: User,
    note: dict,
    to_team: Team | None = None,
    request=None,
):
    refuse_if_closed(case)
    current = holder(case, kind)
    if current is None:
        raise Refused(_("There is no one to hand over from: assign the role instead."))
    if not may_start(by, case, kind):
        raise Refused(_("Only the worker who holds the role, or the team leader, hands it over."))
    if to_user.pk == current.pk:
        raise Refused(_("Hand the case to someone else than the one who has it."))
    if kind == Kind.BUDDY and to_user.pk == case.responsible_id:
        raise Refused(_("The responsible worker cannot be their own buddy."))
    if kind == Kind.TEAM:
        if (
            to_team is None
            or to_team.organisation_id != case.organisation_id
            or not to_team.is_active
            or to_team.pk == case.team_id
        ):
            raise Refused(_("Choose another active team of the organisation."))
        if to_team.programme != case.programme:
            raise Refused(_("The new team does not run the case's working model."))
    if kind == Kind.BUDDY:
        may_hold = case_services.case_workers_of(case).filter(pk=to_user.pk).exists()
    else:
        team_id = to_team.pk if kind == Kind.TEAM and to_team else None
        may_hold = case_services.is_team_worker(case, to_user, team_id)
    if not may_hold:
        raise Refused(
            _("The new worker must be an active worker of the organisation (and of the team).")
        )
    # The case and its responsible worker change together: one such handover at a time.
    same = [Kind.RESPONSIBLE, Kind.TEAM] if kind != Kind.BUDDY else [Kind.BUDDY]
    if waiting(case).filter(kind__in=same).exists():
        raise Refused(_("A handover of this role is already waiting. Nothing was changed."))
    with transaction.atomic():
        readable = cases_for_user(to_user).filter(pk=case.pk).exists()
        handover = Handover.objects.create(
            case=case,
            kind=kind,
            from_user=current,
            to_user=to_user,
            to_team=to_team if kind == Kind.TEAM else None,
            created_by=by,
            granted_reading=not readable,
            **{name: note.get(name, "") for name in NOTE_FIELDS},
        )
        if not readable:  # to read the case and the note before accepting
            CaseGrant.objects.create(case=case, user=to_user, can_write=False, granted_by=by)
        record(request, Action.CREATE, handover, user=by, cases=[case], kind=kind)
    return handover


def _end_reading(handover: Handover) -> None:
    if handover.granted_reading:
        CaseGrant.objects.filter(
            case=handover.case, user=handover.to_user, can_write=False
        ).delete()


def accept(handover: Handover, *, by: User, request=None) -> Handover:
    """The new worker takes the role: the case changes hands now."""
    case = handover.case
    refuse_if_closed(case)
    if handover.state != State.WAITING:
        raise Refused(_("This handover is no longer waiting. Nothing was changed."))
    if by.pk != handover.to_user_id:
        raise Refused(_("Only the new worker accepts the handover."))
    with transaction.atomic():
        _end_reading(handover)
        if handover.kind == Kind.TEAM:
            # The old team's buddy stays with the old team; the new team chooses its own.
            changes = {"team": handover.to_team, "responsible": handover.to_user, "buddy": None}
        else:
            changes = {handover.kind: handover.to_user}
        if handover.kind == Kind.RESPONSIBLE and case.buddy_id == handover.to_user_id:
            changes["buddy"] = None  # the buddy becomes responsible: no longer their own buddy
        case_services.change_case(case, by=by, request=request, **changes)
        handover.state, handover.decided_by, handover.decided_at = (
            State.ACCEPTED,
            by,
            timezone.now(),
        )
        handover.save(update_fields=["state", "decided_by", "decided_at"])
        record(request, Action.UPDATE, handover, user=by, cases=[case], accepted=True)
    return handover


def cancel(handover: Handover, *, by: User, request=None) -> Handover:
    if handover.state != State.WAITING:
        raise Refused(_("This handover is no longer waiting. Nothing was changed."))
    if by.pk != handover.from_user_id and not leads_team(by, handover.case):
        raise Refused(_("Only the worker who hands over, or the team leader, cancels it."))
    with transaction.atomic():
        _end_reading(handover)
        handover.state, handover.decided_by, handover.decided_at = (
            State.CANCELLED,
            by,
            timezone.now(),
        )
        handover.save(update_fields=["state", "decided_by", "decided_at"])
        record(request, Action.UPDATE, handover, user=by, cases=[handover.case], cancelled=True)
    return handover


def record_family(
    handover: Handover,
    *,
    by: User,
    told_on: dt.date | None,
    met_on: dt.date | None,
    request=None,
) -> Handover:
    """When the family was told of the change, and when it met the new worker."""
    if by.pk not in (handover.from_user_id, handover.to_user_id) and not leads_team(
        by, handover.case
    ):
        raise Refused(_("Only the two workers or the team leader record this."))
    if handover.state == State.CANCELLED:
        raise Refused(_("This handover was cancelled. Nothing was changed."))
    for day in (told_on, met_on):
        if day is not None and (problem := PAST.problem(day)):
            raise Refused(problem)
    if met_on is not None and handover.state != State.ACCEPTED:
        raise Refused(_("The family meets the new worker once the handover is accepted."))
    with transaction.atomic():
        handover.family_told_on, handover.family_met_on = told_on, met_on
        handover.save(update_fields=["family_told_on", "family_met_on"])
        record(
            request,
            Action.UPDATE,
            handover,
            user=by,
            cases=[handover.case],
            family_told_on=told_on.isoformat() if told_on else None,
            family_met_on=met_on.isoformat() if met_on else None,
        )
    return handover
