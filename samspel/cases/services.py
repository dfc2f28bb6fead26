"""Opening a case, changing it, moving its status and giving colleagues access by name: the one
way code changes a Case or a CaseGrant.

Each function runs in one transaction: it refuses a closed case first (samspel.cases.refusals;
a closed case is frozen), saves with explicit fields, leaves one audit record and recomputes the
case's due items when what the programme engine reads may have changed. Refusals are raised as
`Refused` before anything is written; views show them with `refusal_response`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import Role, User
from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.bounds import PAST, PLANNED, RECORD, DateBounds
from samspel.cases.access import leads_team
from samspel.cases.models import (
    ANSWERING_ROLES,
    HOME_KINDS,
    PLACEMENT_FORMS,
    AdultAnswers,
    Case,
    CaseGrant,
    CasePeriod,
    CaseStatus,
    ClosingReason,
    Measure,
    Placement,
    PlacementEnd,
    PlacementEndReason,
    SupportAnswer,
)
from samspel.cases.numbering import next_case_number
from samspel.cases.refusals import Refused, refuse_if_closed
from samspel.catalogues.loader import Catalogue, UnknownParagraph, catalogue
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.recompute import recompute_case
from samspel.organisations.models import Jurisdiction

if TYPE_CHECKING:  # cases sits below network in the layers: the type only, never the import
    from samspel.network.models import ExternalOrganisation

# What a worker may change on an open case (focus children are set apart: many-to-many).
EDITABLE = ("programme", "team", "responsible", "buddy", "referred_on")

STATUS_DATE_FIELD = {
    CaseStatus.ACTIVE: "activated_on",
    CaseStatus.CLOSING: "closing_on",
    CaseStatus.CLOSED: "closed_on",
}


def open_case(
    family: Family,
    *,
    by: User,
    focus_children: Iterable[Person],
    request: HttpRequest | None = None,
    number: str = "",
    **fields: Any,
) -> Case:
    """A new case of `family`, numbered in its organisation's series for the referral year, or
    keeping the `number` it has in the system of record it is imported from."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"open_case cannot set {sorted(unknown)}")
    with transaction.atomic():
        case = Case(organisation=family.organisation, family=family, **fields)
        case.number = number or next_case_number(family.organisation, case.referred_on)
        case.save()
        case.focus_children.set(focus_children)
        record(request, Action.CREATE, case, user=by)
        recompute_case(case)
    return case


def change_case(
    case: Case,
    *,
    by: User,
    focus_children: Iterable[Person] | None = None,
    request: HttpRequest | None = None,
    **changes: Any,
) -> Case:
    """Change what the case form shows: programme, team, workers, referral date
    and (when given) the focus children. The audit record names the fields that changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"change_case cannot change {sorted(unknown)}")
    refuse_if_closed(case)
    changed = sorted(name for name, value in changes.items() if getattr(case, name) != value)
    children = None if focus_children is None else list(focus_children)
    if children is not None and {p.pk for p in children} != set(
        case.focus_children.values_list("pk", flat=True)
    ):
        changed.append("focus_children")
    with transaction.atomic():
        for name in changed:
            if name != "focus_children":
                setattr(case, name, changes[name])
        case.save(update_fields=[n for n in changed if n != "focus_children"] + ["updated_at"])
        if "focus_children" in changed and children is not None:
            case.focus_children.set(children)
        record(request, Action.UPDATE, case, user=by, fields=sorted(changed))
        recompute_case(case)
    return case


def change_status(
    case: Case,
    *,
    by: User,
    status: str,
    on: dt.date,
    closing_reason: str = "",
    closing_note: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Move the case along its status flow (referral → active → closing → closed) from `on`.
    Closing asks for its reason (ClosingReason). A closed case goes nowhere until its team
    leader reopens it (reopen_case)."""
    refuse_if_closed(case)
    if status not in case.allowed_statuses():
        raise Refused(_("That status change is not possible. Nothing was changed."))
    if on < case.referred_on:
        raise Refused(_("The date is before the referral. Nothing was changed."))
    closing = status == CaseStatus.CLOSED
    if closing and closing_reason not in ClosingReason.values:
        raise Refused(_("Choose why the case is closed. Nothing was changed."))
    if closing and closing_reason == ClosingReason.OTHER and not closing_note.strip():
        raise Refused(_("Say in the note why the case is closed. Nothing was changed."))
    date_field = STATUS_DATE_FIELD[CaseStatus(status)]
    old_status = case.status
    fields = ["status", date_field, "updated_at"]
    with transaction.atomic():
        case.status = status
        setattr(case, date_field, on)
        if closing:
            case.closing_reason, case.closing_note = closing_reason, closing_note.strip()
            fields += ["closing_reason", "closing_note"]
        case.save(update_fields=fields)
        detail: dict[str, Any] = {"closing_reason": closing_reason} if closing else {}
        record(
            request,
            Action.UPDATE,
            case,
            user=by,
            status=[old_status, status],
            on=on.isoformat(),
            **detail,
        )
        recompute_case(case)
    return case


