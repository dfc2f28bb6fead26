"""Who and what the demo world holds: its two organisations, their teams and the demo logins."""

from __future__ import annotations

from dataclasses import dataclass

from samspel.accounts.models import Role
from samspel.organisations import programmes
from samspel.organisations.models import Jurisdiction


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str | None = None
    is_leader: bool = False
    # Takes half of the team's cases (the other half go round the colleagues), so that the
    # persona a newcomer logs in as has a full worklist.
    caseload: bool = False


DANISH_ORG = "Aarhus Kommune – Børn og Unge med handicap"
SWEDISH_ORG = "Linköpings kommun – Socialförvaltningen"

TEAMS = {
    DANISH_ORG: [
        ("Handicaprådgivning Nord", programmes.TOGETHER_FOR_THE_FAMILY),
        ("Handicaprådgivning Syd", programmes.TOGETHER_FOR_THE_FAMILY),
    ],
    SWEDISH_ORG: [
        ("Familjehemsteamet", programmes.FOSTER_HOME_PROCESS),
        ("B'family öppenvård", programmes.BFAMILY),
        ("FIFA-teamet", programmes.FIFA),
        ("Familjelotsen", programmes.FAMILY_NAVIGATOR),
    ],
}

PERSONAS = {
    DANISH_ORG: [
        DemoUser("worker", "Mette", "Kristensen", Role.WORKER, "Handicaprådgivning Nord"),
        DemoUser("buddy", "Jonas", "Mikkelsen", Role.WORKER, "Handicaprådgivning Nord"),
        DemoUser(
            "leader", "Hanne", "Østergaard", Role.TEAM_LEADER, "Handicaprådgivning Nord", True
        ),
        DemoUser("outsider", "Peter", "Lund", Role.WORKER, "Handicaprådgivning Syd"),
        DemoUser("auditor", "Birgitte", "Holm", Role.AUDITOR),
        DemoUser("admin", "Søren", "Dahl", Role.ORG_ADMIN),
    ],
    SWEDISH_ORG: [
        DemoUser("stranger", "Sara", "Lindqvist", Role.WORKER, "Familjehemsteamet"),
        # A worker in each Swedish working model, a team leader and an org admin (issue 10).
        DemoUser("konsulent", "Anna", "Berglund", Role.WORKER, "Familjehemsteamet", caseload=True),
        DemoUser(
            "behandlare", "Erik", "Holmgren", Role.WORKER, "B'family öppenvård", caseload=True
        ),
        DemoUser("fifa", "Maria", "Sandberg", Role.WORKER, "FIFA-teamet", caseload=True),
        DemoUser("lots", "Johan", "Ek", Role.WORKER, "Familjelotsen", caseload=True),
        DemoUser("ledare", "Karin", "Nyström", Role.TEAM_LEADER, "Familjehemsteamet", True),
        DemoUser("admin-se", "Lars", "Öberg", Role.ORG_ADMIN),
    ],
}

ORGANISATIONS = {
    DANISH_ORG: (Jurisdiction.DENMARK, "da", "da_DK"),
    SWEDISH_ORG: (Jurisdiction.SWEDEN, "sv", "sv_SE"),
}


def caseload_holder(organisation_name: str, team_name: str) -> str | None:
    """The persona who takes half of the team's cases, if the team has one."""
    return next(
        (
            persona.username
            for persona in PERSONAS[organisation_name]
            if persona.team == team_name and persona.caseload
        ),
        None,
    )
