"""A placement in a home of the network register (ISSUE10 item 3): the home is chosen from the
organisation's register or typed in by name and registered then, and it joins the case's
network as an actor in the role of placement home when it is not on the case yet. Network sits
above cases in the layers, so the placement write path (samspel.cases.services) and the
network's (samspel.network.services) meet here, in one transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext

from samspel.accounts.models import User
from samspel.cases.models import Case, Placement
from samspel.cases.refusals import refuse_if_closed
from samspel.cases.services import record_placement
from samspel.families.models import Person
from samspel.network.models import CaseActor, ExternalOrganisation
from samspel.network.services import NewOrganisation, add_actor, register_organisation


def placement_home_role() -> str:
    """The role a placement's home is given on the case, in the recording worker's language
    (a role is the worker's own words, as on the network page)."""
    return gettext("Placement home or unit")


def record_placement_in_home(
    case: Case,
    child: Person | None,
    *,
    by: User,
    started_on: dt.date,
    form: str,
    legal_ground: str,
    home: ExternalOrganisation | NewOrganisation | None,
    request: HttpRequest | None = None,
) -> Placement:
    """Record the placement (samspel.cases.services.record_placement refuses and audits) in
    `home`, a registered one or a new one registered now; link the home to the case unless it
    is already one of its actors, in whatever role. A refusal leaves nothing registered."""
    refuse_if_closed(case)
    with transaction.atomic():
        if isinstance(home, NewOrganisation):
            home = register_organisation(request, case, by, home)
        placement = record_placement(
            case,
            child,
            by=by,
            started_on=started_on,
            form=form,
            legal_ground=legal_ground,
            home=home,
            request=request,
        )
        linked = CaseActor.objects.filter(case=case, external_organisation=home)
        if home is not None and not linked.exists():
            add_actor(case, by=by, role=placement_home_role(), organisation=home, request=request)
    return placement
