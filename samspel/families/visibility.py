"""How a family's persons are shown: the one rule (DOMAIN.md §2) that every page, form, PDF,
calendar feed and reminder asks when it names a person.

A person without protected identity is shown in full, on a page, to everyone who may read the
case. For a person with protected identity (skyddad identitet / navne- og adressebeskyttelse):

- **address and contact details** only to users granted them by name on the person
  (`Person.authorised_users`), on a page; never printed, exported or sent. The exact place of an
  appointment can lead to the address, so it too is only for a reader granted every protected
  member of the family;
- **name and personal number** to the people on the case: its responsible worker, its buddy, the
  leader of its team and the users granted the case by name, to read or to write
  (`cases.access.case_relation` ON_CASE, WRITE_GRANT, READ_GRANT), and to those granted the
  person by name;
- **initials** for everyone else, that is a user who reads the case only through emergency
  access.

What leaves Samspel carries less:

- the plan PDF (PRINTED) goes to meetings, to the family and to other agencies: a protected
  person by initials, whoever prints it, the others by name; nobody's personal number, address
  or contact details (`FamilyDisplay.printed`);
- calendar feeds and reminders (SENT) end up on phones and in mailboxes beyond any access
  control: every person by initials at most, whoever subscribed (a reminder names nobody).

A family page belongs to no single case: it is read with the closest relation the reader has to
any of the family's cases they may read (the worker who registered a family that has no case yet
is on it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from samspel.families.models import Family, Person

# How a reader reaches a case, the audiences this rule speaks of; samspel.cases.access tells
# which one a user is (`case_relation`), samspel.cases.family_access which one a family page is.
ON_CASE = "on_case"  # responsible, buddy or leader of the case's team
WRITE_GRANT = "write_grant"
READ_GRANT = "read_grant"
EMERGENCY = "emergency"
NO_RELATION = ""

SENT = "sent"  # calendar feeds and reminders: what leaves Samspel without a reader
PRINTED = "printed"  # the plan PDF: leaves Samspel on paper
LEAVES = frozenset({SENT, PRINTED})
NAMED = frozenset({ON_CASE, WRITE_GRANT, READ_GRANT})
CLOSEST_FIRST = (ON_CASE, WRITE_GRANT, READ_GRANT, EMERGENCY, NO_RELATION)


@dataclass(frozen=True)
class Shown:
    """What one reader is shown of one person."""

    name: str  # the full name, or the initials
    personal_number: str  # "" when not shown
    details: bool  # address and contact details

    def __str__(self) -> str:
        return self.name


def _shown(person: Person, relation: str, granted: bool) -> Shown:
    full = Shown(str(person), person.personal_number, details=True)
    initials = Shown(person.initials, "", details=False)
    if relation == SENT or (relation == PRINTED and person.protected_identity):
        return initials
    if relation == PRINTED:
        return Shown(full.name, "", details=False)
    if not person.protected_identity or granted:
        return full
    if relation in NAMED:
        return Shown(full.name, full.personal_number, details=False)
    return initials


def person_display(reader, person: Person, relation: str) -> Shown:
    """How `reader`, who reaches the person's case through `relation` (a case relation of
    cases.access, or SENT), is shown `person`. One query for a protected person."""
    asks = person.protected_identity and reader is not None and relation not in LEAVES
    granted = asks and person.authorised_users.filter(pk=reader.pk).exists()
    return _shown(person, relation, granted)


@dataclass(frozen=True)
class FamilyDisplay:
    """How one reader is shown the persons of one family: the batch form of person_display."""

    relation: str
    granted_ids: frozenset[int]  # protected persons the reader was granted by name
    protected_ids: frozenset[int]

    def of(self, person: Person) -> Shown:
        return _shown(person, self.relation, person.pk in self.granted_ids)

    def label(self, person: Person | None) -> str:
        return "" if person is None else self.of(person).name

    def printed(self, person: Person) -> Shown:
        """What the reader may print of the person (the plan PDF): the name as shown, no more."""
        return Shown(self.of(person).name, "", details=False)

    @property
    def places(self) -> bool:
        """Exact places only for a reader granted every protected member, and never sent."""
        return self.relation not in LEAVES and self.protected_ids <= self.granted_ids


def family_display(reader, family: Family, relation: str) -> FamilyDisplay:
    """One query: the family's protected persons, and which of them `reader` was granted.
    `reader` is None for a form or output that no one reader's grants may widen."""
    protected = family.persons.filter(protected_identity=True)
    if reader is None or relation in LEAVES:
        ids = frozenset(protected.values_list("pk", flat=True))
        return FamilyDisplay(relation=relation, granted_ids=frozenset(), protected_ids=ids)
    granted = Person.authorised_users.through.objects.filter(
        person_id=OuterRef("pk"), user_id=reader.pk
    )
    pairs = list(protected.annotate(granted=Exists(granted)).values_list("pk", "granted"))
    return FamilyDisplay(
        relation=relation,
        granted_ids=frozenset(pk for pk, by_name in pairs if by_name),
        protected_ids=frozenset(pk for pk, _by_name in pairs),
    )
