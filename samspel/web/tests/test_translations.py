"""The Swedish and Danish catalogues are complete, consistent and up to date with the source.

When a test here fails after you added or changed a user-facing string: run
`make makemessages`, translate the new entries in samspel/locale/{sv,da}/LC_MESSAGES/django.po
(no `#, fuzzy` left), then `make messages`.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.urls import reverse

SAMSPEL = Path(__file__).resolve().parents[2]
LOCALE = SAMSPEL / "locale"
LANGUAGES = ["sv", "da"]
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
# The same options as `make makemessages`.
MAKEMESSAGES = ["makemessages", "-l", "sv", "--no-obsolete", "--no-location", "--ignore=static"]

PYTHON_FORMAT = re.compile(r"%(?:\(\w+\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
BRACE_FORMAT = re.compile(r"\{\w*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def keys(po: polib.POFile) -> set[tuple[str | None, str, str]]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}


def tokens(text: str, flags: list[str]) -> Counter:
    """Placeholders and HTML tags, which a translation must keep exactly."""
    found = HTML_TAG.findall(text)
    if "python-format" in flags:
        found += [t for t in PYTHON_FORMAT.findall(text) if t != "%%"]
    if "python-brace-format" in flags:
        found += BRACE_FORMAT.findall(text)
    return Counter(found)


def translation_pairs(entry: polib.POEntry):
    if entry.msgid_plural:
        for index, text in sorted(entry.msgstr_plural.items()):
            yield (entry.msgid if index == 0 else entry.msgid_plural), text
    else:
        yield entry.msgid, entry.msgstr


@pytest.mark.parametrize("language", LANGUAGES)
def test_header(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalogue(language)
    assert len(po) > 100, "the catalogue is nearly empty"
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated}"
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy}"
    obsolete = [e.msgid for e in po.obsolete_entries()]
    assert not obsolete, f"obsolete entries in {language}: {obsolete}"
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_markup_are_kept(language):
    wrong = []
    for entry in catalogue(language):
        for source, text in translation_pairs(entry):
            if tokens(source, entry.flags) != tokens(text, entry.flags):
                wrong.append((source, text))
    assert not wrong, f"placeholders or tags differ in {language}: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_both_languages_have_the_same_strings():
    assert keys(catalogue("sv")) == keys(catalogue("da"))


def test_catalogues_are_up_to_date_with_the_source(tmp_path):
    copy = tmp_path / "samspel"
    shutil.copytree(
        SAMSPEL,
        copy,
        ignore=shutil.ignore_patterns("static", "locale", "__pycache__", "*.pyc"),
    )
    (copy / "locale").mkdir()
    # Without settings, makemessages writes to ./locale; with them it would use LOCALE_PATHS,
    # which are the committed catalogues.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "django", *MAKEMESSAGES],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fresh = keys(polib.pofile(str(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po")))
    for language in LANGUAGES:
        committed = keys(catalogue(language))
        missing = sorted(k[1] for k in fresh - committed)
        stale = sorted(k[1] for k in committed - fresh)
        assert not missing and not stale, (
            f"{language} is out of date; run `make makemessages` and translate. "
            f"Missing: {missing}. No longer in the source: {stale}."
        )


# Pages in Swedish and Danish, from catalogues compiled from the committed .po files (so the
# test does not depend on `make messages` having run since the last edit).


@pytest.fixture(scope="module")
def compiled_locale(tmp_path_factory):
    root = tmp_path_factory.mktemp("locale")
    for language in LANGUAGES:
        target = root / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        catalogue(language).save_as_mofile(str(target / "django.mo"))
    return root


@pytest.fixture
def translated(settings, compiled_locale):
    settings.LOCALE_PATHS = [compiled_locale]


LOGIN = {"sv": "Logga in i Samspel", "da": "Log ind i Samspel"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page_is_translated(client, db, translated, language):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    text = client.get(reverse("accounts:login")).text
    assert f'<html lang="{language}">' in text
    assert f"<h1>{LOGIN[language]}</h1>" in text
    assert "Log in to Samspel" not in text


HOME = {
    "sv": ["Välkommen, Worker", "Dina ärenden", "Logga ut", "Hoppa till huvudinnehållet"],
    "da": ["Velkommen, Worker", "Dine sager", "Log ud", "Gå til hovedindhold"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_translated_for_the_users_language(
    client, personas, login, translated, case, language
):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    login(worker)
    text = client.get(reverse("web:home")).text
    assert f'<html lang="{language}">' in text
    for phrase in HOME[language]:
        assert phrase in text
    for english in ("Welcome, Worker", "Your cases", "Log out"):
        assert english not in text


CASE = {
    "sv": ["Ärende 2026-0001", "Översikt", "Lagrum", "Medansvarig", "Fokusbarn"],
    "da": ["Sag 2026-0001", "Overblik", "Lovgrundlag", "Medansvarlig", "Fokusbørn"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_case_page_is_translated(client, personas, login, translated, case, language):
    worker = personas["worker"]
    worker.language = language
    worker.save(update_fields=["language"])
    login(worker)
    text = client.get(reverse("cases:detail", args=[case.public_id])).text
    for phrase in CASE[language]:
        assert phrase in text
    assert "Legal basis" not in text
