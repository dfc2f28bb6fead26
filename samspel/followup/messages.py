"""The English message ids of due-item titles and explanations, marked for translation.

The engine stores ids and params (language-neutral: ISO dates, "6 weeks", activity kind values);
`describe()` translates both when an item is shown. Programme files may only use titles listed here.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_noop as N_

# Titles of due items (programme and law rules name one in their `title` field).
TITLES = frozenset(
    {
        N_("Weekly follow-up"),
        N_("Evaluation of the consultant's support"),
        N_("Follow-up"),
        N_("Startup talk"),
        N_("Child conversation or observation"),
        N_("Early network meeting"),
        N_("Transition to adult services"),
        N_("Ask about the children"),
        N_("Offer parenting support"),
        N_("Stop-op team meeting"),
        N_("Phase time limit"),
        N_("Sub-goal target date"),
        N_("Child-professional investigation finished"),
        N_("Child's plan (barnets plan)"),
        N_("First follow-up of the measure"),
        N_("Supervision visit with a talk with the child"),
        N_("Decision whether to open an investigation"),
        N_("Investigation finished"),
        N_("Consideration of the placement (övervägande)"),
        N_("Care plan revised"),
        N_("Custody transfer considered"),
    }
)
PHASE_TITLE = N_("Phase time limit")
SUBGOAL_TITLE = N_("Sub-goal target date")

# Explanations.
EVERY_BY_BASIS_LAST = N_(
    "Every %(interval)s because the case holds %(paragraph)s; last follow-up held %(last)s"
)
EVERY_BY_BASIS_NONE = N_(
    "Every %(interval)s because the case holds %(paragraph)s; none held since %(start)s"
)
EVERY_LAST = N_("Every %(interval)s (%(activities)s); last held %(last)s")
EVERY_NONE = N_("Every %(interval)s (%(activities)s); none held since %(start)s")
LAW_EVERY_LAST = N_("%(law)s: every %(interval)s; last held %(last)s")
LAW_EVERY_NONE = N_("%(law)s: every %(interval)s from %(anchor)s on %(start)s")
FIXED = N_("%(first)s after %(anchor)s on %(start)s, then every %(interval)s")
LAW_FIXED = N_("%(law)s: %(first)s after %(anchor)s on %(start)s, then every %(interval)s")
WITHIN = N_("Within %(interval)s of %(anchor)s on %(start)s")
LAW_WITHIN = N_("%(law)s: within %(interval)s of %(anchor)s on %(start)s")
LAW_AT = N_("%(law)s: at %(anchor)s on %(start)s")
AGE = N_(
    "The child turns %(age)s on %(birthday)s: start preparing the transition to adult services"
)
PHASE = N_("%(phase)s lasts at most %(interval)s; it started %(start)s")
SUBGOAL = N_("A sub-goal of the %(plan)s has its target date %(target)s")

# What a rule counts from (the `anchor` param).
ANCHOR_LABELS = {
    "started_on": N_("the case start"),
    "referred_on": N_("the referral"),
    "placement_started_on": N_("the placement"),
    "investigation_started_on": N_("the investigation's start"),
    "investigation_finished_on": N_("the investigation's end"),
    "measure_started_on": N_("the measure's start"),
}

# The `activities` param of a rule closed by the family's evaluations rather than activities.
EVALUATION = "evaluation"
EVALUATION_LABEL = N_("the family's evaluation")

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


def describe(message: str, params: dict[str, str]) -> str:
    """A stored explanation in the active language: the message and its params (dates in the
    local format, durations, activity kinds and anchors translated). Never raises on a bad
    translation or a stored param it cannot read: it falls back to the raw values."""
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
