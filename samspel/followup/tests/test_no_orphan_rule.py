"""No orphan rule (ISSUE10, "How it is checked"): every rule of the programme and law files can be
triggered, seen and closed from the pages.

Generated from the loaded data (samspel.programmes.loader), one test per rule, named by the key
its items get (`fifa:asked-about-children`, `law-dk:supervision-visit`). Each test reads the
rule's own fields to know what to do, and does it as a worker would, with the test client
sending the forms the pages show (samspel.followup.tests.pages):

1. opens a case: the family and its persons through the family forms, the case through the case
   form (with the referral date);
2. records the facts the rule counts from and applies on (`anchor`, `deadlines`, `when_facts`):
   the case's start by the status form, a placement by the placements panel, the investigation
   by the investigation panel, the legal basis (`when_paragraphs`, a catalogue paragraph of each
   of `when_classes`, the classes of each cadence) by `give_legal_basis`; an age rule sets a
   focus child's birth date through the person form;
3. sees on the worker's worklist the item with the rule's title, its due date and its
   explanation (rendered in English: the dates it counts from, the interval, the law);
4. for a rule whose cadence a held activity starts (`started_by`), holds it and sees the item
   count from it;
5. records what closes it (each activity kind of `activities` in turn, `closed_by_fact` through
   its panel, a plan of `closed_by_plan`; a held activity's message says it closed the item)
   and sees the item gone, or for a recurring rule the next period counted from that day, for
   a fixed one the next fixed date.

A fact, closing fact or field of a rule that no page is known to record, or a choice the page's
form does not offer (an activity kind, a plan kind), fails its test with the rule and the
missing piece named: that rule would be an orphan. A case's legal basis is given as dated
measures through the case page's measures panel (`give_legal_basis`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from html import unescape
from typing import NoReturn

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from conftest import make_user
from samspel.activities.models import ActivityKind
from samspel.cases.models import ANSWERING_ROLES, Case
from samspel.catalogues.loader import catalogue
from samspel.families.models import Family, Person, PersonRole
from samspel.followup.tests.pages import FormPages
from samspel.organisations.models import Organisation, Team
from samspel.programmes.definitions import (
    AGE,
    ANCHORS,
    CLOSING_FACTS,
    FIXED,
    ONCE,
    RECURRING,
    Cadence,
    Duration,
    Rule,
)
from samspel.programmes.loader import laws, programmes
from samspel.programmes.wording import duration_text

NOW = "2026-06-15 10:00 +02:00"
TODAY = dt.date(2026, 6, 15)
WORKLIST = "/worklist/"


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# The rules, from the data files ------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a rule comes from and the programme its test case runs."""

    prefix: str  # "fifa", "law-se": how the engine names the rule's items
    jurisdiction: str
    programme: str  # the rule's own programme; for a law rule, one of its country (see below)
    law: bool


def _programme_for_law(jurisdiction: str) -> str:
    """A law applies to every case of its country: its rules are tried on a case of the
    country's programme with the fewest rules of its own (Familjelotsen in Sweden has none;
    Denmark has Sammen om familien only)."""
    found = [p for p in programmes().values() if p.jurisdiction == jurisdiction]
    return min(found, key=lambda p: (len(p.rules), p.key)).key


def _rules() -> list[tuple[Source, Rule]]:
    found = [
        (Source(key, programme.jurisdiction, key, False), rule)
        for key, programme in programmes().items()
        for rule in programme.rules
    ]
    for jurisdiction, law in laws().items():
        source = Source(
            f"law-{jurisdiction.lower()}", jurisdiction, _programme_for_law(jurisdiction), True
        )
        found += [(source, rule) for rule in law.rules]
    return found


def item_key(source: Source, rule: Rule) -> str:
    """The key of the rule's item: a law rule sharing its obligation with a rule of the case's
    programme gives the programme's item (Barnets lov §95's first follow-up is the programme's
    follow-up; the earlier of the two is shown)."""
    if source.law:
        programme = programmes()[source.programme]
        if any(other.obligation_key == rule.obligation_key for other in programme.rules):
            return f"{programme.key}:{rule.obligation_key}"
    return f"{source.prefix}:{rule.obligation_key}"


