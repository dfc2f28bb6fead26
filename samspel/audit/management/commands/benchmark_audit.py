"""Benchmark the auditor's search on a large audit log (issue 16 item 4).

Fills the audit log of a PostgreSQL database whose name contains "bench" with synthetic events
in plain SQL (generate_series: millions of rows a minute), then times the auditor's searches
through the real view (Django's test client, logged in as an auditor): the first page, by user
(first and fifth page, and today), by object, by period and by case. A measurement, not a test:
see docs/benchmark.md ("Audit search") for the results.

    createdb -h 127.0.0.1 -U postgres samspel_bench_audit
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/samspel_bench_audit
    python manage.py migrate
    nice -n 10 python manage.py benchmark_audit --events 10000000
    DEBUG=false python manage.py benchmark_audit --reuse          # measure again
"""

from __future__ import annotations

import statistics
import time

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from django.utils import timezone

ORG_NAME = "Benchmark audit kommune"
USERS = 2000
CASES = 100_000
BATCH = 1_000_000
DAYS = 730  # the log spans two years, oldest first, as an append-only log grows

# One statement per batch: ids g in [start, end) of `total`; `at` grows with g. Two events in
# a hundred are list pages naming ten cases (also in AuditEventCase when the table exists).
FILL_EVENTS = """
INSERT INTO audit_auditevent (at, actor_id, actor_username, organisation_id, action,
    object_type, object_id, ip_address, request_id, detail)
SELECT now() - make_interval(secs => %(span)s * (1 - g::float8 / %(total)s)),
       u.id, u.username, %(org)s,
       CASE WHEN g %% 100 < 2 THEN 'view' WHEN g %% 100 < 60 THEN 'view'
            WHEN g %% 100 < 75 THEN 'update' WHEN g %% 100 < 82 THEN 'create'
            WHEN g %% 100 < 95 THEN 'login' WHEN g %% 100 < 99 THEN 'search'
            ELSE 'export' END,
       CASE WHEN g %% 100 < 2 THEN 'cases.case_list' WHEN g %% 100 < 40 THEN 'cases.case'
            WHEN g %% 100 < 82 THEN 'activities.activity' WHEN g %% 100 < 95 THEN 'accounts.user'
            ELSE '' END,
       CASE WHEN g %% 100 < 2 THEN ''
            WHEN g %% 100 < 40 THEN md5('case' || (g * 7919 %% %(cases)s))::uuid::text
            WHEN g %% 100 < 82 THEN md5('activity' || g)::uuid::text
            WHEN g %% 100 < 95 THEN u.id::text ELSE '' END,
       ('10.0.' || (g %% 250) || '.' || (g %% 7))::inet,
       substr(md5(g::text), 1, 32),
       CASE WHEN g %% 100 < 2 THEN jsonb_build_object('cases', (
                SELECT jsonb_agg(md5('case' || ((g * 13 + k * 7) %% %(cases)s))::uuid::text)
                FROM generate_series(1, 10) k))
            ELSE '{}'::jsonb END
FROM generate_series(%(start)s::bigint, %(end)s::bigint - 1) g
JOIN accounts_user u ON u.id = %(first_user)s + (g * 31 %% %(users)s)
"""

