"""Demo placements, recorded through the case write path (samspel.cases.services): the child of
every active case of the Swedish family-home team lives in a family home (SoL 6 kap. 1 § or
LVU), and the social welfare committee has considered the placement about every six months
(övervägande, SoL 6:8 / LVU 13 §); at the two-year mark the custody transfer is considered too.
A Danish §32 case has its child placed in a residential institution, with the supervision
visits of the placed child. Each home is an entry of the organisation's network register and an
actor on the case (samspel.network.placements). Deterministic; for new demo cases only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import translation

from samspel.activities.models import Activity, ActivityKind, ActivityStatus, Context
from samspel.cases.models import Case, PlacementForm
from samspel.cases.services import placement_grounds
from samspel.demo.history import REFERRED_BEFORE_START, DemoCase, due_in, held_dates
from samspel.demo.legal_basis import legal_basis_of
from samspel.families.models import Person
from samspel.network.models import ExternalOrganisation, OrganisationKind
from samspel.network.placements import record_placement_in_home
from samspel.network.services import NewOrganisation
from samspel.organisations import programmes
from samspel.organisations.models import Jurisdiction
from samspel.programmes.definitions import Duration

HALF_YEAR, YEAR = Duration(6, "months"), Duration(1, "years")
CUSTODY_FIRST = Duration(2, "years")  # SoL 6:8: custody transfer considered at two years
CONSIDERATION_OVERDUE = 2  # the slots of samspel.demo.history.due_in
SUPERVISION_OVERDUE = 1
# A custody-transfer date this close is held with the övervägande just before it.
CUSTODY_CLOSE = dt.timedelta(days=30)
CUSTODY_PAST = dt.timedelta(days=60)
FAMILY_HOMES = (
    "Familjehemmet Lindberg, Ljungsbro",
    "Familjehemmet Åkesson, Vreta kloster",
    "Familjehemmet Nilsson, Linghem",
)
NETWORK_HOME = "Nätverkshem hos mormor, Malmslätt"
INSTITUTION = "Døgninstitutionen Solhaven, Risskov"
DANISH_GROUNDS = {"SEL §52", "BL §32"}  # a placement rests on a §32 decision
DANISH_PLACED_AFTER = dt.timedelta(days=30)
DANISH_PLACED_FROM_AGE = 200  # only a case older than this has a child placed


def add_demo_placements(demos: Iterable[DemoCase], today: dt.date) -> list[Activity]:
    """Record the demo placements; return the held considerations (SE) and supervision visits
    (DK) to be saved with the rest of the demo's activities."""
    held: list[Activity] = []
    for demo in demos:
        placed = _placement(demo, today)
        if placed is None:
            continue
        child, started_on, form, ground, home = placed
        # The home joins the case's network in a role worded in the organisation's language.
        with translation.override(demo.case.organisation.default_language):
            record_placement_in_home(
                demo.case,
                child,
                by=demo.case.responsible,
                started_on=started_on,
                form=form,
                legal_ground=ground,
                home=_home(demo.case, form, home),
            )
        held += _visits(demo, started_on, today)
    return held


def _placement(demo: DemoCase, today: dt.date):
    """(child, start, form, legal ground, home) of the case's placement, or None."""
    case = demo.case
    if case.activated_on is None:
        return None
    basis = legal_basis_of(case)
    if case.programme == programmes.FOSTER_HOME_PROCESS:
        # The case was referred before the placement; older cases began two weeks after it.
        started_on = case.referred_on + REFERRED_BEFORE_START
        grounds = dict(placement_grounds(Jurisdiction.SWEDEN))
        ground = next((code for code in basis if code in grounds), "SoL 6:1")
        form, home = (
            (PlacementForm.NETWORK_HOME, NETWORK_HOME)
            if demo.nth % 4 == 3
            else (PlacementForm.FAMILY_HOME, FAMILY_HOMES[demo.nth % len(FAMILY_HOMES)])
        )
    elif case.organisation.jurisdiction == Jurisdiction.DENMARK and DANISH_GROUNDS & set(basis):
        if (today - case.activated_on).days < DANISH_PLACED_FROM_AGE:
            return None
        started_on = case.activated_on + DANISH_PLACED_AFTER
        form, ground, home = PlacementForm.RESIDENTIAL_INSTITUTION, "BL §32", INSTITUTION
    else:
        return None
    child = _eldest_born_before(case, started_on)
    return None if child is None else (child, started_on, form, ground, home)


def _home(case: Case, form: str, name: str) -> ExternalOrganisation | NewOrganisation:
    """The home from the organisation's register, or a new entry the placement registers."""
    registered = ExternalOrganisation.objects.filter(
        organisation_id=case.organisation_id, name=name
    ).first()
    if registered is not None:
        return registered
    kind = (
        OrganisationKind.RESIDENTIAL_UNIT
        if form == PlacementForm.RESIDENTIAL_INSTITUTION
        else OrganisationKind.FOSTER_HOME
    )
    return NewOrganisation(kind=kind, name=name)


def _eldest_born_before(case, day: dt.date) -> Person | None:
    return case.focus_children.filter(birth_date__lt=day).order_by("birth_date", "pk").first()


def _custody_date(started_on: dt.date, today: dt.date) -> dt.date:
    """The custody-transfer date nearest ahead (at two years, then every year), or one passed
    in the last two months."""
    due = CUSTODY_FIRST.after(started_on)
    while due < today - CUSTODY_PAST:
        due = YEAR.after(due)
    return due


def _visits(demo: DemoCase, started_on: dt.date, today: dt.date) -> list[Activity]:
    case = demo.case
    if case.organisation.jurisdiction == Jurisdiction.DENMARK:
        next_due = today + dt.timedelta(days=due_in(demo, HALF_YEAR, SUPERVISION_OVERDUE))
        kind, context = ActivityKind.SUPERVISION_VISIT, Context.HOME
    else:
        next_due = today + dt.timedelta(days=due_in(demo, HALF_YEAR, CONSIDERATION_OVERDUE))
        custody = _custody_date(started_on, today)
        if custody - today <= CUSTODY_CLOSE:
            # The last övervägande came before the custody date's half-year, so the next one
            # (due just before that date) considers the custody transfer as well.
            next_due = custody - dt.timedelta(days=2)
        kind, context = ActivityKind.CONSIDERATION, Context.OFFICE
    return [
        Activity(
            case=case,
            kind=kind,
            context=context,
            status=ActivityStatus.HELD,
            held_on=on,
            minutes=60,
            created_by=case.responsible,
        )
        for on in held_dates(started_on, next_due, HALF_YEAR, demo.seed, late=False)
    ]
