"""A soft link to the case's network (samspel.network), used when that app is installed.

Plans name external actors in free text. When a name a worker types is one of the case's
network actors (by organisation or contact person), the forms suggest those names and warn
before an actor without the family's valid consent is given a responsibility in the plan
(DOMAIN.md §2, §7). Without the network app every function here finds nothing.

A family home a child is placed in (familjehem / plejefamilie) is never suggested: a plan is
printed for and shared with the family, and the name of the home can lead to where the child
lives."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from samspel.cases.models import FAMILY_HOME_KIND

NETWORK_APP = "samspel.network"


def case_actors(case) -> dict[str, Any]:
    """The case's network actors by casefolded name: organisation and contact person; a
    family home is left out (see above)."""
    if not apps.is_installed(NETWORK_APP):
        return {}
    from samspel.network.models import CaseActor

    found: dict[str, Any] = {}
    actors = (
        CaseActor.objects.filter(case=case)
        .exclude(external_organisation__kind=FAMILY_HOME_KIND)
        .select_related("case", "external_organisation", "contact_person")
        .prefetch_related("consents")
    )
    for actor in actors:
        names = [actor.external_organisation.name]
        if actor.contact_person_id:
            names.append(actor.contact_person.name)
        for name in names:
            found.setdefault(name.strip().casefold(), actor)
    return found


def matching_actor(typed: str, actors: dict[str, Any]) -> Any | None:
    """The actor a typed name refers to: the same name, or the name followed by more detail
    ("Ekens skola, mentor")."""
    typed = " ".join(typed.split()).casefold()
    for name, actor in actors.items():
        if typed == name or typed.startswith((f"{name},", f"{name} ")):
            return actor
    return None


def actor_without_consent(typed: str, actors: dict[str, Any]) -> Any | None:
    """The matching network actor when the family's consent does not hold today, else None."""
    actor = matching_actor(typed, actors) if typed else None
    if actor is None:
        return None
    from samspel.network.consent import has_valid_consent

    return None if has_valid_consent(actor) else actor
