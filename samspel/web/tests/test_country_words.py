"""Each country sees its own words (DOMAIN.md §8): the Swedish catalogue uses no Danish term of
the working models, the Danish catalogue no Swedish one."""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from samspel.network.models import OrganisationKind
from samspel.programmes.vocabulary import network_kind_choices

LOCALE = Path(__file__).resolve().parents[2] / "locale"
# Terms of the seeds that belong to one country only.
DANISH_ONLY = ["makker", "makkerskab", "makkerskaber", "tilsyn", "handleplan", "foranstaltning"]
SWEDISH_ONLY = [
    "vårdplan",
    "genomförandeplan",
    "familjeombud",
    "övervägande",
    "medansvarig",
    "elevhälsa",
    "elevhälsan",
]
# The agencies in a case's network (samspel.programmes.vocabulary.NETWORK_KIND_LABELS): their
# proper names may be translated for a reader of the other language, so they are checked on
# the kinds a country is offered, in English and in the country's language, not in the
# catalogues.
SWEDISH_AGENCIES = ["Försäkringskassan", "Arbetsförmedlingen", "elevhälsa", "BUP", "familjehem"]
DANISH_AGENCIES = ["PPR", "Udbetaling Danmark", "jobcenter", "plejefamilie", "døgninstitution"]


def _translations(language: str) -> list[tuple[str, str]]:
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return [
        (entry.msgid, text)
        for entry in po
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if text
    ]


@pytest.mark.parametrize(("language", "foreign"), [("sv", DANISH_ONLY), ("da", SWEDISH_ONLY)])
def test_a_catalogue_uses_no_term_of_the_other_country(language, foreign):
    pattern = re.compile(r"\b(" + "|".join(foreign) + r")\b", re.IGNORECASE)
    found = [(msgid, text) for msgid, text in _translations(language) if pattern.search(text)]
    assert found == []


@pytest.mark.parametrize(
    ("country", "language", "foreign", "own"),
    [
        ("SE", "en", DANISH_AGENCIES, SWEDISH_AGENCIES),
        ("SE", "sv", DANISH_AGENCIES, SWEDISH_AGENCIES),
        ("DK", "en", SWEDISH_AGENCIES, DANISH_AGENCIES),
        ("DK", "da", SWEDISH_AGENCIES, DANISH_AGENCIES),
    ],
)
def test_the_network_kinds_a_country_is_offered_name_no_agency_of_the_other(
    country, language, foreign, own
):
    with translation.override(language):
        labels = " | ".join(
            str(label) for _, label in network_kind_choices(country, OrganisationKind.choices)
        )
    assert re.findall(r"\b(" + "|".join(foreign) + r")\b", labels, re.IGNORECASE) == []
    assert re.findall(r"\b(" + "|".join(own) + r")\b", labels, re.IGNORECASE)
