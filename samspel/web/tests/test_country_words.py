"""Each country sees its own words (DOMAIN.md §8): the Swedish catalogue uses no Danish term of
the working models, the Danish catalogue no Swedish one."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
# Terms of the seeds that belong to one country only.
DANISH_ONLY = ["makker", "makkerskab", "makkerskaber", "tilsyn", "handleplan", "foranstaltning"]
SWEDISH_ONLY = ["vårdplan", "genomförandeplan", "familjeombud", "övervägande", "medansvarig"]


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
