"""Benchmark whole pages on the benchmark organisation (issue 16 item 1).

On the organisation `benchmark_followup` generates (in a database whose name contains "bench"),
logs in as an adviser with a full caseload, that adviser's team leader and an auditor, and
requests every daily page in-process: p50/p95 server and SQL time, queries, bytes and status per
page, the minimal logged-in page in the same run as the framework's ceiling. With --server,
also the throughput of a few pages through a running server on loopback. See docs/benchmark.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samspel_bench_pages \\
        python manage.py benchmark_pages --cases 5000 --activities 250000    # generate, measure
    DEBUG=false DATABASE_URL=... python manage.py benchmark_pages --reuse   # measure again
    DEBUG=false DATABASE_URL=... python manage.py benchmark_pages --reuse \\
        --server http://127.0.0.1:8000 --concurrency 2,4 --duration 10
"""

from __future__ import annotations

import os
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from samspel.activities.models import Activity
from samspel.demo import page_benchmark, throughput
from samspel.demo.management.commands import benchmark_followup
from samspel.organisations.models import Organisation


def concurrency_list(value: str) -> list[int]:
    try:
        levels = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise CommandError(f"--concurrency takes numbers like 2,4, not {value!r}.") from None
    if not levels or any(level < 1 or level > 32 for level in levels):
        raise CommandError("--concurrency takes numbers from 1 to 32, like 2,4.")
    return levels


class Command(BaseCommand):
    help = "Measure every daily page of the benchmark organisation as a whole page."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=5_000)
        parser.add_argument("--activities", type=int, default=250_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reuse", action="store_true", help="measure existing data only")
        parser.add_argument("--samples", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--server", help="a running server on loopback, for throughput")
        parser.add_argument("--concurrency", default="2,4")
        parser.add_argument("--duration", type=float, default=10.0, help="seconds per page")

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to write benchmark data into {name!r}: use a *bench* db.")
        if options["samples"] < 1 or options["warmup"] < 0:
            raise CommandError("--samples must be at least 1 and --warmup at least 0.")
        if not 0 < options["duration"] <= throughput.MAX_DURATION:
            raise CommandError(
                f"--duration is more than 0 and at most {throughput.MAX_DURATION} s."
            )
        levels = concurrency_list(options["concurrency"])
        target = self._server(options["server"])
        today = timezone.localdate()
        if not options["reuse"]:
            rng = random.Random(options["seed"])  # noqa: S311 - reproducible data, not secrets
            generator = benchmark_followup.Command(stdout=self.stdout, stderr=self.stderr)
            generator._generate(options["cases"], options["activities"], rng, today)
        organisation = Organisation.objects.filter(name=benchmark_followup.ORG_NAME).first()
        if organisation is None or not organisation.cases.exists():
            raise CommandError("No benchmark organisation here: run without --reuse first.")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum keeps them
        self._measure(organisation, today, options, target, levels)

    def _server(self, url: str | None) -> throughput.Server | None:
        if not url:
            return None
        try:
            return throughput.server(url)
        except ValueError as error:
            raise CommandError(str(error)) from None

    def _measure(self, organisation, today, options, target, levels) -> None:
        started_load = os.getloadavg()
        try:
            the_cast = page_benchmark.cast(organisation, today)
        except LookupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{organisation.cases.count()} cases, {Activity.objects.count()} activities; "
            f"adviser {the_cast.adviser} ({the_cast.adviser.responsible_cases.count()} cases), "
            f"leader {the_cast.leader}, auditor {the_cast.auditor}; case {the_cast.case.number}"
        )
        if settings.DEBUG:  # Django then keeps every query: not what production runs
            self.stdout.write("DEBUG is on: run with DEBUG=false for production-like numbers.")
        results = page_benchmark.measure_pages(
            the_cast, options["warmup"], options["samples"], out=self.stdout
        )
        self.stdout.write(
            f"\nIn-process, {options['samples']} samples per page after {options['warmup']} "
            f"warm-up requests, DEBUG={settings.DEBUG}, {connection.vendor}:\n"
        )
        self.stdout.write(page_benchmark.markdown_table(results))
        for failed in page_benchmark.not_ok(results):
            self.stdout.write(
                self.style.WARNING(f"{failed.page.label} ({failed.page.url}): not 200")
            )
        if target is not None:
            self._throughput(target, the_cast, results, levels, options["duration"])
        self.stdout.write(f"\nload average at start {_load(started_load)}, at end {_load()}")

    def _throughput(self, target, the_cast, results, levels, duration) -> None:
        reason = throughput.unreachable(target)
        if reason:
            self.stdout.write(self.style.WARNING(f"\nThroughput skipped: {reason}"))
            return
        cookies = {
            persona: _session_cookie(page_benchmark.logged_in_client(the_cast.user(persona)))
            for persona in ("adviser", "leader", "auditor")
        }
        measured = [
            throughput.run(target, page.label, page.url, cookies[page.persona], level, duration)
            for page in page_benchmark.pages_for_throughput(results)
            for level in levels
        ]
        self.stdout.write(f"\nThrough {target.scheme}://{target.host}:{target.port}:\n")
        self.stdout.write(throughput.markdown_table(measured))


def _session_cookie(client) -> str:
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def _load(values: tuple[float, float, float] | None = None) -> str:
    return " / ".join(f"{v:.2f}" for v in (values or os.getloadavg()))
