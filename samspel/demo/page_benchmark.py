"""Whole pages of the benchmark organisation, measured in-process (issue 16, item 1).

`benchmark_followup` generates the organisation; this module picks an adviser with a full
caseload, that adviser's team leader and an auditor, adds the few records the generator does not
make (a plan, a personal number, the auditor, a second-factor device per person), logs each in
through Django's test client and requests every page a worker or leader uses daily. Per page it
reports the wall-clock time of the request, the time its SQL statements took (timed with
`connection.execute_wrapper`, so it works with DEBUG off), the number of statements, the bytes
and the status codes. The command `benchmark_pages` runs it; see docs/benchmark.md.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspel.accounts.models import Role, User
from samspel.activities.models import Activity
from samspel.cases.models import Case
from samspel.families.identity import clean_personal_number
from samspel.families.models import Person, PersonRole
from samspel.organisations.models import Jurisdiction, Membership, Organisation
from samspel.plans import services as plan_services
from samspel.plans.models import Plan, PlanKind, ResponsibleParty

AUDITOR_USERNAME = "bench-auditor"
PLAN_TITLE = "Benchmark plan"


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@dataclass(frozen=True)
class Cast:
    """Who is logged in, and the records the case pages are read on."""

    adviser: User
    leader: User
    auditor: User
    case: Case
    plan: Plan
    activity: Activity
    personal_number: str

    def user(self, persona: str) -> User:
        return {"adviser": self.adviser, "leader": self.leader, "auditor": self.auditor}[persona]


@dataclass(frozen=True)
class Page:
    label: str
    persona: str  # adviser, leader or auditor
    url: str


@dataclass
class Measurement:
    page: Page
    server_ms: list[float] = field(default_factory=list)
    sql_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    location: str = ""  # where a redirect pointed, to say why a page is not 200

    @property
    def ok(self) -> bool:
        return set(self.statuses) == {200}


class QueryTimer:
    """An execute wrapper: counts the statements of a request and sums their durations."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


