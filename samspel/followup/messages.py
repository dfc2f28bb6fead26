"""The English message ids of due-item titles and explanations, marked for translation.

The engine stores ids and params (language-neutral: ISO dates, "6 weeks", activity kind values);
`describe()` translates both when an item is shown. Programme files may only use titles listed here.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext

# Titles of due items (programme and law rules name one in their `title` field).
TITLES = frozenset(
    {
        gettext_noop("Weekly follow-up"),
        gettext_noop("Evaluation of the consultant's support"),
        gettext_noop("Follow-up"),
        gettext_noop("Startup talk"),
        gettext_noop("Child conversation or observation"),
        gettext_noop("Early network meeting"),
        gettext_noop("Transition to adult services"),
        gettext_noop("Ask about the children"),
        gettext_noop("Offer parenting support"),
        gettext_noop("Stop-op team meeting"),
        gettext_noop("Phase time limit"),
        gettext_noop("Sub-goal target date"),
        gettext_noop("Child-professional investigation finished"),
        gettext_noop("Child's plan (barnets plan)"),
        gettext_noop("First follow-up of the measure"),
        gettext_noop("Supervision visit with a talk with the child"),
        gettext_noop("Decision whether to open an investigation"),
        gettext_noop("Investigation finished"),
        gettext_noop("Consideration of the placement (övervägande)"),
        gettext_noop("Care plan revised"),
        gettext_noop("Custody transfer considered"),
    }
)
PHASE_TITLE = gettext_noop("Phase time limit")
SUBGOAL_TITLE = gettext_noop("Sub-goal target date")

# Explanations.
EVERY_BY_BASIS_LAST = gettext_noop(
    "Every %(interval)s because the case holds %(paragraph)s; last follow-up held %(last)s"
)
EVERY_BY_BASIS_NONE = gettext_noop(
    "Every %(interval)s because the case holds %(paragraph)s; none held since %(start)s"
)
EVERY_LAST = gettext_noop("Every %(interval)s (%(activities)s); last held %(last)s")
EVERY_NONE = gettext_noop("Every %(interval)s (%(activities)s); none held since %(start)s")
LAW_EVERY_LAST = gettext_noop("%(law)s: every %(interval)s; last held %(last)s")
LAW_EVERY_NONE = gettext_noop("%(law)s: every %(interval)s from %(anchor)s on %(start)s")
FIXED = gettext_noop("%(first)s after %(anchor)s on %(start)s, then every %(interval)s")
LAW_FIXED = gettext_noop(
    "%(law)s: %(first)s after %(anchor)s on %(start)s, then every %(interval)s"
)
WITHIN = gettext_noop("Within %(interval)s of %(anchor)s on %(start)s")
LAW_WITHIN = gettext_noop("%(law)s: within %(interval)s of %(anchor)s on %(start)s")
LAW_AT = gettext_noop("%(law)s: at %(anchor)s on %(start)s")
AGE = gettext_noop(
    "The child turns %(age)s on %(birthday)s: start preparing the transition to adult services"
)
PHASE = gettext_noop("%(phase)s lasts at most %(interval)s; it started %(start)s")
SUBGOAL = gettext_noop("A sub-goal of the %(plan)s has its target date %(target)s")

# What a rule counts from (the `anchor` param).
ANCHOR_LABELS = {
    "started_on": gettext_noop("the case start"),
    "referred_on": gettext_noop("the referral"),
    "placement_started_on": gettext_noop("the placement"),
    "investigation_started_on": gettext_noop("the investigation's start"),
    "investigation_finished_on": gettext_noop("the investigation's end"),
    "measure_started_on": gettext_noop("the measure's start"),
}

# The `activities` param of a rule closed by the family's evaluations rather than activities.
EVALUATION = "evaluation"
EVALUATION_LABEL = gettext_noop("the family's evaluation")

DATE_PARAMS = {"last", "start", "birthday", "target"}
DURATION_PARAMS = {"interval", "first"}


def duration_text(text: str) -> str:
    """'6 weeks' (the engine's language-neutral form) in the active language."""
    amount_text, _, unit = text.partition(" ")
    amount = int(amount_text)
    forms = {
        "days": ngettext("%(count)d day", "%(count)d days", amount),
        "weeks": ngettext("%(count)d week", "%(count)d weeks", amount),
        "months": ngettext("%(count)d month", "%(count)d months", amount),
        "years": ngettext("%(count)d year", "%(count)d years", amount),
    }
    return forms[unit] % {"count": amount}


def _activities_text(kinds: str) -> str:
    from samspel.activities.models import ActivityKind

    labels = {kind.value: str(kind.label) for kind in ActivityKind}
    labels[EVALUATION] = gettext(EVALUATION_LABEL)
    names = [labels.get(kind, kind) for kind in kinds.split(",") if kind]
    return gettext(" or ").join(names)


def _param_text(name: str, value: str) -> str:
    if name in DATE_PARAMS:
        return date_format(dt.date.fromisoformat(value))
    if name in DURATION_PARAMS:
        return duration_text(value)
    if name == "activities":
        return _activities_text(value)
    if name == "anchor":
        return gettext(ANCHOR_LABELS.get(value, value))
    if name == "plan":
        from samspel.plans.models import PlanKind

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
