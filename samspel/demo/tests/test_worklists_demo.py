"""What a newcomer sees on the demo's worklists: each demo worker (and each demo team leader's
team) has a handful of items overdue by days or weeks, never months, some due within the week
and some further ahead; all of them made by the recompute from the demo's dates. Seeded as on a
few days, since every demo date counts back from the day it is seeded."""

import datetime as dt

import pytest
from django.utils import timezone

from samspel.accounts.models import User
from samspel.cases.models import Case
from samspel.demo.tests.conftest import MONTH_END, seeded_demo
from samspel.followup.engine import DUE_SOON, OVERDUE, UPCOMING, due_state
from samspel.followup.models import DueItem
from samspel.followup.recompute import recompute_cases
from samspel.followup.worklists import team_items, worker_items

WORKERS = ["worker", "buddy", "outsider", "stranger", "konsulent", "behandlare", "fifa", "lots"]
LEADERS = ["leader", "ledare"]
MOST_OVERDUE = 10
MOST_DAYS_OVERDUE = 60

# Today, a leap day, and the last of a month after February (months are counted in calendar
# months, so month ends are where a date arithmetic slip would show).
DAYS = [
    None,
    dt.datetime(2028, 2, 29, 10, tzinfo=dt.UTC),
    MONTH_END,
]


@pytest.fixture(scope="module", params=DAYS, ids=["today", "leap-day", "month-end"])
def seeded_on(request, django_db_setup, django_db_blocker):
    with seeded_demo(django_db_blocker, request.param):
        yield


def _worklist(username: str) -> list[DueItem]:
    user = User.objects.get(username=username)
    return list(team_items(user) if username in LEADERS else worker_items(user))


@pytest.mark.parametrize("username", WORKERS + LEADERS)
def test_a_handful_overdue_by_days_or_weeks_some_due_soon_some_ahead(db, seeded_on, username):
    today = timezone.localdate()
    items = _worklist(username)
    states = [due_state(item.due_on, today) for item in items]
    overdue = [(today - item.due_on).days for item in items if item.due_on < today]
    assert 1 <= len(overdue) <= MOST_OVERDUE, (username, sorted(overdue))
    assert max(overdue) <= MOST_DAYS_OVERDUE, (username, sorted(overdue))
    assert DUE_SOON in states and UPCOMING in states, (username, states)
    assert states.count(OVERDUE) == len(overdue)


def test_no_demo_item_is_overdue_by_months(db, seeded_on):
    today = timezone.localdate()
    oldest = DueItem.objects.order_by("due_on").values_list("rule", "due_on").first()
    assert oldest is not None
    assert (today - oldest[1]).days <= MOST_DAYS_OVERDUE, oldest


def test_the_items_are_the_recompute_s_own(db, seeded_on):
    """Recomputing every demo case changes nothing: no item was put there by hand."""
    before = sorted(DueItem.objects.values_list("case_id", "rule", "due_on", "counts_from"))
    changes = recompute_cases(Case.objects.select_related("organisation"))
    assert not any(change.changed for change in changes.values())
    assert sorted(DueItem.objects.values_list("case_id", "rule", "due_on", "counts_from")) == before


# What the README's "What to try" promises, case by case: (family, on whose list, rule,
# lowest and highest number of days until it is due).
README_CASES = [
    ("Familien Andresen", "worker", "law-dk:investigation", 8, 130),
    ("Familien Holm", "worker", "sammen-om-familien:startup-talk", -4, 11),
    ("Familien Kristoffersen", "buddy", "law-dk:supervision-visit", -60, 185),
    ("Familjen Ahmed", "konsulent", "law-se:custody-transfer", 0, 7),
    ("Familjen Ahmed", "konsulent", "law-se:consideration", 0, 7),
    ("Familjen Ahmed", "konsulent", "law-se:care-plan-revision", 0, 7),
    ("Familjen Fredriksson", "konsulent", "process-i-rorelse:consultant-evaluation", -60, -1),
    ("Familjen Olsson", "stranger", "law-se:custody-transfer", -60, -1),
    ("Familjen Olsson", "stranger", "law-se:consideration", -60, -1),
    ("Familjen Abdi", "behandlare", "bfamily:phase", -60, -1),
    ("Familjen Ahlin", "fifa", "fifa:parenting-support-offered", -60, -1),
    ("Familjen Bengtsson", "se-team3-1", "fifa:asked-about-children", 0, 7),
    ("Familjen Isaksson", "fifa", "law-se:investigation-decision", -60, 7),
    ("Familjen Andersson", "lots", "law-se:investigation", -60, -1),
]


@pytest.mark.parametrize(("family", "username", "rule", "lowest", "highest"), README_CASES)
def test_what_the_readme_says_to_try_is_there(
    db, seeded_on, family, username, rule, lowest, highest
):
    today = timezone.localdate()
    items = {(i.case.family.name, i.rule): i for i in _worklist(username)}
    item = items.get((family, rule))
    assert item is not None, (family, rule, sorted(items))
    assert lowest <= (item.due_on - today).days <= highest, (family, rule, item.due_on)
