"""The words and choices that follow the organisation's country (DOMAIN.md §8): which activity
kinds, plan kinds, agencies, kinds of network organisation and legal paragraphs a Swedish or a
Danish organisation is offered, and the labels whose term is the country's own ("medansvarig"
in Sweden, "makker" in Denmark).

The one place of this rule: the forms of cases, plans, activities and calendars and the pages'
labels ask here. The apps above keep their model choices (every stored value stays valid); this
module narrows them per country. A record that already holds a value of the other country keeps
it as a choice when edited (`keep`), as `samspel.programmes.choices.programme_choices` does.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samspel.catalogues.loader import catalogue
from samspel.programmes import activity_kinds as kinds
from samspel.programmes import plan_kinds

SWEDEN = "SE"
DENMARK = "DK"

Choices = Iterable[tuple[str, object]]

# Activity kinds of one country only: the Danish supervision visit (tilsyn, Barnets lov) and the
# Swedish consideration of a placement (övervägande, SoL/LVU); law_dk.toml and law_se.toml name
# them. Every other kind is offered in both countries.
ACTIVITY_KIND_COUNTRY = {
    kinds.SUPERVISION_VISIT: DENMARK,
    kinds.CONSIDERATION: SWEDEN,
}

# Plan kinds (DOMAIN.md §2): vårdplan and genomförandeplan are Swedish, barnets plan / handleplan
# Danish.
PLAN_KINDS = {
    SWEDEN: frozenset({plan_kinds.CARE_PLAN, plan_kinds.IMPLEMENTATION_PLAN}),
    DENMARK: frozenset({plan_kinds.CHILD_PLAN}),
}

# Agencies a family has appointments with (samspel.activities.models.AgencyKind values).
AGENCIES = {
    SWEDEN: frozenset(
        {
            "psychiatry",
            "school",
            "social_insurance",
            "employment_service",
            "health_care",
            "habilitation",
            "other",
        }
    ),
    DENMARK: frozenset(
        {
            "psychiatry",
            "school",
            "ppr",
            "employment_service",
            "municipality",
            "health_care",
            "habilitation",
            "other",
        }
    ),
}

# Labels whose term differs by country; a value not named here keeps its model label.
ACTIVITY_KIND_LABELS: dict[str, dict[str, Promise]] = {
    kinds.CONTACT_VISIT: {
        SWEDEN: _("Contact visit (umgänge)"),
        DENMARK: _("Contact visit (samvær)"),
    },
}
AGENCY_LABELS: dict[str, dict[str, Promise]] = {
    "psychiatry": {
        SWEDEN: _("Child and adolescent psychiatry (BUP)"),
        DENMARK: _("Child and adolescent psychiatry"),
    },
    "employment_service": {
        SWEDEN: _("Employment service (Arbetsförmedlingen)"),
        DENMARK: _("Jobcenter"),
    },
}
# Kinds of the organisations in a case's network (samspel.network.models.OrganisationKind
# values): PPR is Danish, elevhälsa and BUP are Swedish; a placement's home is a family home
# (familjehem / plejefamilie) or a residential unit in both.
NETWORK_KINDS = {
    SWEDEN: frozenset(
        {
            "school",
            "day_care",
            "pupil_health",
            "psychiatry",
            "social_insurance",
            "employment_service",
            "health_care",
            "therapy",
            "foster_home",
            "residential_unit",
            "residential",
            "other",
        }
    ),
    DENMARK: frozenset(
        {
            "school",
            "day_care",
            "ppr",
            "psychiatry",
            "social_insurance",
            "employment_service",
            "health_care",
            "therapy",
            "foster_home",
            "residential_unit",
            "residential",
            "other",
        }
    ),
}
NETWORK_KIND_LABELS: dict[str, dict[str, Promise]] = {
    "ppr": {DENMARK: _("Educational psychology service (PPR)")},
    "pupil_health": {SWEDEN: _("Pupil health service (elevhälsa)")},
    "psychiatry": {SWEDEN: _("Child and adolescent psychiatry (BUP)")},
    "social_insurance": {
        SWEDEN: _("Social insurance agency (Försäkringskassan)"),
        DENMARK: _("Payments agency (Udbetaling Danmark)"),
    },
    "employment_service": {
        SWEDEN: _("Employment service (Arbetsförmedlingen)"),
        DENMARK: _("Jobcenter"),
    },
    "foster_home": {
        SWEDEN: _("Family home (familjehem)"),
        DENMARK: _("Foster family (plejefamilie)"),
    },
    "residential_unit": {
        SWEDEN: _("Residential unit (HVB, stödboende, SiS)"),
        DENMARK: _("Residential unit (døgninstitution, opholdssted)"),
    },
}
NETWORK_ROLE_EXAMPLES: dict[str, Promise] = {
    SWEDEN: _("For example class teacher, school psychologist, treating psychiatrist."),
    DENMARK: _("For example class teacher, PPR psychologist, treating psychiatrist."),
}
EXTERNAL_ACTOR_EXAMPLES: dict[str, Promise] = {
    SWEDEN: _("For example: the school, elevhälsan, BUP."),
    DENMARK: _("For example: the school, PPR, child psychiatry."),
}
BUDDY_LABELS: dict[str, Promise] = {
    SWEDEN: _("Co-responsible worker (medansvarig)"),
    DENMARK: _("Buddy (makker)"),
}
BUDDY_DEFAULT = _("Second worker")

# The year a country's repealed paragraphs stopped applying (Serviceloven → Barnets lov).
REPEALED_IN = {DENMARK: 2024}

KIND_REFUSED = _(
    "%(value)s is not a kind used in your organisation's country. Choose one from the list."
)
AGENCY_REFUSED = _("Choose one of the agencies in the list.")


def _label(labels: dict[str, dict[str, Promise]], value: str, country: str | None, default):
    return labels.get(value, {}).get(country or "", default)


def activity_kind_allowed(kind: str, country: str | None) -> bool:
    only = ACTIVITY_KIND_COUNTRY.get(kind)
    return country is None or only is None or only == country


def activity_kind_label(kind: str, country: str | None, default: object = "") -> str:
    """The label of an activity kind in an organisation of `country`."""
    return str(_label(ACTIVITY_KIND_LABELS, kind, country, default or kind))


def activity_kind_choices(country: str | None, choices: Choices, keep: str = "") -> list:
    """The model's kind `choices` offered in `country`, with the country's labels; `keep` is
    the kind already on the activity, kept even if it is of the other country."""
    return [
        (value, activity_kind_label(value, country, label))
        for value, label in choices
        if activity_kind_allowed(value, country) or (keep and value == keep)
    ]


def plan_kind_choices(country: str | None, choices: Choices, keep: str = "") -> list:
    """The model's plan kind `choices` offered in `country`; `keep` as for activity kinds."""
    offered = PLAN_KINDS.get(country or "")
    return [
        (value, label)
        for value, label in choices
        if offered is None or value in offered or (keep and value == keep)
    ]


