"""Said where activities are recorded: which kinds count for the case's open due items, and,
after saving, what the activity closed and when the next one is due, or why it closed nothing.
The answer is samspel.programmes.counting's; the due items are the case's stored ones (read
through the case, so activities imports nothing of followup), before and after the recompute.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspel.activities.models import ActivityKind
from samspel.cases.models import Case
from samspel.programmes.counting import Closable, counting
from samspel.programmes.definitions import Law, Programme
from samspel.programmes.effective import law_for, programme_for


def open_items(case: Case) -> dict[str, tuple[str, dt.date, dt.date]]:
    """The case's open due items: rule key → (title, counts from, due on)."""
    rows = case.due_items.values_list("rule", "title", "counts_from", "due_on")
    return {rule: (title, counts_from, due_on) for rule, title, counts_from, due_on in rows}


def _rules(case: Case) -> tuple[Programme | None, Law]:
    """The case's programme as its organisation runs it, and its jurisdiction's law."""
    return programme_for(case.organisation_id, case.programme), law_for(
        case.organisation.jurisdiction
    )


def _counting(
    rules: tuple[Programme | None, Law], kind: str, items: dict
) -> tuple[list[Closable], list[Closable]]:
    return counting(kind, [(key, title) for key, (title, *_dates) in items.items()], *rules)


def _in_sentence(label: str) -> str:
    """A label inside a sentence: lower-case first letter, an abbreviation ("SMS") kept."""
    first = label.split(" ", 1)[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


def _kind(kind: str) -> str:
    return _in_sentence(str(dict(ActivityKind.choices).get(kind, kind)))


def _title(closable: Closable) -> str:
    return _in_sentence(_(closable.title))


def _kinds(closable: Closable) -> str:
    return _(" or ").join(_kind(kind) for kind in closable.kinds)


def kind_notes(case: Case) -> dict[str, str]:
    """Activity kind → "counts as the weekly follow-up", for the kinds that close an open due
    item of the case."""
    items = open_items(case)
    if not items:
        return {}
    rules = _rules(case)
    notes = {}
    for kind in ActivityKind.values:
        counts, _not = _counting(rules, kind, items)
        if counts:
            titles = _(" and ").join(_title(c) for c in counts)
            notes[kind] = _("counts as the %(titles)s") % {"titles": titles}
    return notes


def mark_choices(choices, notes: dict[str, str]) -> list:
    """The kind choices with each counting kind's note beside its label."""
    marked = []
    for value, label in choices:
        marked.append((value, f"{label} ({notes[value]})" if value in notes else label))
    return marked


def closed_message(case: Case, kind: str, before: dict) -> str:
    """After saving a held `kind`: what it closed and when the next is due, or why nothing."""
    if not before:
        return ""
    after = open_items(case)
    counts, not_counts = _counting(_rules(case), kind, before)
    said = []
    for closable in counts:
        was, now = before[closable.key], after.get(closable.key)
        if now == was:
            said.append(
                _("It did not close the %(title)s, which counts from %(date)s.")
                % {"title": _title(closable), "date": date_format(was[1])}
            )
        elif now is None:
            said.append(_("It closed the %(title)s.") % {"title": _title(closable)})
        else:
            said.append(
                _("It closed the %(title)s; the next is due %(date)s.")
                % {"title": _title(closable), "date": date_format(now[2])}
            )
    if not counts and not_counts:
        # Why, for the item due first: the one the worker most likely meant to close.
        closable = min(not_counts, key=lambda c: (before[c.key][2], c.key))
        said.append(
            _("It closed nothing: a %(kind)s does not count for the %(title)s (%(kinds)s).")
            % {"kind": _kind(kind), "title": _title(closable), "kinds": _kinds(closable)}
        )
    return " ".join(said)
