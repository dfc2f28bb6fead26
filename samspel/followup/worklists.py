"""The queries behind the worklists: a worker's open due items, a team leader's teams, the
caseload per worker and the periods for compliance. Each list starts from the scoped querysets
of samspel.cases.access (`restrict` to `own_cases`, `cases_for_user` or `team_cases`), so a
worklist never shows a case its reader cannot open; the worker's list also filters on the columns
DueItem copies from the case (responsible_id, buddy_id) to stay on their indexes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from samspel.accounts.models import User
from samspel.cases.access import cases_for_user, own_cases, restrict, team_cases
from samspel.cases.models import Case, CaseStatus
from samspel.followup.engine import DUE_SOON, DUE_SOON_DAYS, OVERDUE, UPCOMING, Period, due_state
from samspel.followup.messages import date_text, describe
from samspel.followup.models import DueItem, FollowUpPeriod
from samspel.organisations.models import Team

STATES = (OVERDUE, DUE_SOON, UPCOMING)  # the order of the worklist


def due_items_for_user(user, *, mine: bool = False) -> QuerySet[DueItem]:
    """Open due items of the cases the user may read; with `mine`, only of the cases the user
    is responsible or buddy for (the worker's worklist and the home page's summary)."""
    if not mine:
        return restrict(DueItem.objects.all(), cases_for_user(user))
    # Belt and braces: the copied columns stay as a second filter, the cases from access decide
    # (PostgreSQL reads them by the cases' own indexes: docs/benchmark.md).
    return restrict(
        DueItem.objects.filter(Q(responsible_id=user.pk) | Q(buddy_id=user.pk)), own_cases(user)
    )


def team_due_items(user, team: Team | None = None) -> QuerySet[DueItem]:
    """Open due items of the cases of the teams the user leads (cases.access.team_cases)."""
    return restrict(DueItem.objects.all(), team_cases(user, team))


def due_row(item: DueItem, today: dt.date) -> dict:
    """A stored item as the case page and the worklists show it: its state (engine.due_state),
    the days to or since its date, and its explanation in the active language."""
    return due_rows([item], today)[0]


def due_rows(items: Iterable[DueItem], today: dt.date, *, with_case: bool = False) -> list[dict]:
    """The rows of a list of stored items, with the text the tables show made here, in the
    active language: the state label, the due date in the local format, the translated title
    and, `with_case`, the case and the link to its page. A worklist repeats dates, titles and
    cases, so each distinct title and case is made once per list and each date once per
    language (messages.date_text): the templates' per-row filters, tags and includes were most
    of a worklist's time (docs/benchmark.md)."""
    titles: dict[str, str] = {}
    links: dict[int, str] = {}
    rows = []
    for item in items:
        state = due_state(item.due_on, today)
        days = abs((item.due_on - today).days)
        if item.title not in titles:
            titles[item.title] = gettext(item.title) if item.title else ""
        row = {
            "item": item,
            "state": state,
            "days": days,
            "label": state_label(state, days),
            "due_text": date_text(item.due_on),
            "title": titles[item.title],
            "explanation": describe(item.explanation, item.explanation_params),
        }
        if with_case:
            case = item.case
            if case.pk not in links:
                links[case.pk] = reverse("cases:detail", args=[case.public_id])
            row["case"], row["case_url"] = case, links[case.pk]
        rows.append(row)
    return rows


def state_label(state: str, days: int) -> str:
    """ "Overdue by 3 days", "Due today", "Due soon: in 2 days", "Upcoming: in 9 days"."""
    if state == OVERDUE:
        text = ngettext("Overdue by %(days)s day", "Overdue by %(days)s days", days)
    elif state == DUE_SOON and days == 0:
        return gettext("Due today")
    elif state == DUE_SOON:
        text = ngettext("Due soon: in %(days)s day", "Due soon: in %(days)s days", days)
    else:
        text = ngettext("Upcoming: in %(days)s day", "Upcoming: in %(days)s days", days)
    return text % {"days": days}


