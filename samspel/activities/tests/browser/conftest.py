"""The browser fixtures of samspel/web/tests/browser, for this app's journeys."""

import pytest

from samspel.web.tests.browser.conftest import (  # noqa: F401 - fixtures, used by name
    browser,
    browser_locale,
    demo,
    new_page,
    page,
    shot,
)


@pytest.fixture(autouse=True)
def frozen():
    """Browser journeys run on the real clock, not the app's frozen test day: the demo world
    they share with every other app's journeys is built once per process for today (a frozen
    build left the calendar journey with a demo from March)."""
    yield