def reopen_case(
    case: Case, *, by: User, on: dt.date, reason: str, request: HttpRequest | None = None
) -> Case:
    """The team leader reopens a closed case from `on`: the finished period is kept (its
    start, closing and reason, as a CasePeriod) and the case is active again from `on`, so
    that follow-up counts from the new start and nothing of the old period is rewritten."""
    if case.status != CaseStatus.CLOSED or case.closed_on is None:
        raise Refused(_("Only a closed case can be reopened. Nothing was changed."))
    if not leads_team(by, case):
        raise Refused(_("Only the leader of the case's team reopens it. Nothing was changed."))
    if not reason.strip():
        raise Refused(_("Say why the case is reopened. Nothing was changed."))
    if on < case.closed_on:
        raise Refused(_("A case is reopened after it was closed. Nothing was changed."))
    _refuse_outside(RECORD, on)
    with transaction.atomic():
        CasePeriod.objects.create(
            case=case,
            started_on=case.activated_on or case.referred_on,
            closed_on=case.closed_on,
            closing_reason=case.closing_reason,
            closing_note=case.closing_note,
            reopened_on=on,
            reopening_reason=reason.strip(),
            reopened_by=by,
        )
        case.status, case.activated_on = CaseStatus.ACTIVE, on
        case.closing_on = case.closed_on = None
        case.closing_reason, case.closing_note = "", ""
        case.save(
            update_fields=[
                "status", "activated_on", "closing_on", "closed_on", "closing_reason",
                "closing_note", "updated_at",
            ]
        )  # fmt: skip
        record(request, Action.UPDATE, case, user=by, reopened=on.isoformat(), reason=reason)
        recompute_case(case)
    return case


def case_workers_of(case: Case):
    """The users who may be the case's responsible worker or buddy: active workers and team
    leaders of its organisation."""
    return User.objects.filter(
        organisation_id=case.organisation_id,
        is_active=True,
        role__in=[Role.WORKER, Role.TEAM_LEADER],
    )


def is_team_worker(case: Case, user: User, team_id: int | None = None) -> bool:
    """Whether `user` may hold a case of the team (the case's own unless `team_id`): an active
    worker or team leader of the organisation and a member of that team."""
    team = team_id if team_id is not None else case.team_id
    return case_workers_of(case).filter(pk=user.pk, teams=team).exists()


def assign_case(
    case: Case,
    *,
    by: User,
    responsible: User,
    buddy: User | None = None,
    request: HttpRequest | None = None,
) -> Case:
    """Give a referral waiting in its team's intake queue its responsible worker (a member of
    the case's team) and, if chosen, its buddy. A case that has a responsible worker changes
    hands by a handover instead."""
    refuse_if_closed(case)
    if case.responsible_id is not None:
        raise Refused(_("This case already has a responsible worker. Nothing was changed."))
    if not is_team_worker(case, responsible):
        raise Refused(_("The responsible worker must be an active member of the case's team."))
    workers = case_workers_of(case)
    if buddy is not None and (buddy == responsible or not workers.filter(pk=buddy.pk).exists()):
        raise Refused(_("The buddy must be another active worker of the organisation."))
    with transaction.atomic():
        case.responsible, case.buddy = responsible, buddy
        case.save(update_fields=["responsible", "buddy", "updated_at"])
        record(
            request, Action.UPDATE, case, user=by, fields=["buddy", "responsible"], assigned=True
        )
        recompute_case(case)
    return case


def grant_access(
    case: Case, *, by: User, user: User, can_write: bool, request: HttpRequest | None = None
) -> CaseGrant:
    """Give a colleague of the case's organisation access by name, to read or also to change."""
    refuse_if_closed(case)
    if user.organisation_id != case.organisation_id or not user.is_active:
        raise Refused(_("Choose an active worker of your organisation."))
    with transaction.atomic():
        grant, _created = CaseGrant.objects.update_or_create(
            case=case, user=user, defaults={"can_write": can_write, "granted_by": by}
        )
        record(request, Action.UPDATE, case, user=by, granted=str(user.public_id), write=can_write)
    return grant


