"""Which held activity kinds count for which due item: the one answer the record forms (which
kinds to mark) and the message after saving (what it closed, or why not) give.

Pure: programme and law rules in, answers out. A due item's key is "<prefix>:<obligation>"
(samspel.followup.engine names them so); every rule of the programme or the law with that
obligation says which held activities close it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samspel.programmes.definitions import Law, Programme, Rule


@dataclass(frozen=True)
class Closable:
    """An open due item that a held activity can close."""

    key: str  # the due item's rule key, e.g. "process-i-rorelse:weekly-follow-up"
    title: str  # the rule's English title (a message id)
    kinds: tuple[str, ...]  # the activity kinds that count for it, in the data file's order


def _rules(programme: Programme | None, law: Law) -> list[Rule]:
    return [*(programme.rules if programme is not None else ()), *law.rules]


def closable(key: str, title: str, programme: Programme | None, law: Law) -> Closable | None:
    """What closes the due item `key`, or None when no held activity does (a plan, a recorded
    fact or a phase closes it)."""
    _prefix, _sep, obligation = key.partition(":")
    kinds: list[str] = []
    for rule in _rules(programme, law):
        if rule.obligation_key == obligation:
            kinds += [kind for kind in rule.activities if kind not in kinds]
    return Closable(key, title, tuple(kinds)) if kinds else None


def counting(
    kind: str, open_items: Iterable[tuple[str, str]], programme: Programme | None, law: Law
) -> tuple[list[Closable], list[Closable]]:
    """Of the open due items (key, title) an activity can close: those a held `kind` counts for,
    and those it does not."""
    counts, not_counts = [], []
    for key, title in open_items:
        found = closable(key, title, programme, law)
        if found is not None:
            (counts if kind in found.kinds else not_counts).append(found)
    return counts, not_counts
