"""benchmark_pages on a tiny generated organisation (SQLite): every page answers 200 and the
table has a row per page. No timed assertions: the benchmark is the measurement."""

import random
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from samspel.demo import page_benchmark
from samspel.demo.management.commands import benchmark_followup
from samspel.organisations.models import Organisation

TINY = {"cases": 48, "activities": 96, "samples": 1, "warmup": 0}


@pytest.fixture
def bench_database(monkeypatch):
    """The command writes only into a database named *bench*: the test database's name gets a
    query parameter SQLite ignores, so it names the same in-memory database."""
    name = connection.settings_dict["NAME"]
    if "mode=memory" not in name:  # .ci/run's PostgreSQL pass: the SQLite pass runs these
        pytest.skip("needs the in-memory SQLite test database")
    monkeypatch.setitem(connection.settings_dict, "NAME", f"{name}&bench")


def _rows(output: str) -> dict[str, list[str]]:
    """The page table's rows, by page label."""
    table = output.split("| page | status |", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip("|").split(" | ") for line in table.splitlines()[2:] if line.startswith("|")]
    return {row[0].strip(): [cell.strip() for cell in row[1:]] for row in rows}


def test_every_daily_page_answers_200_with_a_row_each(db, bench_database):
    out = StringIO()
    call_command("benchmark_pages", **TINY, server="http://127.0.0.1:9", stdout=out)
    output = out.getvalue()

    organisation = Organisation.objects.get(name="Benchmark kommune")
    the_cast = page_benchmark.cast(organisation, timezone.localdate())
    labels = [page.label for page in page_benchmark.pages(the_cast)]
    rows = _rows(output)
    assert list(rows) == labels
    assert {label: cells[0] for label, cells in rows.items()} == dict.fromkeys(labels, "200")
    for cells in rows.values():  # queries and bytes are counted
        assert int(cells[5].split("–")[0]) >= 1 and int(cells[6].replace(",", "")) > 0
    assert "minimal logged-in page (password change)" in rows
    assert "Throughput skipped: no server answers at http://127.0.0.1:9" in output
    assert re.search(r"load average at start [\d.]+ / [\d.]+ / [\d.]+, at end", output)


def _generate():
    """The tiny organisation, written by benchmark_followup's generator."""
    generator = benchmark_followup.Command(stdout=StringIO())
    generator._generate(TINY["cases"], TINY["activities"], random.Random(1), timezone.localdate())


def test_generating_again_asks_for_reuse(db, bench_database):
    _generate()
    with pytest.raises(CommandError, match="--reuse"):
        call_command("benchmark_pages", **TINY, stdout=StringIO())


def test_refuses_a_database_not_named_bench(db):
    with pytest.raises(CommandError, match="bench"):
        call_command("benchmark_pages", **TINY, stdout=StringIO())


def test_reuse_without_data_says_to_generate(db, bench_database):
    with pytest.raises(CommandError, match="run without --reuse"):
        call_command("benchmark_pages", "--reuse", stdout=StringIO())


@pytest.mark.parametrize(
    "options",
    [
        {"server": "http://example.org:8000"},
        {"server": "ftp://127.0.0.1"},
        {"concurrency": "2,x"},
        {"concurrency": "0"},
        {"duration": 61},
        {"samples": 0},
    ],
)
def test_bad_options_are_refused_before_anything_is_written(db, bench_database, options):
    with pytest.raises(CommandError):
        call_command("benchmark_pages", **{**TINY, **options}, stdout=StringIO())
    assert not Organisation.objects.exists()


def test_throughput_through_a_running_server(transactional_db, bench_database, live_server):
    _generate()
    out = StringIO()
    call_command(
        "benchmark_pages",
        "--reuse",
        samples=1,
        warmup=0,
        server=live_server.url,
        concurrency="1",  # one at a time: SQLite's shared-cache memory database locks writers
        duration=0.5,
        stdout=out,
    )
    table = out.getvalue().split("| page | concurrency |", 1)[1]
    rows = [line.strip("|").split(" | ") for line in table.splitlines()[2:] if line.startswith("|")]
    assert len(rows) == 5  # five pages
    assert {row[-1].strip() for row in rows} == {"0"}, table  # no request failed
    assert all(float(row[2].replace(",", "")) > 0 for row in rows)


def test_a_page_not_200_is_shown_in_the_table_not_hidden():
    page = page_benchmark.Page("case page", "adviser", "/cases/x/")
    redirected = page_benchmark.Measurement(page, [3.0, 5.0], [1.0, 1.0], [4, 6], [0, 0])
    redirected.statuses.update([302, 200])
    redirected.location = "/accounts/login/?next=/cases/x/"
    fine = page_benchmark.Measurement(page, [2.0], [1.0], [5], [9])
    fine.statuses.update([200])

    row = page_benchmark.markdown_table([redirected, fine]).splitlines()[2:]
    assert row[0] == (
        "| case page | **200** ×1, **302** ×1 → /accounts/login/?next=/cases/x/ "
        "| 4.0 | 5.0 | 1.0 | 1.0 | 4–6 | 0 |"
    )
    assert row[1] == "| case page | 200 | 2.0 | 2.0 | 1.0 | 1.0 | 5 | 9 |"
    assert page_benchmark.not_ok([redirected, fine]) == [redirected]