def revoke_access(
    case: Case, *, by: User, user_public_id: Any, request: HttpRequest | None = None
) -> bool:
    """Take a colleague's access by name away; True if there was one. Allowed on a closed case
    too: narrowing who reads a family's case changes nothing in it and is never refused."""
    with transaction.atomic():
        deleted, _details = CaseGrant.objects.filter(
            case=case, user__public_id=user_public_id
        ).delete()
        if deleted:
            record(request, Action.UPDATE, case, user=by, revoked=str(user_public_id))
    return bool(deleted)


# Investigations (SE: SoL 11 kap. 1 a § and 2 §; DK: Barnets lov §20) ---------------------------

DECISION_BEFORE_REFERRAL = _("The decision cannot be before the referral. Nothing was changed.")
STARTED_NOT_OPENED = _(
    "The investigation has started, so the decision cannot be not to open it. Nothing was changed."
)
DECISION_AFTER_START = _(
    "The decision cannot be after the investigation's start. Nothing was changed."
)
DECIDE_FIRST = _("Record the decision to open the investigation first. Nothing was changed.")
START_BEFORE_DECISION = _(
    "The investigation cannot start before the decision to open it. Nothing was changed."
)
START_BEFORE_REFERRAL = _(
    "The investigation cannot start before the referral. Nothing was changed."
)
END_BEFORE_START = _("The investigation cannot end before it starts. Nothing was changed.")


def _refuse_outside(
    bounds: DateBounds, *days: dt.date | None, today: dt.date | None = None
) -> None:
    for day in days:
        if day is not None and (problem := bounds.problem(day, today)) is not None:
            raise Refused(problem)


def _refuse_outside_past(*days: dt.date | None, today: dt.date | None = None) -> None:
    _refuse_outside(PAST, *days, today=today)


