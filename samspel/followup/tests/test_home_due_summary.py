"""The home page's short "what is due" summary, with a link to the worklist."""

import datetime as dt
import re

import time_machine

from samspel.followup.tests.due import NOW, TODAY, another_case, due_item


def counts(page):
    section = re.search(r'<section aria-labelledby="due-heading".*?</section>', page, re.S)
    assert section, "no due summary"
    return [int(n) for n in re.findall(r'<span class="count">(\d+)</span>', section.group(0))]


@time_machine.travel(NOW, tick=False)
def test_the_summary_counts_overdue_due_soon_and_all(login, personas, case):
    for offset, rule in [(-2, "a"), (-1, "b"), (0, "c"), (7, "d"), (8, "e")]:
        due_item(case, TODAY + dt.timedelta(days=offset), rule=rule)
    others = another_case(case, "2026-0002", responsible=personas["outsider"], buddy=None)
    due_item(others, TODAY - dt.timedelta(days=9))
    page = login(personas["worker"]).get("/").content.decode()
    assert counts(page) == [2, 2, 5]
    assert 'href="/worklist/"' in page


@time_machine.travel(NOW, tick=False)
def test_nothing_due_says_so(login, personas, case):
    page = login(personas["buddy"]).get("/").content.decode()
    assert "Nothing is due on your cases." in page


def test_auditors_get_no_summary(login, personas):
    page = login(personas["auditor"]).get("/").content.decode()
    assert "due-heading" not in page
    assert 'href="/worklist/"' not in page


def test_the_nav_links_the_worklists_by_role(login, personas):
    worker = login(personas["worker"]).get("/").content.decode()
    assert 'href="/worklist/"' in worker and 'href="/worklist/team/"' not in worker
    leader = login(personas["leader"]).get("/").content.decode()
    assert 'href="/worklist/team/"' in leader
