"""This app's journeys get the shared browser fixtures from the root conftest.py's plugin
(samspel/web/tests/browser/fixtures.py); here only the clock differs from activities/tests."""

import pytest


@pytest.fixture(autouse=True)
def frozen():
    """Browser journeys run on the real clock, not the app's frozen test day: the demo world
    they share with every other app's journeys is built once per process for today (a frozen
    build left the calendar journey with a demo from March)."""
    yield