FILL_CASE_LINKS = """
INSERT INTO audit_auditeventcase (event_id, case_public_id)
SELECT e.id, c.value::uuid FROM audit_auditevent e
CROSS JOIN LATERAL jsonb_array_elements_text(e.detail -> 'cases') AS c(value)
WHERE e.id > %(after)s AND e.object_type = 'cases.case_list'
"""


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Fill a large synthetic audit log and time the auditor's searches."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=10_000_000)
        parser.add_argument("--samples", type=int, default=20)
        parser.add_argument("--reuse", action="store_true", help="measure existing data only")

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if connection.vendor != "postgresql" or "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a PostgreSQL *bench* database.")
        if settings.DEBUG:  # Django then keeps every query: not what production runs
            self.stdout.write("DEBUG is on: run with DEBUG=false for production-like numbers.\n")
        auditor = self._people()
        if not options["reuse"]:
            self._fill(options["events"], auditor.organisation_id)
        self._measure(auditor, options["samples"])

    # Generation -------------------------------------------------------------------------
    def _people(self):
        # By the app registry: the audit app sits below organisations in the layers.
        organisation, _ = apps.get_model("organisations", "Organisation").objects.get_or_create(
            name=ORG_NAME,
            defaults={
                "jurisdiction": "SE",
                "default_language": "sv",
                "require_second_factor": False,
            },
        )
        users = get_user_model().objects
        if not users.filter(organisation=organisation).exists():
            users.bulk_create(
                users.model(username=f"audit-bench-{i}", organisation=organisation, password="!")
                for i in range(USERS)
            )
        auditor, _ = users.get_or_create(
            username="audit-bench-auditor",
            defaults={"organisation": organisation, "role": "auditor", "password": "!"},
        )
        return auditor

    def _fill(self, total: int, organisation_id: int) -> None:
        users = get_user_model().objects.filter(organisation_id=organisation_id)
        first_user = users.filter(username="audit-bench-0").values_list("pk", flat=True).get()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM audit_auditevent")
            after = cursor.fetchone()[0]
            # Filling without the secondary indexes and building them afterwards is several
            # times faster than updating five indexes for every row.
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_auditevent' "
                "AND indexname <> 'audit_auditevent_pkey'"
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            try:
                for start in range(0, total, BATCH):
                    params = {
                        "span": DAYS * 86400,
                        "total": total,
                        "org": organisation_id,
                        "cases": CASES,
                        "first_user": first_user,
                        "users": USERS,
                        "start": start,
                        "end": min(total, start + BATCH),
                    }
                    cursor.execute(FILL_EVENTS, params)
                    seconds = time.perf_counter() - started
                    self.stdout.write(f"  {params['end']:,} events, {seconds:.0f} s")
                    self.stdout.flush()
            finally:
                cursor.execute("SET maintenance_work_mem = '1GB'")
                for _, definition in indexes:
                    cursor.execute(definition)
            if "audit_auditeventcase" in connection.introspection.table_names(cursor):
                cursor.execute(FILL_CASE_LINKS, {"after": after})
            cursor.execute("VACUUM ANALYZE audit_auditevent")
        self.stdout.write(f"filled {total:,} events in {time.perf_counter() - started:.0f} s")

    # Measurement ------------------------------------------------------------------------
    def _searches(self, auditor) -> list[tuple[str, dict]]:
        today = timezone.localdate()
        a_year_ago = today.replace(year=today.year - 1)
        user = "audit-bench-17"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id FROM audit_auditevent WHERE object_type = 'cases.case' "
                "AND organisation_id = %s ORDER BY id DESC LIMIT 1",
                [auditor.organisation_id],
            )
            case_id = cursor.fetchone()[0]
        week = {"date_from": a_year_ago.isoformat()}
        week["date_to"] = a_year_ago.replace(day=min(a_year_ago.day + 6, 28)).isoformat()
        return [
            ("first page, no filter", {}),
            ("by user", {"user": user}),
            ("by user, 5th page", {"user": user, "_page": 5}),
            ("by user and today", {"user": user, "date_from": today.isoformat()}),
            ("by object (a case)", {"object_type": "cases.case", "object_id": case_id}),
            ("by period (a week a year ago)", week),
            ("by period, 5th page", {**week, "_page": 5}),
            ("by case (list pages too)", {"case": case_id}),
        ]

    def _measure(self, auditor, samples: int) -> None:
        setup_test_environment()  # the test client then keeps each response's context
        client = Client()
        client.force_login(auditor)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM audit_auditevent")
            self.stdout.write(f"\n{cursor.fetchone()[0]:,} events in the log\n")
        self.stdout.write(
            "| search | p50 ms | p95 ms | SQL ms (one request) | queries | shown | count shown |"
        )
        self.stdout.write("|---|---|---|---|---|---|---|")
        for label, query in self._searches(auditor):
            self._time(client, label, dict(query), samples)

    def _time(self, client: Client, label: str, query: dict, samples: int) -> None:
        pages = query.pop("_page", 1)
        for _ in range(pages - 1):  # walk to the later page as an auditor clicks "Next"
            query = self._next(client.get("/audit/", query), query, pages)
        durations = []
        for _ in range(samples):
            started = time.perf_counter()
            client.get("/audit/", query)
            durations.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:  # once more, untimed, to count
            response = client.get("/audit/", query)
        queries = len(captured.captured_queries)
        sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
        if response.status_code != 200:
            self.stdout.write(f"| {label} | failed ({response.status_code}) | | | | | |")
            return
        page = response.context["page"]
        if hasattr(page, "paginator"):  # the exact count of Django's paginator (before issue 16)
            counted = f"{page.paginator.count:,}"
        else:
            counted = f"> {page.count_limit:,}" if page.more_than_limit else f"{page.count:,}"
        self.stdout.write(
            f"| {label} | {statistics.median(durations):.1f} | "
            f"{percentile(durations, 0.95):.1f} | {sql_ms:.1f} | {queries} | "
            f"{len(page.object_list)} | {counted} |"
        )

    def _next(self, response, query: dict, pages: int) -> dict:
        """The query of the following page: the keyset cursor, or a page number before it."""
        page = response.context["page"]
        cursor = getattr(page, "next_cursor", None)
        if cursor:
            return {**{k: v for k, v in query.items() if k != "before"}, "after": cursor}
        return {**query, "page": pages}
