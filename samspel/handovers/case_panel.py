"""What the case page shows of handovers: the waiting ones ("handover in progress"), the
accepted one whose family has not met the new worker yet, and whether the reader may start
one. One query. HandoversConfig.case_panel names it."""

from django.db.models import Q
from django.http import HttpRequest

from samspel.cases.access import leads_team
from samspel.cases.models import Case
from samspel.handovers import services
from samspel.handovers.models import Kind, State


def handover_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    user = request.user
    shown = list(
        case.handovers.filter(
            Q(state=State.WAITING) | Q(state=State.ACCEPTED, family_met_on__isnull=True)
        ).select_related("from_user", "to_user")
    )
    holds = any(
        (current := services.holder(case, kind)) is not None and current.pk == user.pk
        for kind in Kind.values
    )
    startable = writable and (holds or leads_team(user, case))
    return {
        "handovers_waiting": [h for h in shown if h.state == State.WAITING],
        "handovers_unmet": [h for h in shown if h.state == State.ACCEPTED][:1],
        "may_hand_over": startable,
    }
