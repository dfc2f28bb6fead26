"""The browser fixtures of samspel/web/tests/browser, for this app's journeys."""

from samspel.web.tests.browser.conftest import (  # noqa: F401 - fixtures, used by name
    browser,
    browser_locale,
    demo,
    new_page,
    page,
    shot,
)
