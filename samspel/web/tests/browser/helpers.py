"""What the browser journeys do again and again: log in and out, and run axe-core."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Locator, Page

from conftest import set_legal_basis
from samspel.demo.builder import DEMO_PASSWORD

AXE_SOURCE = (Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ROLES = ["worker", "buddy", "leader", "outsider", "auditor", "admin", "stranger"]


def click_and_wait(page: Page, button: Locator) -> None:
    """Click a link or submit button and wait until the answer has replaced the page and
    loaded, even when it has the same address (a form shown again with errors)."""
    with page.expect_navigation():
        button.click()


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Fill in and send the login form (opening the login page first when needed)."""
    if "/accounts/login/" not in page.url:
        page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    click_and_wait(page, page.locator("main button[type=submit]"))


def log_out(page: Page) -> None:
    click_and_wait(page, page.locator(".logout-form button[type=submit]"))


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core in the page for WCAG 2.0/2.1 A and AA. `evaluate` runs the script
    through the DevTools protocol, so the page's Content-Security-Policy stays on."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
        })""",
        AXE_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {json.dumps(node['target'])}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core violations on {page.url}:\n{describe(violations)}"


PHONE = {"width": 320, "height": 640}  # also what 1280 px at 400 % zoom shows (WCAG 1.4.10)


@contextmanager
def phone_width(page: Page) -> Iterator[None]:
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        yield
    finally:
        page.set_viewport_size(size)


def assert_no_sideways_scrolling(page: Page) -> None:
    """Only a wide table's own scroll box may scroll sideways, never the page."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways at {page.viewport_size}"


def fresh_case_for(username: str):
    """A new, empty case on one of the user's demo families: the demo fills every case with a
    plan, a mapping and a network, and a journey that builds them needs a blank one."""
    from samspel.cases.models import Case

    template = Case.objects.filter(responsible__username=username).order_by("number").first()
    case = Case.objects.create(
        organisation=template.organisation,
        number=f"{template.referred_on.year}-9999",
        family=template.family,
        programme=template.programme,
        team=template.team,
        responsible=template.responsible,
    )
    set_legal_basis(case, template.measures.values_list("paragraph", flat=True))
    return case
