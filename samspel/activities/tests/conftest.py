import datetime as dt

import pytest
import time_machine

from samspel.followup.recompute import recompute_case

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)  # Tuesday 10 March 2026, 13:00 in Stockholm
TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def foster_case(active_case, team):
    """The shared case running En process i rörelse: weekly follow-up from the placement."""
    team.programme = active_case.programme = "process-i-rorelse"
    team.save()
    active_case.placement_started_on = dt.date(2026, 1, 5)
    active_case.save()
    recompute_case(active_case)
    return active_case
