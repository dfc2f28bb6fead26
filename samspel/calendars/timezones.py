"""Which clock a calendar shows: the organisation's, by its jurisdiction."""

from zoneinfo import ZoneInfo

from samspel.organisations.models import Jurisdiction

ZONES = {
    Jurisdiction.SWEDEN: "Europe/Stockholm",
    Jurisdiction.DENMARK: "Europe/Copenhagen",
}


def organisation_timezone(organisation) -> ZoneInfo:
    """Europe/Stockholm for Swedish organisations, Europe/Copenhagen for Danish ones."""
    return ZoneInfo(ZONES.get(organisation.jurisdiction, "Europe/Stockholm"))