# The rule fields this test reads; a field added to Rule must be taught to it (see the test of
# that below), or its rules could not be proved to be triggered and closed from the pages.
KNOWN_FIELDS = {
    "key",
    "kind",
    "title",
    "activities",
    "anchor",
    "started_by",
    "every",
    "first",
    "window",
    "deadlines",
    "cadences",
    "closed_by_fact",
    "closed_by_plan",
    "plan_after_anchor",
    "min_subgoals",
    "at_age",
    "within",
    "when_paragraphs",
    "when_classes",
    "when_facts",
    "obligation",
    "law",
}


# The case and its world ----------------------------------------------------------------------


@dataclass
class Visit:
    """One case of one rule's test, and the worker's logged-in client."""

    label: str  # the rule's test id, named in every failure
    pages: FormPages
    case: Case

    @property
    def page(self) -> str:
        return reverse("cases:detail", args=[self.case.public_id])

    def url(self, name: str, **kwargs) -> str:
        return reverse(name, args=[self.case.public_id], **kwargs)

    def refresh(self) -> None:
        self.case.refresh_from_db()

    def child(self) -> Person:
        return self.case.focus_children.get()

    def fail(self, what: str) -> NoReturn:
        pytest.fail(f"{self.label}: {what}")


def _worker(source: Source):
    organisation = Organisation.objects.create(
        name=f"Kommune {source.jurisdiction}",
        jurisdiction=source.jurisdiction,
        default_language="sv" if source.jurisdiction == "SE" else "da",
        require_second_factor=False,
    )
    team = Team.objects.create(organisation=organisation, name="Team", programme=source.programme)
    return make_user(organisation, "worker", team=team), team


def _created(response, prefix: str) -> str:
    """The public id of what a form created, from the page it leads to."""
    found = re.match(rf"{prefix}([0-9a-f-]{{36}})/$", response["Location"])
    assert found is not None, response["Location"]
    return found.group(1)


def open_case(pages: FormPages, worker, team, referred_on: dt.date, label: str) -> Case:
    """A family with a child and a parent, and its case opened by the case form."""
    create = reverse("families:create")
    values = {
        "family-name": "Familjen Orphan",
        "person-role": PersonRole.CHILD,
        "person-first_name": "Alva",
        "person-last_name": "Orphan",
    }
    response = pages.submit(create, create, values, what=f"{label}: registering the family")
    family = Family.objects.get(public_id=_created(response, "/families/"))
    add = reverse("families:person_add", args=[family.public_id])
    values = {"role": PersonRole.PARENT, "first_name": "Kim", "last_name": "Orphan"}
    pages.submit(add, add, values, what=f"{label}: adding the parent")
    child = family.persons.get(role=PersonRole.CHILD)
    create = reverse("cases:create", args=[family.public_id])
    values = {
        "focus_children": [str(child.pk)],
        "programme": team.programme,
        "team": str(team.pk),
        "responsible": str(worker.pk),
        "referred_on": referred_on.isoformat(),
    }
    response = pages.submit(create, create, values, what=f"{label}: opening the case")
    return Case.objects.get(public_id=_created(response, "/cases/"))


def give_legal_basis(visit: Visit, codes: list[str], starts_on: dt.date) -> None:
    """Give the case this legal basis, as measures starting on `starts_on`: THE one place of this
    step. One measure per code through the case page's measures panel, decided and starting on
    `starts_on`."""
    page, action = visit.url("cases:detail"), visit.url("cases:measure_add")
    for code in codes:
        values = {
            "measure-paragraph": code,
            "measure-decided_on": starts_on.isoformat(),
            "measure-starts_on": starts_on.isoformat(),
        }
        what = f"{visit.label}: giving the case the measure {code} from {starts_on}"
        visit.pages.submit(page, action, values, what=what)
    visit.refresh()