# The cast ------------------------------------------------------------------------------------
def cast(organisation: Organisation, today: dt.date) -> Cast:
    """The adviser with the fullest caseload who leads no team, the team's leader, an auditor
    (created when the organisation has none) and the adviser's first case, ready for its pages."""
    adviser = (
        User.objects.filter(organisation=organisation, role=Role.WORKER, is_active=True)
        .exclude(membership__is_leader=True)
        .annotate(caseload=Count("responsible_cases"))
        .order_by("-caseload", "pk")
        .first()
    )
    if adviser is None:
        raise LookupError("The organisation has no adviser who leads no team.")
    team_ids = Membership.objects.filter(user=adviser).values("team_id")
    leadership = (
        Membership.objects.filter(team_id__in=team_ids, is_leader=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if leadership is None:
        raise LookupError(f"The team of {adviser} has no leader.")
    case = adviser.responsible_cases.select_related("family").order_by("number").first()
    activity = Activity.objects.filter(case=case).order_by("-held_on", "-pk").first()
    if case is None or activity is None:
        raise LookupError(f"{adviser} has no case with an activity.")
    return Cast(
        adviser=adviser,
        leader=leadership.user,
        auditor=_auditor(organisation),
        case=case,
        plan=_plan(case, adviser, today),
        activity=activity,
        personal_number=_personal_number(case, organisation.jurisdiction),
    )


def _auditor(organisation: Organisation) -> User:
    auditor = User.objects.filter(organisation=organisation, role=Role.AUDITOR).first()
    if auditor is None:
        auditor = User.objects.create(
            username=AUDITOR_USERNAME,
            organisation=organisation,
            role=Role.AUDITOR,
            password="!",  # unusable: the benchmark logs in with force_login
        )
    return auditor


def _plan(case: Case, adviser: User, today: dt.date) -> Plan:
    """The case's plan, or a new one with a goal, a short-term goal and a sub-goal, written
    through the plans' own write path as a worker would."""
    plan = case.plans.order_by("pk").first()
    if plan is not None:
        return plan
    plan = plan_services.create_plan(
        case, by=adviser, kind=PlanKind.CHILD_PLAN, title=PLAN_TITLE, starts_on=today
    )
    worker = ResponsibleParty.WORKER
    goal = plan_services.add_goal(
        plan,
        version=plan.version,
        by=adviser,
        parent=None,
        text="Tryg skolegang",
        responsible_party=worker,
    )
    plan.refresh_from_db()
    short = plan_services.add_goal(
        plan,
        version=plan.version,
        by=adviser,
        parent=goal,
        text="Møder op hver dag",
        responsible_party=ResponsibleParty.FAMILY,
    )
    plan.refresh_from_db()
    plan_services.add_sub_goal(
        plan,
        version=plan.version,
        by=adviser,
        goal=short,
        what="Morgenrutine",
        indicator="Fremmøde fire dage om ugen",
        target_date=today + dt.timedelta(days=90),
        responsible_party=worker,
    )
    plan.refresh_from_db()
    return plan


def _personal_number(case: Case, jurisdiction: str) -> str:
    """The personal number of the case's child, given one from the birth date when the generator
    left it empty (it writes none), so that the search by personal number finds a person."""
    child = case.family.persons.filter(role=PersonRole.CHILD).order_by("pk").first()
    if child is None:
        raise LookupError(f"Case {case.number} has no child.")
    if not child.personal_number:
        # Danish CPR: a seventh digit of 4 places a year 00–36 in the 2000s; the generated
        # children are under 18. A Swedish number would need its check digit.
        if jurisdiction != Jurisdiction.DENMARK:
            raise LookupError(f"Case {case.number}'s child has no personal number.")
        number, _born = clean_personal_number(
            f"{child.birth_date:%d%m%y}4{child.pk % 1000:03d}", jurisdiction
        )
        Person.objects.filter(pk=child.pk).update(personal_number=number)
        child.personal_number = number
    return child.personal_number


# The pages -----------------------------------------------------------------------------------
def pages(cast: Cast) -> list[Page]:
    """Every page a worker or leader uses daily, the audit search, and two floors: the minimal
    logged-in page (the framework's ceiling for a page) and the health check."""
    case_id = cast.case.public_id
    case_kw = {"case_id": case_id}
    plan_kw = {"case_id": case_id, "plan_id": cast.plan.public_id}
    activity_kw = {"case_id": case_id, "activity_id": cast.activity.public_id}
    family_kw = {"family_id": cast.case.family.public_id}

    def search(**terms: str) -> str:
        return reverse("cases:list") + "?" + urlencode(terms)

    def audit(**terms: str) -> str:
        return reverse("audit:search") + ("?" + urlencode(terms) if terms else "")

    minimal = "minimal logged-in page (password change)"
    return [
        Page("health check `/healthz`", "adviser", reverse("web:healthz")),
        Page(minimal, "adviser", reverse("accounts:password_change")),
        Page("home (adviser)", "adviser", reverse("web:home")),
        Page("home (leader)", "leader", reverse("web:home")),
        Page("worker worklist", "adviser", reverse("worklists:mine")),
        Page("team worklist", "leader", reverse("worklists:team")),
        Page("team compliance", "leader", reverse("worklists:compliance")),
        Page("case list (adviser)", "adviser", reverse("cases:list")),
        Page("case list (leader)", "leader", reverse("cases:list")),
        Page("search by family name", "adviser", search(q=cast.case.family.name)),
        Page("search by personal number", "adviser", search(q=cast.personal_number)),
        Page("search by case number", "adviser", search(q=cast.case.number)),
        Page("case page", "adviser", reverse("cases:detail", kwargs={"public_id": case_id})),
        Page("case: Signs of Safety", "adviser", reverse("assessments:safety", kwargs=case_kw)),
        Page("case: network and consent", "adviser", reverse("network:page", kwargs=case_kw)),
        Page("case: plans", "adviser", reverse("plans:list", kwargs=case_kw)),
        Page("case: plan", "adviser", reverse("plans:detail", kwargs=plan_kw)),
        Page("case: plan PDF", "adviser", reverse("plans:pdf", kwargs=plan_kw)),
        Page("case: activities", "adviser", reverse("activities:list", kwargs=case_kw)),
        Page("case: plan an activity", "adviser", reverse("activities:plan", kwargs=case_kw)),
        Page("activity page", "adviser", reverse("activities:detail", kwargs=activity_kw)),
        Page("calendar week", "adviser", reverse("calendars:week")),
        Page("calendar month", "adviser", reverse("calendars:month")),
        Page("family calendar", "adviser", reverse("family_calendar:calendar", kwargs=family_kw)),
        Page("audit search (first page)", "auditor", audit()),
        Page("audit search by user", "auditor", audit(user=cast.adviser.username)),
        Page("audit search by case", "auditor", audit(object_id=str(case_id))),
    ]


# Logging in and measuring ---------------------------------------------------------------------
def logged_in_client(user: User) -> Client:
    """A test client with the user's session, second factor verified as after a full login (the
    benchmark organisation requires one): the same middleware work as a real session."""
    client = Client(
        raise_request_exception=False,
        SERVER_NAME=_host(),
        secure=_secure(),
        headers=_proxy_header(),
    )
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Benchmark", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _host() -> str:
    hosts = [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"]
    return "testserver" if not hosts or "testserver" in hosts else hosts[0]


def _secure() -> bool:
    return bool(settings.SECURE_SSL_REDIRECT)


def _proxy_header() -> dict[str, str]:
    """Behind a TLS proxy (BEHIND_TLS_PROXY) Django reads HTTPS from the proxy's header alone."""
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if not header:
        return {}
    return {header[0].removeprefix("HTTP_").replace("_", "-"): header[1]}


def measure(client: Client, page: Page, warmup: int, samples: int) -> Measurement:
    """`warmup` requests, then `samples` timed ones: server time is the wall clock of the
    in-process request (the body read to the end), SQL time the sum of its statements."""
    result = Measurement(page)
    for _ in range(warmup):
        _request(client, page.url)
    for _ in range(samples):
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            response, size = _request(client, page.url)
            elapsed = time.perf_counter() - start
        result.server_ms.append(elapsed * 1000)
        result.sql_ms.append(timer.seconds * 1000)
        result.queries.append(timer.count)
        result.sizes.append(size)
        result.statuses[response.status_code] += 1
        result.location = response.get("Location", "")
    return result


def _request(client: Client, url: str):
    response = client.get(url)
    return response, len(response.getvalue())  # a streamed body is read to its end too


def measure_pages(the_cast: Cast, warmup: int, samples: int, out=None) -> list[Measurement]:
    """Every page of `pages`, each persona on its own logged-in client, in one run."""
    clients = {p: logged_in_client(the_cast.user(p)) for p in ("adviser", "leader", "auditor")}
    results = []
    for page in pages(the_cast):
        results.append(measure(clients[page.persona], page, warmup, samples))
        if out is not None:
            out.write(f"  {page.label}: {statistics.median(results[-1].server_ms):.1f} ms")
    return results


# Reporting ------------------------------------------------------------------------------------
def markdown_table(results: list[Measurement]) -> str:
    """The table for docs/benchmark.md: one row per page."""
    lines = [
        "| page | status | p50 ms | p95 ms | SQL p50 ms | SQL p95 ms | queries | bytes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.page.label} | {_statuses(r)} | {statistics.median(r.server_ms):,.1f} | "
            f"{percentile(r.server_ms, 0.95):,.1f} | {statistics.median(r.sql_ms):,.1f} | "
            f"{percentile(r.sql_ms, 0.95):,.1f} | {_span(r.queries)} | "
            f"{int(statistics.median(r.sizes)):,} |"
        )
    return "\n".join(lines)


def _statuses(result: Measurement) -> str:
    if result.ok:
        return "200"
    shown = ", ".join(f"**{code}** ×{n}" for code, n in sorted(result.statuses.items()))
    return f"{shown} → {result.location}" if result.location else shown


def _span(values: list[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def not_ok(results: list[Measurement]) -> list[Measurement]:
    return [r for r in results if not r.ok]


def pages_for_throughput(results: list[Measurement]) -> list[Page]:
    """The pages measured through the server too: the floor and the busiest daily pages."""
    wanted = {
        "minimal logged-in page (password change)",
        "home (adviser)",
        "worker worklist",
        "case list (adviser)",
        "case page",
    }
    return [r.page for r in results if r.page.label in wanted]
