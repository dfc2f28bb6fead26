"""Who may see what of a family's persons (DOMAIN.md §2): a protected person's name, address and
contact details only for users granted by name; initials for everyone else. Pages, calendars,
reminder statuses and forms all ask here."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from samspel.families.models import Person


def person_label(person: Person | None, visible_ids: set[int]) -> str:
    """A protected person's name is shown only to users granted by name; initials otherwise."""
    if person is None:
        return ""
    return str(person) if person.pk in visible_ids else person.initials


@dataclass(frozen=True)
class Visibility:
    """What of a family one reader may see."""

    person_ids: set[int]  # everyone without protected identity, and those granted by name
    # Exact places (a clinic, a school) only for a reader who sees every protected member: they
    # can lead to a hidden address, whoever the appointment is for.
    places: bool


def visibility(family, user) -> Visibility:
    """One query: each person of the family, and whether `user` was granted them by name."""
    granted = Person.authorised_users.through.objects.filter(
        person_id=OuterRef("pk"), user_id=user.pk
    )
    rows = family.persons.annotate(granted=Exists(granted)).values_list(
        "pk", "protected_identity", "granted"
    )
    visible = {pk for pk, protected, by_name in rows if by_name or not protected}
    return Visibility(person_ids=visible, places=len(visible) == len(rows))