def _first_in_force(jurisdiction: str) -> str:
    paragraphs = catalogue(jurisdiction).paragraphs.values()
    return next(p.code for p in paragraphs if not p.replaced_by)


def _in_force(jurisdiction: str, measure_class: str) -> str | None:
    """The first paragraph in force of the class in the country's catalogue."""
    paragraphs = catalogue(jurisdiction).paragraphs.values()
    return next(
        (p.code for p in paragraphs if p.measure_class == measure_class and not p.replaced_by),
        None,
    )


def _basis(visit: Visit, source: Source, rule: Rule, cadence: Cadence | None) -> list[str]:
    """The legal basis the rule applies on: its paragraphs, a paragraph of each of its classes,
    and one of the class the cadence under test is chosen by."""
    codes = list(rule.when_paragraphs)
    classes = list(rule.when_classes)
    if cadence is not None:
        classes += (cadence.requires_class or cadence.any_class or cadence.only_classes)[:1]
    for measure_class in classes:
        code = _in_force(source.jurisdiction, measure_class)
        if code is None:
            visit.fail(f"the {source.jurisdiction} catalogue has no paragraph of {measure_class}")
        codes.append(code)
    return list(dict.fromkeys(codes))


# Facts, recorded through the case page -------------------------------------------------------


def _status_active(visit: Visit, on: dt.date) -> None:
    values = {"status": "active", "on": on.isoformat()}
    what = f"{visit.label}: making the case active from {on}"
    visit.pages.submit(visit.page, visit.url("cases:status"), values, what=what)


def _placement(visit: Visit, on: dt.date) -> None:
    values = {
        "placement-child": str(visit.child().public_id),
        "placement-started_on": on.isoformat(),
    }
    what = f"{visit.label}: recording a placement from {on}"
    visit.pages.submit(visit.page, visit.url("network:placement_add"), values, what=what)


def _investigation(visit: Visit, started: dt.date, finished: dt.date | None = None) -> None:
    """The investigation panel; in Sweden after the decision to open it (SoL 11 kap. 1 a §)."""
    visit.refresh()
    if visit.case.organisation.jurisdiction == "SE" and not visit.case.investigation_opened:
        _decision(visit, started)
    values = {
        "started_on": started.isoformat(),
        "finished_on": finished.isoformat() if finished else "",
    }
    what = f"{visit.label}: recording the investigation ({started} – {finished})"
    visit.pages.submit(visit.page, visit.url("cases:investigation"), values, what=what)


def _decision(visit: Visit, on: dt.date) -> None:
    values = {"opened": "yes", "decided_on": on.isoformat()}
    what = f"{visit.label}: recording the decision to open an investigation on {on}"
    visit.pages.submit(visit.page, visit.url("cases:investigation_decision"), values, what=what)


def _birth_date(visit: Visit, born: dt.date) -> None:
    child = visit.child()
    page = reverse("families:person_edit", args=[child.family.public_id, child.public_id])
    what = f"{visit.label}: setting the child's birth date {born}"
    visit.pages.submit(page, page, {"birth_date": born.isoformat()}, what=what)


# The facts a rule may count from or apply on, each with the page that records it. The referral
# date is given by the case form when the case is opened; a measure's start with the legal
# basis (give_legal_basis).
FACT_PAGES: dict[str, Callable[[Visit, dict[str, dt.date]], None]] = {
    "started_on": lambda visit, on: _status_active(visit, on["started_on"]),
    "placement_started_on": lambda visit, on: _placement(visit, on["placement_started_on"]),
    "investigation_started_on": lambda visit, on: _investigation(
        visit, on["investigation_started_on"]
    ),
    "investigation_finished_on": lambda visit, on: _investigation(
        visit, on["investigation_started_on"], on["investigation_finished_on"]
    ),
}
OPENING_FACTS = {"referred_on"}  # the case form, when the case is opened
BASIS_FACTS = {"measure_started_on"}  # give_legal_basis
CASE_START_FACTS = {"referred_on", "started_on", "measure_started_on"}


