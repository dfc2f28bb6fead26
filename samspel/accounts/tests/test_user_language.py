"""UserLanguageMiddleware: a signed-in user's language wins over the browser's."""

import pytest


@pytest.mark.parametrize(("language", "expected"), [("da", "da"), ("en", "en"), ("", "sv")])
def test_users_language_or_the_organisations_default(client, personas, login, language, expected):
    worker = personas["worker"]  # the organisation's default language is Swedish
    worker.language = language
    worker.save(update_fields=["language"])
    login(worker)
    response = client.get("/", headers={"Accept-Language": "da"} if expected != "da" else {})
    assert f'<html lang="{expected}">' in response.text


def test_users_language_wins_over_the_cookie(client, personas, login, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    login(personas["worker"])
    assert '<html lang="en">' in client.get("/").text


def test_anonymous_visitor_gets_the_browsers_language(client, db):
    response = client.get("/accounts/login/", headers={"Accept-Language": "da"})
    assert '<html lang="da">' in response.text
