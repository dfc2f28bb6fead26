"""The project's browser fixtures (one Chromium, the demo world, screenshots), for this app."""

from samspel.web.tests.browser.conftest import (  # noqa: F401 - fixtures for pytest
    browser,
    browser_locale,
    demo,
    new_page,
    page,
    shot,
)