# What closes a rule, recorded through the pages ----------------------------------------------

CONTEXT_OF = {"video_call": "video", "phone_call": "phone", "sms": "phone"}


def _hold(visit: Visit, kind: str, on: dt.date) -> list[str]:
    """The case page's "record a held activity" form; what the page then says."""
    expected = programmes()[visit.case.programme].expected_place(kind)
    values = {
        "held-kind": kind,
        "held-context": expected or CONTEXT_OF.get(kind, "home"),
        "held-held_on": on.isoformat(),
        "held-minutes": "45",
    }
    what = f"{visit.label}: recording a held {kind} on {on}"
    response = visit.pages.submit(
        visit.page, visit.url("activities:record_held"), values, what=what
    )
    return [str(message) for message in get_messages(response.wsgi_request)]


def _adult_answer(visit: Visit, on: dt.date, values: dict[str, str]) -> None:
    """The FIFA panel's form of every adult on the case."""
    for person in visit.case.family.persons.filter(role__in=ANSWERING_ROLES):
        pick = {"answers-person": str(person.public_id)}
        what = f"{visit.label}: recording the answers of {person.first_name} on {on}"
        visit.pages.submit(
            visit.page, visit.url("cases:adult_answers"), values, pick=pick, what=what
        )


def _evaluation(visit: Visit, on: dt.date) -> None:
    values = {"evaluation-evaluated_on": on.isoformat()}
    what = f"{visit.label}: recording the family's evaluation on {on}"
    visit.pages.submit(visit.page, visit.url("followup:record_evaluation"), values, what=what)


def _finish_investigation(visit: Visit, on: dt.date) -> None:
    visit.refresh()
    _investigation(visit, visit.case.investigation_started_on or on, on)


def _start_investigation(visit: Visit, on: dt.date) -> None:
    _investigation(visit, on)


CLOSING_FACT_PAGES: dict[str, Callable[[Visit, dt.date], None]] = {
    "asked_about_children_on": lambda visit, on: _adult_answer(
        visit,
        on,
        {
            "answers-asked_about_children_on": on.isoformat(),
            "answers-children_answer": "They are fine, the parent says.",
        },
    ),
    "parenting_support_offered_on": lambda visit, on: _adult_answer(
        visit,
        on,
        {
            "answers-parenting_support_offered_on": on.isoformat(),
            "answers-support_answer": "accepted",
        },
    ),
    "investigation_decided_on": _decision,
    "investigation_started_on": _start_investigation,
    "investigation_finished_on": _finish_investigation,
    "evaluated_on": _evaluation,
}


def _plan(visit: Visit, rule: Rule, on: dt.date) -> None:
    if rule.min_subgoals:
        visit.fail(f"closing needs {rule.min_subgoals} measurable sub-goals: not taught here")
    page = reverse("plans:create", args=[visit.case.public_id])
    values = {"kind": rule.closed_by_plan, "title": "The plan", "starts_on": on.isoformat()}
    what = f"{visit.label}: writing a {rule.closed_by_plan} from {on}"
    visit.pages.submit(page, page, values, what=what)


@dataclass(frozen=True)
class Closer:
    """One way the rule is closed: an activity kind held, a closing fact or a plan kind."""

    how: str  # "activity" | "fact" | "plan"
    name: str

    def record(self, visit: Visit, rule: Rule, on: dt.date) -> None:
        if self.how == "activity":
            said = " ".join(_hold(visit, self.name, on))
            # Said where it is recorded (ISSUE10 item 6): what the activity closed.
            closed = f"It closed the {in_sentence(rule.title)}"
            assert closed in said, f"{visit.label}: {closed!r} not in {said!r}"
        elif self.how == "plan":
            _plan(visit, rule, on)
        elif self.name in CLOSING_FACT_PAGES:
            CLOSING_FACT_PAGES[self.name](visit, on)
        else:
            visit.fail(f"no page records the closing fact {self.name!r}")


