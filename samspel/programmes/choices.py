"""The programmes an organisation can put teams and cases on: the five built-in ones and its own
(DOMAIN.md §3). Teams and cases store a programme by key; an own programme's key is only
valid inside its organisation, so forms validate against these choices, not model choices."""

from __future__ import annotations

from collections import Counter

from samspel.organisations.models import Organisation
from samspel.organisations.programmes import PROGRAMME_CHOICES
from samspel.programmes.effective import base_key
from samspel.programmes.loader import programme
from samspel.programmes.models import OrganisationProgramme


def _own(organisation_id: int | None):
    if organisation_id is None:  # a user outside any organisation has no own programmes
        return OrganisationProgramme.objects.none()
    return OrganisationProgramme.objects.filter(organisation_id=organisation_id)


def _country(organisation: Organisation | int | None) -> str | None:
    if isinstance(organisation, Organisation):
        return organisation.jurisdiction
    if organisation is None:
        return None
    found = Organisation.objects.filter(pk=organisation).values_list("jurisdiction", flat=True)
    return found.first()


def programme_choices(
    organisation: Organisation | int | None, keep: str = ""
) -> list[tuple[str, str]]:
    """(key, name) of the built-in programmes of the organisation's country (DOMAIN.md §8: a
    Danish organisation is offered no Swedish working model, and the reverse), then its active
    own ones, by name (`organisation` as an object saves a query). `keep` is the key already
    on the team or case: offered even if it is of the other country or since made inactive."""
    country = _country(organisation)
    organisation_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    own = _own(organisation_id).order_by("name").values_list("key", "name", "is_active")
    return [
        *(
            (key, name)
            for key, name in PROGRAMME_CHOICES
            if programme(key).jurisdiction == country or key == keep
        ),
        *((key, name) for key, name, active in own if active or key == keep),
    ]


def default_programme(organisation: Organisation) -> str:
    """A new team's working model: the one most of the organisation's active teams run, of
    those it is offered; without one, its country's first built-in programme (En process i
    rörelse in Sweden, Sammen om familien in Denmark). A tie goes to the one offered first."""
    offered = [key for key, _name in programme_choices(organisation)]
    teams = organisation.teams.filter(is_active=True, programme__in=offered)
    used = Counter(teams.values_list("programme", flat=True))
    if not offered:
        return ""
    return max(offered, key=lambda key: (used[key], -offered.index(key)))


def programme_name(organisation_id: int | None, key: str) -> str:
    """The name to show for a team's or case's programme key."""
    built_in = dict(PROGRAMME_CHOICES)
    if key in built_in:
        return str(built_in[key])
    name = _own(organisation_id).filter(key=key).values_list("name", flat=True).first()
    return name or key


def base_programme(organisation_id: int | None, key: str) -> str:
    """The built-in programme whose rules and phases a key runs (samspel.programmes.effective)."""
    return base_key(organisation_id, key)
