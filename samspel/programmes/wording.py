"""The words of the programme and law files: the titles of due items a rule may name, what a
rule counts from, and durations ("6 weeks") in the active language. The loader accepts only these
titles; samspel.followup.messages explains due items with them."""

from django.utils.translation import gettext_noop, ngettext

# The engine's own titles: a phase's time limit and a sub-goal's target date.
PHASE_TITLE = gettext_noop("Phase time limit")
SUBGOAL_TITLE = gettext_noop("Sub-goal target date")

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
        PHASE_TITLE,
        SUBGOAL_TITLE,
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

# What a rule counts from (the `anchor` param).
ANCHOR_LABELS = {
    "started_on": gettext_noop("the case start"),
    "referred_on": gettext_noop("the referral"),
    "placement_started_on": gettext_noop("the placement"),
    "investigation_started_on": gettext_noop("the investigation's start"),
    "investigation_finished_on": gettext_noop("the investigation's end"),
    "measure_started_on": gettext_noop("the measure's start"),
}


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
