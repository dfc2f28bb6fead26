"""Benchmark the follow-up engine on a large organisation (issue 4 item 6).

Generates an organisation with N cases and M held activities in a database whose name
contains "bench", recomputes every case, then reports p50/p95 of the worker worklist query,
the team compliance computation and the per-change recompute, with the EXPLAIN plans of the
worklist queries. A measurement script, not a test: see docs/benchmark.md for results.

    createdb -h 127.0.0.1 -U postgres samspel_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samspel_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samspel_bench \\
        python manage.py benchmark_followup --cases 100000 --activities 5000000
    DEBUG=false DATABASE_URL=... python manage.py benchmark_followup --reuse   # measure again
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from samspel.accounts.models import Role, User
from samspel.activities.models import Activity, ActivityKind, ActivityStatus, Context
from samspel.cases.models import Case, CaseStatus, Measure
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.compliance import month_starts, monthly_compliance
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_case, recompute_cases
from samspel.followup.worklists import team_items, team_periods, worker_items
from samspel.organisations import programmes
from samspel.organisations.models import Jurisdiction, Membership, Organisation, Team

ORG_NAME = "Benchmark kommune"
CASES_PER_WORKER = 24  # seed 001: 240 cases on 10 advisers
WORKERS_PER_TEAM = 10
BATCH = 5000
BASES = [["SEL §41", "SEL §42"], ["SEL §41", "SEL §50"], ["BL §20"], ["SEL §52"], ["BL §86"]]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


class Command(BaseCommand):
    help = "Generate a large organisation and measure worklists, compliance and recompute."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=100_000)
        parser.add_argument("--activities", type=int, default=5_000_000)
        parser.add_argument("--samples", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reuse", action="store_true", help="measure existing data only")

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to write benchmark data into {name!r}: use a *bench* db.")
        rng = random.Random(options["seed"])  # noqa: S311 - reproducible test data, not secrets
        today = timezone.localdate()
        if not options["reuse"]:
            self._generate(options["cases"], options["activities"], rng, today)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum keeps them
        self._measure(options["samples"], rng, today)

    # Generation -------------------------------------------------------------------------
    def _generate(self, n_cases: int, n_activities: int, rng: random.Random, today: dt.date):
        started = time.perf_counter()
        organisation, _ = Organisation.objects.get_or_create(
            name=ORG_NAME,
            defaults={"jurisdiction": Jurisdiction.DENMARK, "default_language": "da"},
        )
        if organisation.cases.exists():
            raise CommandError("The benchmark organisation has data; use --reuse to measure it.")
        workers = self._people(organisation, max(1, n_cases // CASES_PER_WORKER))
        cases = self._cases(organisation, workers, n_cases, rng, today)
        self._activities(cases, n_activities, workers, rng, today)
        self.stdout.write(f"generated in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        for start in range(0, len(cases), 500):
            recompute_cases(Case.objects.filter(pk__in=cases[start : start + 500]), today)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"recomputed {len(cases)} cases in {seconds:.0f} s "
            f"({len(cases) / max(seconds, 0.001):.0f} cases/s), {DueItem.objects.count()} due items"
        )

    def _people(self, organisation, n_workers: int) -> list[User]:
        users = User.objects.bulk_create(
            User(
                username=f"bench-{i}",
                organisation=organisation,
                role=Role.WORKER,
                password="!",  # unusable
            )
            for i in range(n_workers)
        )
        teams = Team.objects.bulk_create(
            Team(
                organisation=organisation,
                name=f"Team {t}",
                programme=programmes.TOGETHER_FOR_THE_FAMILY,
            )
            for t in range((n_workers + WORKERS_PER_TEAM - 1) // WORKERS_PER_TEAM)
        )
        Membership.objects.bulk_create(
            Membership(team=teams[i // WORKERS_PER_TEAM], user=user, is_leader=i % 10 == 0)
            for i, user in enumerate(users)
        )
        return users

    def _cases(self, organisation, workers, n_cases, rng, today) -> list[int]:
        team_of = dict(
            Membership.objects.filter(user__in=workers).values_list("user_id", "team_id")
        )
        families = Family.objects.bulk_create(
            (Family(organisation=organisation, name=f"Familien {i}") for i in range(n_cases)),
            batch_size=BATCH,
        )
        Person.objects.bulk_create(
            (
                Person(
                    family=family,
                    role=PersonRole.CHILD,
                    first_name="Barn",
                    last_name=str(i),
                    birth_date=today - dt.timedelta(days=rng.randint(365, 17 * 365)),
                )
                for i, family in enumerate(families)
            ),
            batch_size=BATCH,
        )
        cases = []
        for i, family in enumerate(families):
            worker = workers[i % len(workers)]
            buddy = workers[(i + 1) % len(workers)] if i % 3 == 0 else None
            referred = today - dt.timedelta(days=rng.randint(30, 900))
            cases.append(
                Case(
                    organisation=organisation,
                    number=f"B-{i:07d}",
                    family=family,
                    programme=programmes.TOGETHER_FOR_THE_FAMILY,
                    team_id=team_of[worker.pk],
                    responsible=worker,
                    buddy=buddy,
                    status=CaseStatus.ACTIVE,
                    referred_on=referred,
                    activated_on=referred + dt.timedelta(days=7),
                )
            )
        created = Case.objects.bulk_create(cases, batch_size=BATCH)
        Measure.objects.bulk_create(
            (
                Measure(
                    case=case,
                    paragraph=code,
                    decided_on=case.activated_on,
                    starts_on=case.activated_on,
                )
                for i, case in enumerate(created)
                for code in BASES[i % len(BASES)]
            ),
            batch_size=BATCH,
        )
        return [case.pk for case in created]

    def _activities(self, case_ids, n_activities, workers, rng, today) -> None:
        per_case = max(1, n_activities // max(1, len(case_ids)))
        kinds = [ActivityKind.FOLLOW_UP_MEETING, ActivityKind.HOME_VISIT, ActivityKind.PHONE_CALL]
        creator = workers[0]
        buffer: list[Activity] = []
        for case_id in case_ids:
            for _ in range(per_case):
                buffer.append(
                    Activity(
                        case_id=case_id,
                        kind=rng.choice(kinds),
                        context=Context.HOME,
                        status=ActivityStatus.HELD,
                        held_on=today - dt.timedelta(days=rng.randint(0, 700)),
                        minutes=60,
                        created_by=creator,
                    )
                )
            if len(buffer) >= 50_000:
                Activity.objects.bulk_create(buffer, batch_size=BATCH)
                buffer = []
        Activity.objects.bulk_create(buffer, batch_size=BATCH)

    # Measurement ------------------------------------------------------------------------
    def _measure(self, samples: int, rng: random.Random, today: dt.date) -> None:
        organisation = Organisation.objects.get(name=ORG_NAME)
        workers = list(User.objects.filter(organisation=organisation, role=Role.WORKER))
        teams = self._team_leaders(organisation)
        case_ids = list(organisation.cases.values_list("pk", flat=True))
        starts = month_starts(today)
        results = {
            "worker worklist (one worker's open items)": timed(
                lambda: list(worker_items(rng.choice(workers))[:200]), samples
            ),
            "team worklist (one team's open items, first page)": timed(
                lambda: list(team_items(rng.choice(teams))[:50]), samples
            ),
            "team compliance (12 months)": timed(
                lambda: monthly_compliance(
                    team_periods(rng.choice(teams), starts[0], today), today
                ),
                max(20, samples // 4),
            ),
            "per-change recompute (one case)": self._recompute_samples(case_ids, rng, samples),
        }
        self.stdout.write(f"\n{len(case_ids)} cases, {Activity.objects.count()} activities\n")
        if settings.DEBUG:  # Django then keeps every query: not what production runs
            self.stdout.write("DEBUG is on: run with DEBUG=false for production-like numbers.\n")
        self.stdout.write("| measurement | p50 ms | p95 ms | samples |\n|---|---|---|---|")
        for label, values in results.items():
            self.stdout.write(
                f"| {label} | {statistics.median(values):.1f} | "
                f"{percentile(values, 0.95):.1f} | {len(values)} |"
            )
        self._explain(workers[0], teams[0])

    def _team_leaders(self, organisation) -> list[User]:
        """One leader per team: the team worklist and compliance are read as the leader."""
        leaders = Membership.objects.filter(team__organisation=organisation, is_leader=True)
        first = {}
        for membership in leaders.select_related("user").order_by("team_id", "id"):
            first.setdefault(membership.team_id, membership.user)
        return list(first.values())

    def _recompute_samples(self, case_ids, rng, samples) -> list[float]:
        values = []
        for _ in range(samples):
            case = Case.objects.select_related("organisation").get(pk=rng.choice(case_ids))
            with transaction.atomic():
                Activity.objects.create(
                    case=case,
                    kind=ActivityKind.FOLLOW_UP_MEETING,
                    status=ActivityStatus.HELD,
                    held_on=timezone.localdate(),
                    created_by=case.responsible,
                )
                start = time.perf_counter()
                recompute_case(case)
                values.append((time.perf_counter() - start) * 1000)
                transaction.set_rollback(True)  # leave the data as it was
        return values

    def _explain(self, worker, leader) -> None:
        if connection.vendor != "postgresql":
            return
        for label, queryset in (
            ("worker worklist", worker_items(worker)[:200]),
            ("team worklist", team_items(leader)[:50]),
        ):
            self.stdout.write(f"\nEXPLAIN ANALYZE {label}:\n```")
            self.stdout.write(queryset.explain(analyze=True))
            self.stdout.write("```")