def _closers(rule: Rule) -> list[Closer]:
    closers = [Closer("activity", kind) for kind in rule.activities]
    if rule.closed_by_fact:
        closers.append(Closer("fact", rule.closed_by_fact))
    if rule.closed_by_plan:
        closers.append(Closer("plan", rule.closed_by_plan))
    return closers


@dataclass(frozen=True)
class Scenario:
    """One case of a rule's test: the cadence its legal basis chooses and how it is closed."""

    label: str
    rule: Rule
    cadence: Cadence | None
    closer: Closer
    measure_after: int = 0  # days after the case's start the legal basis's measure starts


def _scenarios(label: str, rule: Rule) -> list[Scenario]:
    """Each way of closing, on the first cadence; each further cadence with the first way."""
    closers = _closers(rule)
    cadences: list[Cadence | None] = list(rule.cadences) or [None]
    pairs = [(cadences[0], closer) for closer in closers]
    pairs += [(cadence, closers[0]) for cadence in cadences[1:]] if closers else []
    return [
        Scenario(f"{label} [{number}]", rule, cadence, closer)
        for number, (cadence, closer) in enumerate(pairs)
    ]


# Dates ---------------------------------------------------------------------------------------


def _facts(rule: Rule) -> list[str]:
    """The facts the rule counts from and applies on."""
    if rule.kind == ONCE:
        anchors = [deadline.anchor for deadline in rule.deadlines]
    elif rule.kind == AGE:
        anchors = []
    else:
        anchors = [rule.anchor]
    return list(dict.fromkeys([*anchors, *rule.when_facts]))


def _dates(
    visit_label: str, rule: Rule, facts: list[str], measure_after: int
) -> dict[str, dt.date]:
    """The day of each fact: the rule's item counts from ten days ago (a fixed rule's first
    date lies a month ahead, inside its window); the case is referred before every fact."""
    if rule.kind == FIXED:
        assert rule.first is not None and rule.window is not None
        if rule.window.approximate_days() <= 30:
            pytest.fail(f"{visit_label}: a window of {rule.window} is too short for this test")
        day = rule.first.before(TODAY + days(30))
    else:
        day = TODAY - days(10)
    if any(name not in CASE_START_FACTS for name in facts):
        referred, start = day - days(40), day - days(35)  # the case starts before the others
    else:
        referred, start = (day - days(5), day) if "started_on" in facts else (day, day)
    started = start if "started_on" in facts else None
    return {
        "referred_on": referred,
        **({"started_on": started} if started else {}),
        "measure_started_on": (started or referred) + days(measure_after),
        "placement_started_on": day,
        "investigation_started_on": day - days(20) if "investigation_finished_on" in facts else day,
        "investigation_finished_on": day,
        "birthday": day,
    }


def _first_due(
    rule: Rule, cadence: Cadence | None, on: dict[str, dt.date]
) -> tuple[dt.date, dt.date, Duration | None]:
    """(counts from, due on, interval) of the rule's first item, from the rule's own fields."""
    if rule.kind == ONCE:
        due, start, within = min(
            ((d.within.after(on[d.anchor]), on[d.anchor], d.within) for d in rule.deadlines),
            key=lambda deadline: deadline[:2],
        )
        return start, due, within
    if rule.kind == AGE:
        assert rule.within is not None
        return on["birthday"], rule.within.after(on["birthday"]), None
    start = on[rule.anchor]
    if rule.kind == FIXED:
        assert rule.first is not None
        return start, rule.first.after(start), rule.first
    every = _every(rule, cadence)
    return start, (rule.first or every).after(start), every


# The worklist --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    title: str
    due_on: dt.date
    explanation: str


ROW = re.compile(r'<tr class="due-\w+" data-case="([^"]*)" data-rule="([^"]*)">(.*?)</tr>', re.S)