def record_investigation_decision(
    case: Case,
    *,
    by: User,
    decided_on: dt.date,
    opened: bool,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Case:
    """The Swedish decision whether to open an investigation (SoL 11 kap. 1 a §), dated, opened
    or not, recorded by `by`: it closes the 14-day item. A later record corrects it."""
    refuse_if_closed(case)
    _refuse_outside_past(decided_on, today=today)
    if decided_on < case.referred_on:
        raise Refused(DECISION_BEFORE_REFERRAL)
    started = case.investigation_started_on
    if started is not None and not opened:
        raise Refused(STARTED_NOT_OPENED)
    if started is not None and decided_on > started:
        raise Refused(DECISION_AFTER_START)
    fields = ["investigation_decided_on", "investigation_opened", "investigation_decided_by"]
    with transaction.atomic():
        case.investigation_decided_on = decided_on
        case.investigation_opened = opened
        case.investigation_decided_by = by
        case.save(update_fields=[*fields, "updated_at"])
        record(
            request,
            Action.UPDATE,
            case,
            user=by,
            investigation_decided_on=decided_on.isoformat(),
            investigation_opened=opened,
        )
        recompute_case(case)
    return case


def record_investigation(
    case: Case,
    *,
    by: User,
    started_on: dt.date,
    finished_on: dt.date | None = None,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Case:
    """The investigation's start and (once finished) its end: the start opens the 4-month item
    (SE: SoL 11 kap. 2 §; DK: Barnets lov §20), the end closes it. In Sweden it follows a
    decision to open it."""
    refuse_if_closed(case)
    _refuse_outside_past(started_on, finished_on, today=today)
    if case.organisation.jurisdiction == Jurisdiction.SWEDEN:
        if not case.investigation_opened:
            raise Refused(DECIDE_FIRST)
        assert case.investigation_decided_on is not None
        if started_on < case.investigation_decided_on:
            raise Refused(START_BEFORE_DECISION)
    if started_on < case.referred_on:
        raise Refused(START_BEFORE_REFERRAL)
    if finished_on is not None and finished_on < started_on:
        raise Refused(END_BEFORE_START)
    with transaction.atomic():
        case.investigation_started_on = started_on
        case.investigation_finished_on = finished_on
        case.save(
            update_fields=["investigation_started_on", "investigation_finished_on", "updated_at"]
        )
        record(
            request,
            Action.UPDATE,
            case,
            user=by,
            investigation_started_on=started_on.isoformat(),
            investigation_finished_on=finished_on.isoformat() if finished_on else None,
        )
        recompute_case(case)
    return case


NOT_AN_ADULT = _(
    "Only a parent in the case's family is asked about the children and offered parenting "
    "support. Nothing was changed."
)


def record_adult_answers(
    case: Case,
    person: Person | None,
    *,
    by: User,
    asked_about_children_on: dt.date | None = None,
    children_answer: str = "",
    parenting_support_offered_on: dt.date | None = None,
    support_answer: str = "",
    support_note: str = "",
    request: HttpRequest | None = None,
) -> AdultAnswers:
    """FIFA (seed 002): what one adult of the case answered when asked how their children are,
    and when offered parenting support, each with its day. The adult's whole record is set as
    given: a part left out (no day, no answer) is not recorded yet. Each part is a day and an
    answer together; a day lies between the referral and today."""
    refuse_if_closed(case)
    if person is None or person.family_id != case.family_id or person.role not in ANSWERING_ROLES:
        raise Refused(NOT_AN_ADULT)
    children_answer, support_note = children_answer.strip(), support_note.strip()
    if bool(asked_about_children_on) != bool(children_answer):
        raise Refused(
            _("Give both the day the adult was asked and their answer. Nothing was changed.")
        )
    if bool(parenting_support_offered_on) != bool(support_answer):
        raise Refused(
            _("Give both the day support was offered and the answer. Nothing was changed.")
        )
    if support_answer and support_answer not in SupportAnswer.values:
        raise Refused(_("Choose an answer to the offer. Nothing was changed."))
    if support_note and not support_answer:
        raise Refused(
            _("Give both the day support was offered and the answer. Nothing was changed.")
        )
    for day in (asked_about_children_on, parenting_support_offered_on):
        if day is None:
            continue
        if problem := PAST.problem(day):
            raise Refused(problem)
        if day < case.referred_on:
            raise Refused(_("The date is before the case was referred."))
    values = {
        "asked_about_children_on": asked_about_children_on,
        "children_answer": children_answer,
        "parenting_support_offered_on": parenting_support_offered_on,
        "support_answer": support_answer,
        "support_note": support_note,
    }
    with transaction.atomic():
        answers, created = AdultAnswers.objects.get_or_create(
            case=case, person=person, defaults={**values, "updated_by": by}
        )
        changed = (
            sorted(values)
            if created
            else [name for name, value in values.items() if getattr(answers, name) != value]
        )
        if not created and changed:
            for name in changed:
                setattr(answers, name, values[name])
            answers.updated_by = by
            answers.save(update_fields=[*changed, "updated_by", "updated_at"])
        if changed:
            record(
                request,
                Action.CREATE if created else Action.UPDATE,
                answers,
                user=by,
                case=str(case.public_id),
                person=str(person.public_id),
                fields=changed,
                asked_about_children_on=_iso(asked_about_children_on),
                parenting_support_offered_on=_iso(parenting_support_offered_on),
            )
            recompute_case(case)
    return answers


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# Placements (SE: SoL 6 kap., LVU; DK: Barnets lov) ---------------------------------------------

# The Swedish grounds of a placement: a placement under SoL (6 kap. 1 §) or care under LVU 2 §
# (the home environment) or 3 § (the young person's own behaviour). The codes are the
# catalogue's (samspel/catalogues/data/se.toml), which shows the 2025 act's numbers beside them.
SE_PLACEMENT_GROUNDS = ("SoL 6:1", "LVU 2 §", "LVU 3 §")

NOT_A_FOCUS_CHILD = _("Choose a focus child of the case. Nothing was changed.")
NOT_THIS_COUNTRY = _(
    "That form of placement or legal ground is not one of your country's. Nothing was changed."
)
NOT_A_HOME = _(
    "Choose a home or unit from your organisation's list, or give the name of a new one. "
    "Nothing was changed."
)
PLACED_BEFORE_BIRTH = _("A child cannot be placed before their birth. Nothing was changed.")
PLACEMENT_END_BEFORE_START = _("A placement cannot end before it starts. Nothing was changed.")
UNPLANNED_NEEDS_REASON = _("Give the reason an unplanned placement ended. Nothing was changed.")
ALREADY_ENDED = _("The placement has already ended. Nothing was changed.")


def placement_grounds(jurisdiction: str) -> list[tuple[str, str]]:
    """The legal grounds a placement of `jurisdiction` may rest on, as (code, label): in Sweden
    SoL or LVU 2 § / 3 §; in Denmark the Barnets lov paragraphs of the catalogue. Only numbers
    the catalogue holds are offered (never an invented one); the 2025 act's number is shown
    beside the old one where the catalogue holds it."""
    paragraphs = catalogue(jurisdiction).paragraphs
    if jurisdiction == Jurisdiction.SWEDEN:
        codes = [code for code in SE_PLACEMENT_GROUNDS if code in paragraphs]
    else:
        codes = [code for code in paragraphs if code.startswith("BL ")]
    return [(code, paragraphs[code].label) for code in codes]


def _refuse_child(case: Case, child: Person | None) -> Person:
    if (
        child is None
        or child.family_id != case.family_id
        or child.role != PersonRole.CHILD
        or not case.focus_children.filter(pk=child.pk).exists()
    ):
        raise Refused(NOT_A_FOCUS_CHILD)
    return child


def _refuse_end(started_on: dt.date, ended_on: dt.date, end_kind: str, end_reason: str) -> None:
    if ended_on < started_on:
        raise Refused(PLACEMENT_END_BEFORE_START)
    if end_kind not in PlacementEnd.values:
        raise Refused(_("Choose how the placement ended. Nothing was changed."))
    if end_reason and end_reason not in PlacementEndReason.values:
        raise Refused(UNPLANNED_NEEDS_REASON)
    if end_kind == PlacementEnd.UNPLANNED and not end_reason:
        raise Refused(UNPLANNED_NEEDS_REASON)


def record_placement(
    case: Case,
    child: Person | None,
    *,
    by: User,
    started_on: dt.date,
    form: str,
    legal_ground: str,
    home: ExternalOrganisation | None = None,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Placement:
    """A focus child's placement from `started_on` (not in the future, not before the child's
    birth), in a form and on a legal ground of the organisation's country, in a `home` of the
    organisation's network register (a family home or a residential unit), or none recorded;
    samspel.network.placements registers a new home and links it to the case. A current placement
    starts the law's placement rules (SE övervägande, care-plan revision, custody transfer; DK
    barnets plan, supervision visits), counted from the earliest current placement's start."""
    refuse_if_closed(case)
    child = _refuse_child(case, child)
    jurisdiction = case.organisation.jurisdiction
    if form not in PLACEMENT_FORMS[jurisdiction] or legal_ground not in dict(
        placement_grounds(jurisdiction)
    ):
        raise Refused(NOT_THIS_COUNTRY)
    _refuse_outside_past(started_on, today=today)
    if child.birth_date and started_on < child.birth_date:
        raise Refused(PLACED_BEFORE_BIRTH)
    if home is not None and (
        home.organisation_id != case.organisation_id or home.kind not in HOME_KINDS
    ):
        raise Refused(NOT_A_HOME)
    with transaction.atomic():
        placement = Placement.objects.create(
            case=case,
            child=child,
            started_on=started_on,
            form=form,
            legal_ground=legal_ground,
            home=home,
            created_by=by,
        )
        record(
            request,
            Action.CREATE,
            placement,
            user=by,
            case=str(case.public_id),
            child=str(child.public_id),
            started_on=started_on.isoformat(),
            form=form,
            legal_ground=legal_ground,
            home=str(home.public_id) if home else None,
        )
        recompute_case(case)
    return placement


def end_placement(
    placement: Placement,
    *,
    by: User,
    ended_on: dt.date,
    end_kind: str,
    end_reason: str = "",
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Placement:
    """End a current placement on `ended_on` (not before its start, not in the future), planned
    or unplanned (sammanbrott / afbrudt anbringelse); an unplanned end names its reason. An
    ended placement stops its rules; a placement recorded later starts them again."""
    case = placement.case
    refuse_if_closed(case)
    if placement.ended_on is not None:
        raise Refused(ALREADY_ENDED)
    _refuse_outside_past(ended_on, today=today)
    _refuse_end(placement.started_on, ended_on, end_kind, end_reason)
    if end_kind == PlacementEnd.PLANNED:
        end_reason = ""
    with transaction.atomic():
        placement.ended_on = ended_on
        placement.end_kind = end_kind
        placement.end_reason = end_reason
        placement.save(update_fields=["ended_on", "end_kind", "end_reason", "updated_at"])
        record(
            request,
            Action.UPDATE,
            placement,
            user=by,
            case=str(case.public_id),
            ended_on=ended_on.isoformat(),
            end_kind=end_kind,
            end_reason=end_reason,
        )
        recompute_case(case)
    return placement


# Measures (insats / foranstaltning) ------------------------------------------------------------

NOT_THIS_COUNTRYS_LAW = _(
    "%(code)s is not a paragraph of the law of the organisation's country. Nothing was changed."
)
MEASURE_ENDS_BEFORE_START = _("A measure cannot end before it starts. Nothing was changed.")
MEASURE_STARTS_BEFORE_DECISION = _(
    "A measure cannot start before it is decided. Nothing was changed."
)
MEASURE_ALREADY_IN_FORCE = _(
    "%(code)s is already a measure of the case from %(starts_on)s. End that one first, or date "
    "the new one after its end. Nothing was changed."
)
MEASURE_ALREADY_ENDS = _("The measure already has an end. Nothing was changed.")


def measure_paragraph(case: Case, code: str) -> str:
    """The catalogue's own spelling of `code` in the law of the case's country; refused when
    that law has no such paragraph (a Danish paragraph on a Swedish case, say)."""
    try:
        return catalogue(case.organisation.jurisdiction).paragraph(code).code
    except (UnknownParagraph, KeyError):
        raise Refused(NOT_THIS_COUNTRYS_LAW % {"code": code}) from None


def add_measure(
    case: Case,
    *,
    by: User | None,
    paragraph: str,
    decided_on: dt.date,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Measure:
    """A decided measure of the case on a paragraph of its country's law, from `starts_on` (it
    may lie in the past: a decision recorded late still counts from its start). Decided not in
    the future and not after the start; an end, if known, not before the start. The same
    paragraph (in either numbering) cannot be in force twice at once."""
    refuse_if_closed(case)
    code = measure_paragraph(case, paragraph)
    _refuse_outside(PAST, decided_on, today=today)
    _refuse_outside(RECORD, starts_on, today=today)
    _refuse_outside(PLANNED, ends_on, today=today)
    if starts_on < decided_on:
        raise Refused(MEASURE_STARTS_BEFORE_DECISION)
    if ends_on is not None and ends_on < starts_on:
        raise Refused(MEASURE_ENDS_BEFORE_START)
    law = catalogue(case.organisation.jurisdiction)
    same = law.current(code).code
    for other in case.measures.all():
        same_paragraph = _current_code(law, other.paragraph) == same
        if same_paragraph and _overlap(other.starts_on, other.ends_on, starts_on, ends_on):
            raise Refused(
                MEASURE_ALREADY_IN_FORCE
                % {"code": other.paragraph, "starts_on": date_format(other.starts_on)}
            )
    with transaction.atomic():
        measure = Measure.objects.create(
            case=case,
            paragraph=code,
            decided_on=decided_on,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=by,
        )
        record(
            request,
            Action.CREATE,
            measure,
            user=by,
            case=str(case.public_id),
            paragraph=code,
            decided_on=decided_on.isoformat(),
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat() if ends_on else None,
        )
        recompute_case(case)
    return measure


def end_measure(
    measure: Measure,
    *,
    by: User | None,
    ends_on: dt.date,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> Measure:
    """End a measure on `ends_on` (its last day in force; in the past, or ahead when the
    decision is time-limited), not before its start. The measure stays in the case's history."""
    case = measure.case
    refuse_if_closed(case)
    if measure.ends_on is not None:
        raise Refused(MEASURE_ALREADY_ENDS)
    _refuse_outside(PLANNED, ends_on, today=today)
    if ends_on < measure.starts_on:
        raise Refused(MEASURE_ENDS_BEFORE_START)
    with transaction.atomic():
        measure.ends_on = ends_on
        measure.ended_by = by
        measure.save(update_fields=["ends_on", "ended_by", "updated_at"])
        record(
            request,
            Action.UPDATE,
            measure,
            user=by,
            case=str(case.public_id),
            ends_on=ends_on.isoformat(),
        )
        recompute_case(case)
    return measure


def _current_code(law: Catalogue, code: str) -> str | None:
    """The paragraph in force for `code`, or None for a code the catalogue no longer holds."""
    try:
        return law.current(code).code
    except UnknownParagraph:
        return None


def _overlap(
    a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None
) -> bool:
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)
