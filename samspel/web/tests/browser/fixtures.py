"""Browser fixtures for every app's journeys: one Debian Chromium for the whole session, fresh
contexts per test, the demo world in the live server's database, and a screenshot helper.

A pytest plugin, registered once in the root conftest.py (`pytest_plugins`), so that each app's
tests/browser/ needs no conftest.py of its own to reach them. It imports no browser helper and
no page: loading it costs the other tests only the Playwright import."""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, sync_playwright

from samspel.web.tests.browser.snapshot import demo_world

SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Debian Chromium per test process."""
    # Sync Playwright keeps an event loop running in the test thread from here on;
    # without this Django's ORM refuses the tests' own queries as "async unsafe".
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def demo(live_server):
    """The demo world (logins worker … stranger, password "demo") behind the live server.
    It replaces the whole database: add a test's own data after it, not before."""
    demo_world.restore_or_build()
    return live_server


@pytest.fixture
def browser_locale() -> str:
    """The browser's language (Accept-Language); a test module overrides it to change it."""
    return "en-GB"


def _page_opener(browser: Browser, base_url: str, locale: str, contexts: list):
    def open_page() -> Page:
        context = browser.new_context(
            base_url=base_url, locale=locale, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    return open_page


@pytest.fixture
def new_page(browser: Browser, demo, browser_locale) -> Iterator[Callable[[], Page]]:
    """`new_page()` opens a page in a fresh browser context (no cookies carry over) on the
    live server with the demo world."""
    contexts: list = []
    yield _page_opener(browser, demo.url, browser_locale, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.fixture
def blank_page(browser: Browser, live_server, browser_locale) -> Iterator[Page]:
    """A page on the live server with an empty database: for pages that need no data."""
    contexts: list = []
    yield _page_opener(browser, live_server.url, browser_locale, contexts)()
    for context in contexts:
        context.close()


@pytest.fixture
def shot(request) -> Callable[..., Path]:
    """`shot(page, "login")` saves a numbered full-page screenshot named after the test."""
    prefix = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{prefix}--*.png"):
        old.unlink()
    taken = []

    def take(page: Page, name: str) -> Path:
        taken.append(name)
        path = SCREENSHOTS / f"{prefix}--{len(taken):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