# The columns a worklist row shows (samspel/templates/followup/_item_table.html): building
# the full item, case and family of every row cost more than its query. A field a template adds
# later and leaves out here costs a query per row, which the page query-count pins catch.
ROW_FIELDS = (
    "rule", "title", "due_on", "explanation", "explanation_params",
    "case__number", "case__public_id", "case__family__name",
)  # fmt: skip
RESPONSIBLE_FIELDS = (
    "case__responsible__first_name", "case__responsible__last_name",
    "case__responsible__username",
)  # fmt: skip


def worker_items(user) -> QuerySet[DueItem]:
    """Open items of the cases the user is responsible or buddy for, earliest due first."""
    return (
        due_items_for_user(user, mine=True)
        .select_related("case__family")
        .only(*ROW_FIELDS)
        .order_by("due_on", "id")
    )


def team_items(user) -> QuerySet[DueItem]:
    """Open items of every team the user leads, earliest due first."""
    return (
        team_due_items(user)
        .select_related("case__family", "case__responsible")
        .only(*ROW_FIELDS, *RESPONSIBLE_FIELDS)
        .order_by("due_on", "id")
    )


def intake_cases(user) -> QuerySet[Case]:
    """The referrals of the teams the user leads that wait for a responsible worker."""
    return (
        team_cases(user)
        .filter(responsible__isnull=True)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("family", "team")
        .order_by("referred_on", "number")
    )


def team_workers(team_ids: list[int]) -> QuerySet[User]:
    return (
        User.objects.filter(membership__team_id__in=team_ids, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class Caseload:
    worker: User
    cases: int  # open cases the worker is responsible for
    reference: int
    buddy_cases: int = 0  # open cases the worker is buddy on

    @property
    def percent(self) -> int:
        return round(100 * self.cases / self.reference) if self.reference else 0

    @property
    def over(self) -> bool:
        return self.cases > self.reference


def caseloads(team_ids: list[int], reference: int) -> list[Caseload]:
    """Open cases (not closed) each member of the teams is responsible for, in any team."""
    return caseloads_of(team_workers(team_ids), reference)


def caseloads_of(workers: QuerySet[User], reference: int) -> list[Caseload]:
    """Open cases (not closed) each of the workers is responsible for and buddy on, in any
    team."""
    open_cases = Count(
        "responsible_cases",
        filter=~Q(responsible_cases__status=CaseStatus.CLOSED),
        distinct=True,
    )
    buddy_cases = Count(
        "buddy_cases", filter=~Q(buddy_cases__status=CaseStatus.CLOSED), distinct=True
    )
    found = User.objects.filter(pk__in=workers.values("pk")).annotate(
        open_cases=open_cases, open_buddy_cases=buddy_cases
    )
    found = found.order_by("last_name", "first_name", "username")
    return [Caseload(w, w.open_cases, reference, w.open_buddy_cases) for w in found]


def team_periods(user, since: dt.date, until: dt.date, team: Team | None = None) -> list[Period]:
    """The follow-up periods due between the two dates of the cases of the teams the user
    leads (of `team` alone when given), for compliance."""
    rows = FollowUpPeriod.objects.filter(
        case__in=team_cases(user, team), due_on__gte=since, due_on__lte=until
    ).values_list("rule", "due_on", "held_on")
    return [Period(rule, due_on, held_on) for rule, due_on, held_on in rows]


def due_summary(user, today: dt.date) -> dict[str, int]:
    """How many of the user's items are overdue, due soon and due at all (the home page)."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return due_items_for_user(user, mine=True).aggregate(
        overdue=Count("id", filter=Q(due_on__lt=today)),
        due_soon=Count("id", filter=Q(due_on__gte=today, due_on__lte=soon)),
        total=Count("id"),
    )
