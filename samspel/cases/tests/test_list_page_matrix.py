"""Pages without a case in the URL × every persona: every case number a page shows belongs to
cases_for_user of its reader, and every case it shows is named in the page's one view event.
Which pages these are comes from the URL configuration: a new URL that is neither a case page
(test_access_matrix.py), nor covered here, nor excluded below with a reason fails."""

import re

import pytest
import time_machine
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter

from samspel.audit.models import Action, AuditEvent
from samspel.cases.access import cases_for_user
from samspel.cases.models import Case, EmergencyAccess
from samspel.cases.tests.test_access_matrix import URLS, _walk
from samspel.cases.tests.url_objects import LIST_PAGES, list_page_world
from samspel.followup.tests.due import NOW

PERSONAS = ["worker", "buddy", "leader", "outsider", "auditor", "admin", "stranger"]
SHOWS_NO_CASE = {"worklists:compliance": "monthly shares only, no case named"}

# Not pages that list case data, each with the reason.
EXCLUDED_NAMESPACES = {
    "admin": "Django's admin, only with DEBUG or the demo; for superusers, not case workers",
    "accounts": "login, second factor, password: no case data",
    "organisations": "the org admin's users and teams: no case data",
    "programmes": "the organisation's programme settings: no case data",
    "reminders": "the organisation's reminder settings: no case data",
    "audit": "the auditors' search of the audit log: event metadata, no case content",
    "ical": "calendar feeds behind a token, no session: calendars/tests/test_feeds*.py",
    "api": "the REST API, with a bearer token: samspel/api/tests/test_api.py",
    "imports": "the org admin's import of a caseload, one batch's counts: imports/tests",
    "retention": "the org admin's schedule, holds and runs (case numbers only): retention/tests",
    "sso": "the login through an organisation's OpenID provider: no case data",
    "api_tokens": "a user's API tokens and the org admin's list of them: api/tests/test_tokens*",
    "privacy": "one person's register extract, not a list: privacy/tests/test_extract.py",
}
EXCLUDED = {
    "web:set_language": "POST that switches the language",
    "web:healthz": "liveness, no data",
    "web:readyz": "readiness (database, migrations, static files), no data",
    "cases:emergency": "POST that opens one case: test_emergency_access.py",
    "cases:emergency_review": "POST on one access: test_the_emergency_review_* below",
    "families:create": "a form for a new family, no case shown",
    "calendars:feeds": "the user's own feed tokens, no case shown",
    "calendars:feed_create": "POST that creates a feed token",
    "calendars:feed_revoke": "POST that revokes a feed token",
    "family_calendar:appointment_add": "a family form (families.access), no case listed",
    "family_calendar:appointment_edit": "one appointment of a family, no case listed",
    "family_calendar:appointment_cancel": "POST on one appointment",
    "family_calendar:feeds": "the family's feed tokens, no case shown",
    "family_calendar:feed_create": "POST that creates a feed token",
    "family_calendar:feed_revoke": "POST that revokes a feed token",
}


def _page_name(key: str) -> str:
    return key.split("?")[0]


def test_every_url_is_a_case_page_a_list_page_or_excluded_with_a_reason():
    case_pages = {name for name, _ in URLS}
    covered = {_page_name(key) for key in LIST_PAGES}
    unclassified = []
    for namespace, pattern, _kwargs in _walk(get_resolver().url_patterns):
        name = f"{namespace}:{pattern.name}"
        if namespace.split(":")[0] in EXCLUDED_NAMESPACES or name in EXCLUDED:
            continue
        if name not in case_pages and name not in covered:
            unclassified.append(name)
    assert not unclassified, f"add to LIST_PAGES (url_objects.py) or EXCLUDED: {unclassified}"
    assert not covered & set(EXCLUDED)


def test_no_page_url_carries_a_sequential_id():
    counters = [
        f"{namespace}:{pattern.name}"
        for namespace, pattern, _kwargs in _walk(get_resolver().url_patterns)
        if namespace != "admin"
        and any(isinstance(c, IntConverter) for c in pattern.pattern.converters.values())
    ]
    assert counters == []


def _url(key: str, case: Case) -> tuple[str, dict]:
    name = _page_name(key)
    kwargs = {"family_id": case.family.public_id} if name.startswith("family_calendar:") else {}
    query = {k: (v(case) if callable(v) else v) for k, v in LIST_PAGES[key].items()}
    return reverse(name, kwargs=kwargs), query


def _shown(page: str) -> set[Case]:
    return {
        case
        for case in Case.objects.select_related("family")
        if re.search(rf"(?<![\d-]){re.escape(case.number)}(?![\d-])", page)
    }


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("key", list(LIST_PAGES))
def test_a_list_page_shows_only_readable_cases_and_names_them_in_its_one_view_event(
    client, personas, case, key
):
    list_page_world(case, personas)
    url, query = _url(key, case)
    seen_by_anyone = set()
    for persona in PERSONAS:
        reader = personas[persona]
        client.force_login(reader)
        response = client.get(url, query)
        assert response.status_code in (200, 404), f"{persona} {url}"
        assert response["Cache-Control"] == "no-store", url
        if response.status_code == 404:
            continue
        shown = _shown(response.content.decode())
        readable = set(cases_for_user(reader))
        leaked = sorted(c.number for c in shown - readable)
        assert not leaked, f"{persona} sees {leaked} on {url}"
        views = AuditEvent.objects.filter(action=Action.VIEW, request_id=response["X-Request-ID"])
        # A family page also records the family it opened; one event names the cases listed.
        listing = [event for event in views if "cases" in event.detail]
        if shown:
            assert len(listing) == 1, f"{persona} {url}: {len(listing)} events name cases"
            named = set(listing[0].detail["cases"])
            missing = sorted(c.number for c in shown if str(c.public_id) not in named)
            assert not missing, f"{persona} {url}: {missing} not in the view event"
        else:
            assert len(listing) <= 1
        seen_by_anyone |= shown
    if _page_name(key) in SHOWS_NO_CASE:
        assert seen_by_anyone == set()
    else:  # the page lists cases at all, so the checks above could fail
        assert seen_by_anyone, f"no persona saw a case on {url}"


@time_machine.travel(NOW, tick=False)
def test_the_worklists_show_what_they_showed_before(client, personas, case):
    """The scoping keeps each page's meaning: the worker's own cases (and an emergency
    access does not put a case on the worker's list), the led team's cases for the leader."""
    world = list_page_world(case, personas)
    client.force_login(personas["worker"])
    assert _shown(client.get(reverse("worklists:mine")).content.decode()) == {case}
    client.force_login(personas["leader"])
    team = _shown(client.get(reverse("worklists:team")).content.decode())
    assert team == {case, world["team_a_leader_only"], world["intake"]}  # unassigned too


@time_machine.travel(NOW, tick=False)
def test_the_emergency_review_is_for_the_leader_of_the_case_team_only(client, personas, case):
    list_page_world(case, personas)
    access = EmergencyAccess.objects.get(case=case, user=personas["outsider"])
    url = reverse("cases:emergency_review", kwargs={"access_id": access.public_id})
    for persona in ["worker", "buddy", "outsider", "auditor", "admin", "stranger"]:
        client.force_login(personas[persona])
        assert client.post(url).status_code == 404, persona
    client.force_login(personas["leader"])
    home = client.get(reverse("web:home")).content.decode()
    assert url in home
    assert client.post(url).status_code == 302
    access.refresh_from_db()
    assert access.reviewed_by == personas["leader"]
    assert client.post(url).status_code == 404  # reviewed once
    assert url not in client.get(reverse("web:home")).content.decode()