def worklist_row(visit: Visit, key: str) -> Row | None:
    """The item `key` of the visit's case on the worker's worklist, as shown."""
    for number, rule, body in ROW.findall(visit.pages.get(WORKLIST)):
        if number != visit.case.number or rule != key:
            continue
        cells = [
            unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        ]
        due = re.search(r'datetime="([\d-]+)"', body)
        assert due is not None
        return Row(cells[1], dt.date.fromisoformat(due.group(1)), cells[-1])
    return None


def in_sentence(title: str) -> str:
    """A title inside a sentence, as the pages write it: "It closed the weekly follow-up"."""
    return title if title.split(" ", 1)[0].isupper() else title[:1].lower() + title[1:]


def held_label(kind: str) -> str:
    """An activity kind as an explanation names it: "counted from the startup talk held ..."."""
    with translation.override("en"):
        return str(ActivityKind(kind).label).lower()


def english_date(day: dt.date) -> str:
    with translation.override("en"):
        return date_format(day)


def _see(visit: Visit, key: str, rule: Rule, due_on: dt.date, names: list[str]) -> Row:
    """The item is on the worklist with the rule's title, due on `due_on`, explained: the
    explanation is rendered (no message id left) and names each of `names`."""
    row = worklist_row(visit, key)
    if row is None:
        visit.fail(f"no item {key} on the worklist")
    assert row.title == rule.title, f"{visit.label}: {key} shows {row.title!r}"
    assert row.due_on == due_on, f"{visit.label}: {key} is due {row.due_on}, not {due_on}"
    assert row.explanation and "%(" not in row.explanation, f"{visit.label}: {row.explanation!r}"
    for name in names:
        assert name in row.explanation, f"{visit.label}: {name!r} not in {row.explanation!r}"
    return row


# The test ------------------------------------------------------------------------------------

# Rules no page can trigger or close today; each is reported with what is missing.
XFAIL: dict[str, str] = {}


def _params():
    params = []
    for source, rule in _rules():
        label = f"{source.prefix}:{rule.key}"
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[label])] if label in XFAIL else []
        params.append(pytest.param(source, rule, id=label, marks=marks))
    return params


def test_every_rule_field_is_read_by_this_test():
    """A new field of Rule must be taught to this test, or its rules go unproved."""
    assert {f.name for f in fields(Rule)} == KNOWN_FIELDS


def test_every_fact_a_rule_may_name_has_a_page():
    """Every anchor and closing fact the loader accepts is recorded by a page known here."""
    known = set(FACT_PAGES) | OPENING_FACTS | BASIS_FACTS
    assert set(ANCHORS) - known == set(), "facts no page records"
    assert set(CLOSING_FACTS) - set(CLOSING_FACT_PAGES) == set(), "closing facts no page records"


def test_the_data_has_rules():
    """The generated tests below are not empty: both laws and the programmes give rules."""
    sources = {source.prefix for source, _rule in _rules()}
    assert {"law-se", "law-dk", "fifa", "sammen-om-familien", "process-i-rorelse"} <= sources


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("source", "rule"), _params())
def test_rule_is_triggered_seen_and_closed_from_the_pages(client, source: Source, rule: Rule):
    label = f"{source.prefix}:{rule.key}"
    worker, team = _worker(source)
    client.force_login(worker)
    pages = FormPages(client)
    scenarios = _scenarios(label, rule)
    assert scenarios, f"{label}: nothing closes the rule"
    for scenario in scenarios:
        _run(pages, worker, team, source, scenario)  # each on a case of its own


def _run(pages: FormPages, worker, team: Team, source: Source, scenario: Scenario) -> None:
    rule, label = scenario.rule, scenario.label
    facts = _facts(rule)
    known = set(FACT_PAGES) | OPENING_FACTS | BASIS_FACTS
    if unknown := [name for name in facts if name not in known]:
        pytest.fail(f"{label}: no page records the fact(s) {unknown}")
    on = _dates(label, rule, facts, scenario.measure_after)
    visit = Visit(label, pages, open_case(pages, worker, team, on["referred_on"], label))
    _record_facts(visit, source, scenario, facts, on)
    key = item_key(source, rule)
    counts_from, due_on, interval = _first_due(rule, scenario.cadence, on)
    _see(visit, key, rule, due_on, _explained(rule, counts_from, interval))
    if rule.started_by:
        _start_cadence(visit, key, rule, scenario.cadence)
    scenario.closer.record(visit, rule, TODAY)
    _see_closed(visit, key, scenario, due_on)


