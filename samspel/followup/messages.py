"""The English message ids of due-item explanations, marked for translation, and `describe()`.

The engine stores ids and params (language-neutral: ISO dates, "6 weeks", activity kind values);
`describe()` translates both when an item is shown. The rule titles, anchors and durations the
programme files may use are samspel.programmes.wording.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, gettext_noop

from samspel.activities.models import ActivityKind
from samspel.plans.models import PlanKind
from samspel.programmes.wording import ANCHOR_LABELS, duration_text

# Explanations.
# The *_LAST messages name the held activity the period counts from (`held`, a kind value).
EVERY_BY_BASIS_LAST = gettext_noop(
    "Every %(interval)s because the case holds %(paragraph)s; counted from the %(held)s held "
    "%(last)s"
)
EVERY_BY_BASIS_NONE = gettext_noop(
    "Every %(interval)s because the case holds %(paragraph)s; none held since %(start)s"
)
EVERY_LAST = gettext_noop(
    "Every %(interval)s (%(activities)s); counted from the %(held)s held %(last)s"
)
EVERY_NONE = gettext_noop("Every %(interval)s (%(activities)s); none held since %(start)s")
LAW_EVERY_LAST = gettext_noop(
    "%(law)s: every %(interval)s; counted from the %(held)s held %(last)s"
)
LAW_EVERY_NONE = gettext_noop("%(law)s: every %(interval)s from %(anchor)s on %(start)s")
FIXED = gettext_noop("%(first)s after %(anchor)s on %(start)s, then every %(interval)s")
LAW_FIXED = gettext_noop(
    "%(law)s: %(first)s after %(anchor)s on %(start)s, then every %(interval)s"
)
WITHIN = gettext_noop("Within %(interval)s of %(anchor)s on %(start)s")
ADULTS_WITHIN = gettext_noop(
    "Within %(interval)s of %(anchor)s on %(start)s; %(answered)s of %(adults)s adults have "
    "answered"
)
NO_ADULT_WITHIN = gettext_noop(
    "Within %(interval)s of %(anchor)s on %(start)s; no parent is recorded in the family yet"
)
LAW_WITHIN = gettext_noop("%(law)s: within %(interval)s of %(anchor)s on %(start)s")
LAW_AT = gettext_noop("%(law)s: at %(anchor)s on %(start)s")
AGE = gettext_noop(
    "The child turns %(age)s on %(birthday)s: start preparing the transition to adult services"
)
PHASE = gettext_noop("%(phase)s lasts at most %(interval)s; it started %(start)s")
SUBGOAL = gettext_noop("A sub-goal of the %(plan)s has its target date %(target)s")

# The `activities` param of a rule closed by the family's evaluations rather than activities.
EVALUATION = "evaluation"
EVALUATION_LABEL = gettext_noop("the family's evaluation")
# ... and as the held activity an explanation counts from ("counted from the family evaluation").
EVALUATION_HELD = gettext_noop("family evaluation")

DATE_PARAMS = {"last", "start", "birthday", "target"}
DURATION_PARAMS = {"interval", "first"}


# A worklist describes a hundred items or more, most naming the same kinds and dates: the
# labels and date texts are made once per language (the argument; the callers pass the active
# one) and kept, as the catalogues themselves are.
@lru_cache(maxsize=8)
def _kind_labels(language: str | None) -> dict[str, str]:
    return {kind.value: str(kind.label) for kind in ActivityKind}


@lru_cache(maxsize=4096)
def _date_text(language: str | None, iso: str) -> str:
    return date_format(dt.date.fromisoformat(iso))


def date_text(day: dt.date) -> str:
    """A date in the active language's format, as explanations and due-item tables show it."""
    return _date_text(get_language(), day.isoformat())


def _activities_text(kinds: str) -> str:
    labels = {**_kind_labels(get_language()), EVALUATION: gettext(EVALUATION_LABEL)}
    names = [labels.get(kind, kind) for kind in kinds.split(",") if kind]
    return gettext(" or ").join(names)


def _held_text(kind: str) -> str:
    """The held activity an explanation counts from, lower-case inside the sentence."""
    if kind == EVALUATION:
        return gettext(EVALUATION_HELD)
    return _kind_labels(get_language()).get(kind, kind).lower()


def _param_text(name: str, value: str) -> str:
    if name in DATE_PARAMS:
        return _date_text(get_language(), value)
    if name in DURATION_PARAMS:
        return duration_text(value)
    if name == "activities":
        return _activities_text(value)
    if name == "held":
        return _held_text(value)
    if name == "anchor":
        return gettext(ANCHOR_LABELS.get(value, value))
    if name == "plan":
        return str(dict(PlanKind.choices).get(value, value)).lower()
    return value


def describe(message: str, params: dict[str, str] | None = None) -> str:
    """An explanation in the active language, stored on a due item or given by the engine or the
    phase rules: the message and its params (dates in the local format, durations, activity
    kinds and anchors translated). The one place such text is made; never raises on a bad
    translation or a stored param it cannot read: it falls back to the raw values."""
    if not message:
        return ""  # gettext("") is the catalogue's header
    params = params or {}
    try:
        translated = {name: _param_text(name, str(value)) for name, value in params.items()}
    except (ValueError, KeyError):
        translated = {name: str(value) for name, value in params.items()}
    for text in (gettext(message), message):
        try:
            return text % translated
        except (KeyError, ValueError, TypeError):
            continue
    return message