def agency_label(kind: str, country: str | None, default: object = "") -> str:
    return str(_label(AGENCY_LABELS, kind, country, default or kind))


def agency_choices(country: str | None, choices: Choices, keep: str = "") -> list:
    """The model's agency `choices` offered in `country`, with the country's labels."""
    offered = AGENCIES.get(country or "")
    return [
        (value, agency_label(value, country, label))
        for value, label in choices
        if offered is None or value in offered or (keep and value == keep)
    ]


def network_kind_label(kind: str, country: str | None, default: object = "") -> str:
    """The label of a network organisation's kind in an organisation of `country`; a kind of
    the other country (an old record) keeps its model label."""
    return str(_label(NETWORK_KIND_LABELS, kind, country, default or kind))


def network_kind_choices(country: str | None, choices: Choices, keep: str = "") -> list:
    """The model's network kind `choices` offered in `country`, with the country's labels."""
    offered = NETWORK_KINDS.get(country or "")
    return [
        (value, network_kind_label(value, country, label))
        for value, label in choices
        if offered is None or value in offered or (keep and value == keep)
    ]


def external_actor_example(country: str | None) -> str:
    """Examples of a plan's external actor, in the words of `country`."""
    return str(EXTERNAL_ACTOR_EXAMPLES.get(country or "", _("For example: the school.")))


def network_role_example(country: str | None, default: object = "") -> str:
    """The examples of an actor's role on a case, in the words of `country`."""
    return str(NETWORK_ROLE_EXAMPLES.get(country or "", default))


def buddy_label(country: str | None) -> str:
    """What the second worker on a case is called: medansvarig in Sweden, makker in Denmark."""
    return str(BUDDY_LABELS.get(country or "", BUDDY_DEFAULT))


def legal_basis_choices(country: str) -> list[tuple[str, str]]:
    """The paragraphs of the country's catalogue: those in force first, then the repealed ones
    marked with the year they were replaced (still accepted: a case opened under the old law
    keeps its basis)."""
    paragraphs = catalogue(country).paragraphs
    current = [(code, p) for code, p in paragraphs.items() if not p.replaced_by]
    repealed = [(code, p) for code, p in paragraphs.items() if p.replaced_by]
    year = REPEALED_IN.get(country)
    return [
        *((code, p.label) for code, p in current),
        *(
            (
                code,
                _("%(code)s – %(title)s (before %(year)s)")
                % {"code": code, "title": p.title, "year": year}
                if year
                else _("%(code)s – %(title)s (repealed)") % {"code": code, "title": p.title},
            )
            for code, p in repealed
        ),
    ]