def _record_facts(
    visit: Visit, source: Source, scenario: Scenario, facts: list[str], on: dict[str, dt.date]
) -> None:
    """The case's start first, then its legal basis (a measure starts with the case), then the
    other facts; an age rule's child gets the birth date that makes it that age."""
    rule = scenario.rule
    if "started_on" in facts:
        FACT_PAGES["started_on"](visit, on)
    codes = _basis(visit, source, rule, scenario.cadence)
    if not codes and "measure_started_on" in facts:
        codes = [_first_in_force(source.jurisdiction)]
    if codes:
        give_legal_basis(visit, codes, on["measure_started_on"])
    for name in facts:
        if name in FACT_PAGES and name != "started_on":
            FACT_PAGES[name](visit, on)
    if rule.kind == AGE:
        _birth_date(visit, Duration(rule.at_age, "years").before(on["birthday"]))


def _explained(rule: Rule, counts_from: dt.date, interval: Duration | None) -> list[str]:
    """What the explanation names: the day it counts from, the interval (the age for an age
    rule), the law."""
    names = [english_date(counts_from)]
    with translation.override("en"):
        if interval is not None and interval.amount:
            names.append(duration_text(str(interval)))
    if rule.kind == AGE:
        names.append(str(rule.at_age))
    return names + ([rule.law] if rule.law else [])


def _every(rule: Rule, cadence: Cadence | None) -> Duration:
    every = cadence.every if cadence is not None else rule.every
    assert every is not None
    return every


def _start_cadence(visit: Visit, key: str, rule: Rule, cadence: Cadence | None) -> None:
    """Holding the activity that starts the cadence (the startup talk): the item counts from it."""
    held = TODAY - days(5)
    _hold(visit, rule.started_by[0], held)
    due_on = (rule.first or _every(rule, cadence)).after(held)
    _see(visit, key, rule, due_on, [english_date(held), held_label(rule.started_by[0])])


def _see_closed(visit: Visit, key: str, scenario: Scenario, first_due: dt.date) -> None:
    """Closed today: a once or age rule's item is gone (the key may remain as another rule's
    item of the same obligation, under its own title); a recurring rule's next period counts
    from today's activity, named; a fixed rule's next date is one interval after the first."""
    rule, cadence, closer = scenario.rule, scenario.cadence, scenario.closer
    if rule.kind == RECURRING:
        names = [english_date(TODAY)]
        names += [held_label(closer.name)] if closer.how == "activity" else []
        _see(visit, key, rule, _every(rule, cadence).after(TODAY), names)
    elif rule.kind == FIXED:
        _see(visit, key, rule, _every(rule, cadence).after(first_due), [])
    else:
        row = worklist_row(visit, key)
        if row is not None and row.title == rule.title:
            visit.fail(f"{key} is still on the worklist after it was closed: {row}")


def _measure_params():
    """The rules counted from a measure's start alone (with the case's start)."""
    return [
        pytest.param(source, rule, id=f"{source.prefix}:{rule.key}")
        for source, rule in _rules()
        if "measure_started_on" in _facts(rule) and set(_facts(rule)) <= CASE_START_FACTS
    ]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("source", "rule"), _measure_params())
def test_a_measure_starting_after_the_case_is_counted_from_its_own_start(
    client, source: Source, rule: Rule
):
    worker, team = _worker(source)
    client.force_login(worker)
    scenario = replace(_scenarios(f"{source.prefix}:{rule.key}", rule)[0], measure_after=5)
    _run(FormPages(client), worker, team, source, scenario)
